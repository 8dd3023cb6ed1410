import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateStaff1764064800000 implements MigrationInterface {
  name = 'CreateStaff1764064800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "staff" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT 1,
        "name" varchar(200) NOT NULL,
        "email" varchar(320) NOT NULL,
        "password_hash" varchar(200) NOT NULL,
        "roles" varchar(32) array NOT NULL,
        "active" boolean NOT NULL DEFAULT true,
        "session_version" integer NOT NULL DEFAULT 0,
        "last_login_at" timestamptz,
        CONSTRAINT "PK_staff" PRIMARY KEY ("id"),
        CONSTRAINT "staff_roles_check" CHECK (roles <@ ARRAY['EMPLOYEE', 'HANDLER', 'QUALITY_MANAGER', 'DIRECTOR', 'ADMIN', 'ANALYST']::varchar[] AND cardinality(roles) > 0),
        CONSTRAINT "staff_email_lower_check" CHECK (email = lower(email))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "staff_email_key" ON "staff" ("email")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "staff"`);
  }
}
