import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The month of a complaint as the statistics count it: the calendar month in Amsterdam of its receipt. */
const MONTH = (row: string) => `date_trunc('month', ${row}.received_at AT TIME ZONE 'Europe/Amsterdam')::date`;

/**
 * Statistics interactive at a million complaints (issue 17), with figures identical to counting every complaint:
 * - `statistics_rollup`, `statistics_lead_time`, `statistics_compliance`: per month and per value of one dimension
 *   (ALL, UNIT, CATEGORY, CHANNEL, POLICY, VERDICT, STATUS, KIND) what the statistics add up: the counts, each lead
 *   time's histogram in whole working days (so a median is exact), and the deadlines — the settled ones counted, the
 *   pending ones by their due moment, so "open" and "breached" are decided when read. Written by the statistics job,
 *   a month at a time (api/src/stats/rollup.ts).
 * - `statistics_change`: a month whose figures may have changed since its rollup was written, one row per change,
 *   written by triggers on everything the statistics read, in the same transaction as the change. A month with a row
 *   here is counted from the complaints when read, not from its rollup; the job writes the month again and deletes
 *   the rows its snapshot saw. So the figures are never stale, only slower for a month just changed.
 * Every month with complaints starts out changed: the first run of the job writes them all.
 */
export class StatisticsRollup1765620000000 implements MigrationInterface {
  name = 'StatisticsRollup1765620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    await sql(`CREATE TABLE "statistics_change" ("month" date NOT NULL)`);
    await sql(`
      CREATE TABLE "statistics_rollup" (
        "month" date NOT NULL,
        "dimension" character varying(10) NOT NULL,
        "value" text,
        "complaints" integer NOT NULL,
        "signals" integer NOT NULL,
        "assessed" integer NOT NULL,
        "well_founded" integer NOT NULL,
        "paused" integer NOT NULL,
        "extended" integer NOT NULL,
        "resolved_by_receiver" integer NOT NULL,
        "objections" integer NOT NULL,
        "late_objections" integer NOT NULL,
        "hearings_held" integer NOT NULL,
        "hearings_waived" integer NOT NULL,
        "settlements" integer NOT NULL,
        "referrals" integer NOT NULL,
        "referral_outcomes" integer NOT NULL,
        "binding_outcomes" integer NOT NULL,
        "satisfaction_sum" bigint NOT NULL,
        "satisfaction_responses" integer NOT NULL,
        "survey_handling_sum" bigint NOT NULL,
        "survey_outcome_sum" bigint NOT NULL,
        "survey_responses" integer NOT NULL,
        "reopen_requests" integer NOT NULL
      )`);
    await sql(`CREATE INDEX "statistics_rollup_dimension_month_idx" ON "statistics_rollup" ("dimension", "month")`);
    await sql(`
      CREATE TABLE "statistics_lead_time" (
        "month" date NOT NULL,
        "dimension" character varying(10) NOT NULL,
        "value" text,
        "measure" character varying(20) NOT NULL,
        "days" integer NOT NULL,
        "count" integer NOT NULL
      )`);
    await sql(`CREATE INDEX "statistics_lead_time_dimension_month_idx" ON "statistics_lead_time" ("dimension", "month")`);
    await sql(`
      CREATE TABLE "statistics_compliance" (
        "month" date NOT NULL,
        "dimension" character varying(10) NOT NULL,
        "value" text,
        "kind" character varying(30) NOT NULL,
        "pending_due" TIMESTAMP WITH TIME ZONE,
        "on_time" integer NOT NULL,
        "late" integer NOT NULL,
        "breached" integer NOT NULL,
        "pending" integer NOT NULL
      )`);
    await sql(`CREATE INDEX "statistics_compliance_dimension_month_idx" ON "statistics_compliance" ("dimension", "month")`);

    // Any change to a complaint or to what the statistics read beside it marks its month; an update of a complaint
    // always does (whichever column changed: a column the statistics read later needs no new trigger).
    await sql(`
      CREATE FUNCTION public.statistics_changed() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        IF TG_TABLE_NAME = 'complaint' THEN
          IF TG_OP <> 'INSERT' THEN
            INSERT INTO public.statistics_change (month) VALUES (${MONTH('OLD')});
          END IF;
          IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.received_at IS DISTINCT FROM OLD.received_at) THEN
            INSERT INTO public.statistics_change (month) VALUES (${MONTH('NEW')});
          END IF;
        ELSE
          INSERT INTO public.statistics_change (month)
            SELECT ${MONTH('c')} FROM public.complaint c
            WHERE c.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.complaint_id ELSE NEW.complaint_id END;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['complaint', 'deadline', 'objection', 'referral', 'satisfaction_survey'])
      await sql(`CREATE TRIGGER statistics_changed AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION public.statistics_changed()`);

    await sql(`INSERT INTO statistics_change (month) SELECT DISTINCT ${MONTH('c')} FROM complaint c`);
    await sql(`GRANT SELECT, INSERT, DELETE ON statistics_change, statistics_rollup, statistics_lead_time, statistics_compliance TO klachten_api`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['complaint', 'deadline', 'objection', 'referral', 'satisfaction_survey'])
      await queryRunner.query(`DROP TRIGGER statistics_changed ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION public.statistics_changed()`);
    await queryRunner.query(`DROP TABLE "statistics_compliance", "statistics_lead_time", "statistics_rollup", "statistics_change"`);
  }
}
