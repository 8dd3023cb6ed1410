import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The overdue filters (complaints with an open deadline past due, sorted by receipt or due moment)
 * read only open complaints: partial indexes on them. At 1 000 000 complaints the overdue list
 * went from 1 220 ms to 199 ms with these (test/bench/results/explain-1m.md).
 */
export class OpenComplaintIndexes1764410400000 implements MigrationInterface {
  name = 'OpenComplaintIndexes1764410400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "complaint_open_next_due_idx" ON "complaint" ("next_due_at") WHERE "next_due_at" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "complaint_open_received_idx" ON "complaint" ("received_at") WHERE "next_due_at" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "complaint_open_received_idx"`);
    await queryRunner.query(`DROP INDEX "complaint_open_next_due_idx"`);
  }
}
