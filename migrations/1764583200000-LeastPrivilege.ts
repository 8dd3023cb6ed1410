import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Least privilege and an append-only history (api/src/database/roles.ts):
 *
 * - the group role klachten_api gets exactly what requests need, table by table: nothing is owned by it,
 *   the history (complaint_event) only SELECT and INSERT;
 * - a trigger refuses UPDATE, DELETE and TRUNCATE of the history to everyone, the owner included, unless the
 *   session says `SET klachten.history_maintenance = 'on'` (a migration, a reviewed maintenance script);
 * - every event carries the SHA-256 of its predecessor's hash and its own content (a hash chain per
 *   complaint), computed by the database on insert, so verifyHistory can tell a rewritten or removed event;
 * - rate limits live in PostgreSQL (rate-limiter-flexible's table), shared by every instance;
 * - idempotency keys move from complaint to a table of their own: scoped to the sender, with the hash of the
 *   request (the same key with another body is refused). Keys on complaint.idempotency_key are not carried
 *   over: they were unscoped, and a key only protects a retry within minutes.
 */
export class LeastPrivilege1764583200000 implements MigrationInterface {
  name = 'LeastPrivilege1764583200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'klachten_api') THEN
          BEGIN
            CREATE ROLE klachten_api NOLOGIN;
          EXCEPTION WHEN insufficient_privilege THEN
            RAISE EXCEPTION 'The group role klachten_api does not exist and % may not create it: as a superuser, run CREATE ROLE klachten_api NOLOGIN; GRANT klachten_api TO <the request role>; (README, An external PostgreSQL)', current_user;
          END;
        END IF;
      END $$`);

    // ---- grants: exactly what the request role needs
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO klachten_api`);
    await queryRunner.query(`
      GRANT SELECT, INSERT, UPDATE ON
        staff, organisational_unit, category, policy, complaint, deadline, complaint_reference_counter,
        objection, hearing, external_party, referral, api_token, review, measure
      TO klachten_api`);
    await queryRunner.query(`GRANT SELECT, INSERT, DELETE ON calendar_day TO klachten_api`);
    await queryRunner.query(`GRANT SELECT, INSERT ON complainant, contact_moment, attachment, complaint_event TO klachten_api`);
    await queryRunner.query(`GRANT USAGE ON SEQUENCE complaint_event_seq_seq TO klachten_api`);

    // ---- the hash chain
    await queryRunner.query(`ALTER TABLE "complaint_event" ADD "prev_hash" bytea, ADD "hash" bytea`);
    // The functions name their tables and sequence with the schema and search nothing else: a session's
    // temporary table or sequence of the same name cannot stand in for them.
    await queryRunner.query(`
      CREATE FUNCTION public.complaint_event_digest(previous bytea, event public.complaint_event) RETURNS bytea
      LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
        SELECT sha256(coalesce(previous, ''::bytea) || convert_to(concat_ws(E'\\x1f',
          event.id::text, event.complaint_id::text, event.seq::text, event.type,
          to_char(event.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          coalesce(event.actor_id::text, ''), coalesce(event.from_status, ''), coalesce(event.to_status, ''),
          event.data::text), 'UTF8'))
      $$`);
    await queryRunner.query(`
      DO $$
      DECLARE
        event complaint_event;
        previous bytea;
        current_complaint uuid;
      BEGIN
        FOR event IN SELECT * FROM complaint_event ORDER BY complaint_id, seq LOOP
          IF current_complaint IS DISTINCT FROM event.complaint_id THEN
            previous := NULL;
            current_complaint := event.complaint_id;
          END IF;
          UPDATE complaint_event SET prev_hash = previous, hash = public.complaint_event_digest(previous, event) WHERE id = event.id RETURNING hash INTO previous;
        END LOOP;
      END $$`);
    await queryRunner.query(`ALTER TABLE "complaint_event" ALTER COLUMN "hash" SET NOT NULL`);
    await queryRunner.query(`
      CREATE FUNCTION public.complaint_event_chain() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        -- One writer per complaint at a time (a row lock, which also scales to a transaction that writes the
        -- events of many complaints); the number is drawn after the lock, so seq order is chain order.
        PERFORM 1 FROM public.complaint WHERE id = NEW.complaint_id FOR NO KEY UPDATE;
        NEW.seq := nextval('public.complaint_event_seq_seq'::regclass);
        SELECT hash INTO NEW.prev_hash FROM public.complaint_event WHERE complaint_id = NEW.complaint_id ORDER BY seq DESC LIMIT 1;
        NEW.hash := public.complaint_event_digest(NEW.prev_hash, NEW);
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER complaint_event_chain BEFORE INSERT ON complaint_event FOR EACH ROW EXECUTE FUNCTION public.complaint_event_chain()`,
    );

    // ---- append-only, for everyone outside maintenance
    await queryRunner.query(`
      CREATE FUNCTION public.complaint_event_append_only() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        IF current_setting('klachten.history_maintenance', true) IS DISTINCT FROM 'on' THEN
          RAISE EXCEPTION 'the complaint history is append-only: % is refused', TG_OP USING ERRCODE = '42501';
        END IF;
        IF TG_LEVEL = 'STATEMENT' THEN RETURN NULL; END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER complaint_event_append_only BEFORE UPDATE OR DELETE ON complaint_event FOR EACH ROW EXECUTE FUNCTION public.complaint_event_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER complaint_event_no_truncate BEFORE TRUNCATE ON complaint_event FOR EACH STATEMENT EXECUTE FUNCTION public.complaint_event_append_only()`,
    );

    // ---- rate limits (rate-limiter-flexible's layout; its keys carry the limiter's prefix)
    await queryRunner.query(`CREATE TABLE "rate_limit" ("key" varchar(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit TO klachten_api`);

    // ---- idempotency keys, scoped to the sender
    await queryRunner.query(`
      CREATE TABLE "idempotency_key" (
        "scope" varchar(100) NOT NULL,
        "key" varchar(100) NOT NULL,
        "request_hash" varchar(64) NOT NULL,
        "complaint_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_idempotency_key" PRIMARY KEY ("scope", "key"),
        CONSTRAINT "idempotency_key_complaint_fk" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "idempotency_key_created_idx" ON "idempotency_key" ("created_at")`);
    await queryRunner.query(`CREATE INDEX "idempotency_key_complaint_idx" ON "idempotency_key" ("complaint_id")`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_key TO klachten_api`);
    await queryRunner.query(`DROP INDEX "complaint_idempotency_key"`);
    await queryRunner.query(`ALTER TABLE "complaint" DROP COLUMN "idempotency_key"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "complaint" ADD "idempotency_key" varchar(100)`);
    await queryRunner.query(`CREATE UNIQUE INDEX "complaint_idempotency_key" ON "complaint" ("idempotency_key") WHERE "idempotency_key" IS NOT NULL`);
    await queryRunner.query(`DROP TABLE "idempotency_key"`);
    await queryRunner.query(`DROP TABLE "rate_limit"`);
    await queryRunner.query(`DROP TRIGGER complaint_event_no_truncate ON complaint_event`);
    await queryRunner.query(`DROP TRIGGER complaint_event_append_only ON complaint_event`);
    await queryRunner.query(`DROP FUNCTION complaint_event_append_only()`);
    await queryRunner.query(`DROP TRIGGER complaint_event_chain ON complaint_event`);
    await queryRunner.query(`DROP FUNCTION complaint_event_chain()`);
    await queryRunner.query(`DROP FUNCTION complaint_event_digest(bytea, complaint_event)`);
    await queryRunner.query(`ALTER TABLE "complaint_event" DROP COLUMN "hash", DROP COLUMN "prev_hash"`);
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM klachten_api`);
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM klachten_api`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM klachten_api`);
  }
}
