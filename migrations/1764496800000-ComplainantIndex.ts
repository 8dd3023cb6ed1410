import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * complaint.complainant_id had no index: erasing a complainant (or the bench removing its rows)
 * checked the foreign key by scanning every complaint — thousands of deletes against 1 000 000
 * complaints ran for minutes. Also serves "all complaints of this complainant".
 */
export class ComplainantIndex1764496800000 implements MigrationInterface {
  name = 'ComplainantIndex1764496800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "complaint_complainant_idx" ON "complaint" ("complainant_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "complaint_complainant_idx"`);
  }
}
