import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * BI and the half-yearly review: API tokens, lead times in working days on the complaint (computed by
 * the calendar when the step happens, so percentiles are plain SQL), a complainant pseudonym, an index
 * for incremental extraction (updated_at, id), reviews and measures.
 */
export class BiAndReview1764324000000 implements MigrationInterface {
  name = 'BiAndReview1764324000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    const base = `"id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT 1`;

    await sql(`ALTER TABLE "complaint" ADD "ack_working_days" integer`);
    await sql(`ALTER TABLE "complaint" ADD "response_working_days" integer`);
    await sql(`ALTER TABLE "complaint" ADD "closure_working_days" integer`);
    await sql(`CREATE INDEX "complaint_updated_idx" ON "complaint" ("updated_at", "id")`);
    // The app sets it at intake; this lands with the complaint tables, so the default only satisfies the ALTER.
    await sql(`ALTER TABLE "complainant" ADD "pseudonym" varchar(64) NOT NULL DEFAULT ''`);
    await sql(`ALTER TABLE "complainant" ALTER COLUMN "pseudonym" DROP DEFAULT`);
    await sql(`CREATE INDEX "complainant_pseudonym_idx" ON "complainant" ("pseudonym")`);

    await sql(`
      CREATE TABLE "api_token" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" varchar(200) NOT NULL,
        "scope" varchar(20) NOT NULL,
        "token_hash" varchar(64) NOT NULL,
        "prefix" varchar(16) NOT NULL,
        "created_by_id" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_used_at" timestamptz,
        "revoked_at" timestamptz,
        CONSTRAINT "PK_api_token" PRIMARY KEY ("id"),
        CONSTRAINT "api_token_scope_check" CHECK (scope IN ('ANALYST', 'WEBSITE')),
        CONSTRAINT "api_token_created_by_fk" FOREIGN KEY ("created_by_id") REFERENCES "staff"("id") ON DELETE RESTRICT
      )`);
    await sql(`CREATE UNIQUE INDEX "api_token_hash_key" ON "api_token" ("token_hash")`);

    await sql(`
      CREATE TABLE "review" (
        ${base},
        "period_start" date NOT NULL,
        "period_end" date NOT NULL,
        "status" varchar(20) NOT NULL,
        "opened_by_id" uuid NOT NULL,
        "findings" text,
        "closed_at" timestamptz,
        CONSTRAINT "PK_review" PRIMARY KEY ("id"),
        CONSTRAINT "review_status_check" CHECK (status IN ('OPEN', 'CLOSED')),
        CONSTRAINT "review_period_check" CHECK (period_end > period_start),
        CONSTRAINT "review_opened_by_fk" FOREIGN KEY ("opened_by_id") REFERENCES "staff"("id") ON DELETE RESTRICT
      )`);
    await sql(`CREATE INDEX "review_period_idx" ON "review" ("period_start")`);

    await sql(`
      CREATE TABLE "measure" (
        ${base},
        "review_id" uuid NOT NULL,
        "description" text NOT NULL,
        "owner_id" uuid NOT NULL,
        "due_date" date NOT NULL,
        "status" varchar(20) NOT NULL,
        "complaint_ids" uuid array NOT NULL DEFAULT '{}',
        "follow_up" text,
        "done_at" timestamptz,
        CONSTRAINT "PK_measure" PRIMARY KEY ("id"),
        CONSTRAINT "measure_status_check" CHECK (status IN ('OPEN', 'DONE')),
        CONSTRAINT "measure_review_fk" FOREIGN KEY ("review_id") REFERENCES "review"("id") ON DELETE CASCADE,
        CONSTRAINT "measure_owner_fk" FOREIGN KEY ("owner_id") REFERENCES "staff"("id") ON DELETE RESTRICT
      )`);
    await sql(`CREATE INDEX "measure_review_idx" ON "measure" ("review_id")`);
    await sql(`CREATE INDEX "measure_open_due_idx" ON "measure" ("due_date") WHERE "status" = 'OPEN'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['measure', 'review', 'api_token']) await queryRunner.query(`DROP TABLE "${table}"`);
    await queryRunner.query(`DROP INDEX "complainant_pseudonym_idx"`);
    await queryRunner.query(`ALTER TABLE "complainant" DROP COLUMN "pseudonym"`);
    await queryRunner.query(`DROP INDEX "complaint_updated_idx"`);
    for (const column of ['closure_working_days', 'response_working_days', 'ack_working_days']) {
      await queryRunner.query(`ALTER TABLE "complaint" DROP COLUMN "${column}"`);
    }
  }
}
