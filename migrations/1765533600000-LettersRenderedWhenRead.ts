import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A letter's PDF is rendered from its stored text the first time it is read (to be sent, downloaded, posted or
 * exported) and kept from then on, no longer while the letter is written: what the PDF shows besides the text is
 * kept with the letter — who signs it and the date it carries. Letters written before have their PDF already.
 */
export class LettersRenderedWhenRead1765533600000 implements MigrationInterface {
  name = 'LettersRenderedWhenRead1765533600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "letter" ADD "signed_by" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "letter" ADD "dated" date`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "letter" DROP COLUMN "dated"`);
    await queryRunner.query(`ALTER TABLE "letter" DROP COLUMN "signed_by"`);
  }
}
