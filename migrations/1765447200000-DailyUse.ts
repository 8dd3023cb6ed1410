import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The panel for daily use (issue 16):
 * - each member of staff's own language for the admin panel (Dutch unless they choose English);
 * - which deadline a complaint's next_due_at is (next_due_kind), kept beside it, so a list names the deadline that is
 *   due or late without reading the deadlines; filled in for the complaints there are;
 * - search from anywhere: a complaint's search_vector — the complainant's name ('simple', weight A), the description and
 *   the service it is about (Dutch stemming, C and D) — with a GIN index, kept by triggers: on the complaint when its
 *   texts change, and on its complaints when a complainant's name changes (anonymisation replaces it, and so the
 *   vector loses it with it);
 * - queues: a policy may let a HANDLER of a complaint's unit pick it up from the unit's unassigned queue (off by
 *   default: a director assigns, as before).
 */
export class DailyUse1765447200000 implements MigrationInterface {
  name = 'DailyUse1765447200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    await sql(`ALTER TABLE "staff" ADD "language" character varying(2) NOT NULL DEFAULT 'NL'`);
    await sql(`ALTER TABLE "staff" ADD CONSTRAINT "staff_language_check" CHECK (language IN ('NL', 'EN'))`);
    await sql(`ALTER TABLE "complaint" ADD "next_due_kind" character varying(30)`);
    await sql(`
      UPDATE complaint c SET next_due_kind = (
        SELECT d.kind FROM deadline d
        WHERE d.complaint_id = c.id AND d.met_at IS NULL AND d.cancelled_at IS NULL AND d.paused_at IS NULL
          AND d.kind NOT IN ('OBJECTION_WINDOW', 'INFORMATION')
        ORDER BY d.due_at, d.kind LIMIT 1)
      WHERE c.next_due_at IS NOT NULL`);

    await sql(`ALTER TABLE "complaint" ADD "search_vector" tsvector`);
    await sql(`
      CREATE FUNCTION public.complaint_search_vector(p_description text, p_subject_service text, p_name text) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
        SELECT setweight(to_tsvector('simple', coalesce(p_name, '')), 'A')
            || setweight(to_tsvector('dutch', coalesce(p_description, '')), 'C')
            || setweight(to_tsvector('dutch', coalesce(p_subject_service, '')), 'D')
      $$`);
    await sql(`
      CREATE FUNCTION public.complaint_search_refresh() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        NEW.search_vector := public.complaint_search_vector(NEW.description, NEW.subject_service,
          (SELECT name FROM public.complainant WHERE id = NEW.complainant_id));
        RETURN NEW;
      END $$`);
    await sql(
      `CREATE TRIGGER complaint_search_refresh BEFORE INSERT OR UPDATE OF description, subject_service, complainant_id ON complaint
       FOR EACH ROW EXECUTE FUNCTION public.complaint_search_refresh()`,
    );
    await sql(`
      CREATE FUNCTION public.complainant_search_refresh() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        UPDATE public.complaint SET search_vector = public.complaint_search_vector(description, subject_service, NEW.name) WHERE complainant_id = NEW.id;
        RETURN NULL;
      END $$`);
    await sql(
      `CREATE TRIGGER complainant_search_refresh AFTER UPDATE OF name ON complainant
       FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION public.complainant_search_refresh()`,
    );
    await sql(
      `UPDATE complaint c SET search_vector = public.complaint_search_vector(c.description, c.subject_service, p.name) FROM complainant p WHERE p.id = c.complainant_id`,
    );
    await sql(`CREATE INDEX "complaint_search_idx" ON "complaint" USING gin ("search_vector")`);
    await sql(`ALTER TABLE "policy" ADD "self_assignment" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    await sql(`ALTER TABLE "policy" DROP COLUMN "self_assignment"`);
    await sql(`DROP TRIGGER complainant_search_refresh ON complainant`);
    await sql(`DROP TRIGGER complaint_search_refresh ON complaint`);
    await sql(`DROP FUNCTION public.complainant_search_refresh()`);
    await sql(`DROP FUNCTION public.complaint_search_refresh()`);
    await sql(`DROP FUNCTION public.complaint_search_vector(text, text, text)`);
    await sql(`ALTER TABLE "complaint" DROP COLUMN "search_vector"`);
    await sql(`ALTER TABLE "complaint" DROP COLUMN "next_due_kind"`);
    await sql(`ALTER TABLE "staff" DROP CONSTRAINT "staff_language_check"`);
    await sql(`ALTER TABLE "staff" DROP COLUMN "language"`);
  }
}
