import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The director an objection goes to, on the complaint: the procedure table decides "only that director
 * decides it" from the complaint's row, as it does every other who-and-when (availableActions no longer
 * offers DECIDE_OBJECTION to a director of another unit).
 */
export class ObjectionDirector1764756000000 implements MigrationInterface {
  name = 'ObjectionDirector1764756000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "complaint" ADD "objection_director_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "complaint" ADD CONSTRAINT "complaint_objection_director_fk" FOREIGN KEY ("objection_director_id") REFERENCES "staff"("id") ON DELETE RESTRICT`,
    );
    await queryRunner.query(
      `UPDATE complaint c SET objection_director_id = o.director_id FROM objection o WHERE o.complaint_id = c.id AND o.director_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "complaint" DROP CONSTRAINT "complaint_objection_director_fk"`);
    await queryRunner.query(`ALTER TABLE "complaint" DROP COLUMN "objection_director_id"`);
  }
}
