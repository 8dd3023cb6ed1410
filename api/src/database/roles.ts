import type { Client } from 'pg';

/**
 * Least privilege in the database (PostgREST's authenticator/anonymous roles):
 *
 *  owner         owns the database, its schema and every table; runs the migrations. Never serves requests.
 *  klachten_api  a NOLOGIN group role that holds exactly the grants requests need (the migrations grant
 *                to it): SELECT and INSERT on the history, no UPDATE, DELETE or TRUNCATE there.
 *  request role  the login role that serves requests (DATABASE_URL): owns nothing, is a member of klachten_api.
 *
 * The embedded database creates all three at initialisation; an external server's DBA creates them once
 * (README, "An external PostgreSQL").
 */
export const REQUEST_GROUP_ROLE = 'klachten_api';

export interface LoginRole {
  name: string;
  password: string;
}

export interface DatabaseRoles {
  owner: LoginRole;
  request: LoginRole;
}

/** Creates (or updates the passwords of) the owner and request roles; needs a superuser connection. */
export async function ensureDatabaseRoles(superuser: Client, roles: DatabaseRoles): Promise<void> {
  const ident = (name: string) => superuser.escapeIdentifier(name);
  const literal = (text: string) => superuser.escapeLiteral(text);
  for (const [name, options] of [
    [REQUEST_GROUP_ROLE, 'NOLOGIN'],
    [roles.owner.name, `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${literal(roles.owner.password)}`],
    [roles.request.name, `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT PASSWORD ${literal(roles.request.password)}`],
  ] as const) {
    const { rowCount } = await superuser.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
    try {
      await superuser.query(`${rowCount ? 'ALTER' : 'CREATE'} ROLE ${ident(name)} ${options}`);
    } catch (error) {
      // Another process created it between the check and the CREATE (cluster-wide names, parallel test runs).
      if ((error as { code?: string }).code !== '42710') throw error;
      await superuser.query(`ALTER ROLE ${ident(name)} ${options}`);
    }
  }
  await superuser.query(`GRANT ${ident(REQUEST_GROUP_ROLE)} TO ${ident(roles.request.name)}`);
}

/**
 * Makes `owner` the owner of `database`, its public schema and everything in it (an embedded DATA_DIR
 * from before the roles existed has it all owned by the superuser); PUBLIC may only connect through the
 * group role. Run as a superuser, connected to `database`.
 */
export async function handOverToOwner(superuser: Client, database: string, owner: string): Promise<void> {
  // The name also goes into a DO block below: only plain role names (they come from the configuration).
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(owner)) throw new Error(`The owner role's name must be letters, digits and _ (got "${owner}")`);
  const ident = (name: string) => superuser.escapeIdentifier(name);
  await superuser.query(`ALTER DATABASE ${ident(database)} OWNER TO ${ident(owner)}`);
  await superuser.query(`REVOKE ALL ON DATABASE ${ident(database)} FROM PUBLIC`);
  await superuser.query(`GRANT CONNECT ON DATABASE ${ident(database)} TO ${ident(REQUEST_GROUP_ROLE)}`);
  await superuser.query(`ALTER SCHEMA public OWNER TO ${ident(owner)}`);
  await superuser.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
  await superuser.query(
    `DO $$
     DECLARE
       object record;
     BEGIN
       FOR object IN
         SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND pg_get_userbyid(c.relowner) <> ${superuser.escapeLiteral(owner)}
           -- a sequence owned by a table follows its table
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i') AND c.relkind = 'S')
       LOOP
         EXECUTE format('ALTER %s public.%I OWNER TO %I',
           CASE object.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
           object.relname, ${superuser.escapeLiteral(owner)});
       END LOOP;
       FOR object IN
         SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
         WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> ${superuser.escapeLiteral(owner)}
       LOOP
         EXECUTE format('ALTER FUNCTION %s OWNER TO %I', object.signature, ${superuser.escapeLiteral(owner)});
       END LOOP;
     END $$`,
  );
}

/** What the request role may do that it should not: the answer of the start-up check. */
export interface PrivilegeReport {
  role: string;
  superuser: boolean;
  ownsObjects: boolean;
  canAlterHistory: boolean;
  inRequestGroup: boolean;
}

export const PRIVILEGE_REPORT_SQL = `
  SELECT current_user AS role,
         r.rolsuper AS superuser,
         EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = 'public' AND c.relowner = r.oid) AS "ownsObjects",
         (has_table_privilege('public.complaint_event', 'UPDATE') OR has_table_privilege('public.complaint_event', 'DELETE')
           OR has_table_privilege('public.complaint_event', 'TRUNCATE')) AS "canAlterHistory",
         pg_has_role(current_user, '${REQUEST_GROUP_ROLE}', 'USAGE') AS "inRequestGroup"
  FROM pg_roles r WHERE r.rolname = current_user`;
