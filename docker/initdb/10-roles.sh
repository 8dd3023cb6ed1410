#!/bin/sh
# First start of the postgres container only (docker-entrypoint-initdb.d): the database belongs to
# klachten_owner, who runs the migrations; requests run as klachten_app, a member of klachten_api that
# owns nothing and may only append to the history (api/src/database/roles.ts; `npm run db:roles` does
# the same on any other server).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$KLACHTEN_OWNER_PASSWORD" -v app_password="$KLACHTEN_APP_PASSWORD" <<'SQL'
CREATE ROLE klachten_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE klachten_api NOLOGIN;
CREATE ROLE klachten_app LOGIN PASSWORD :'app_password' IN ROLE klachten_api;
CREATE DATABASE klachten OWNER klachten_owner;
REVOKE ALL ON DATABASE klachten FROM PUBLIC;
GRANT CONNECT ON DATABASE klachten TO klachten_api;
\connect klachten
ALTER SCHEMA public OWNER TO klachten_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
