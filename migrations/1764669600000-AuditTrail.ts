import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who changed the organisation's set-up: every change an ADMIN (or management) makes to staff, units,
 * categories, policies, closing days, external parties, API tokens, reviews and measures is a row here,
 * written in the same transaction as the change, as complaint steps are in their history. Append-only
 * like the history: the request role may insert and read, and the history's trigger refuses UPDATE,
 * DELETE and TRUNCATE to everyone outside maintenance.
 */
export class AuditTrail1764669600000 implements MigrationInterface {
  name = 'AuditTrail1764669600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "audit_event" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "at" timestamptz NOT NULL DEFAULT now(),
        "actor_id" uuid,
        "entity" varchar(40) NOT NULL,
        "entity_id" varchar(100) NOT NULL,
        "action" varchar(20) NOT NULL,
        "changes" jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT "PK_audit_event" PRIMARY KEY ("id"),
        CONSTRAINT "audit_event_actor_fk" FOREIGN KEY ("actor_id") REFERENCES "staff"("id") ON DELETE RESTRICT,
        CONSTRAINT "audit_event_action_check" CHECK ("action" IN ('CREATED', 'UPDATED', 'DELETED'))
      )`);
    await queryRunner.query(`CREATE INDEX "audit_event_entity_idx" ON "audit_event" ("entity", "entity_id", "at")`);
    await queryRunner.query(`CREATE INDEX "audit_event_actor_idx" ON "audit_event" ("actor_id", "at")`);
    await queryRunner.query(`GRANT SELECT, INSERT ON audit_event TO klachten_api`);
    await queryRunner.query(
      `CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW EXECUTE FUNCTION public.complaint_event_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION public.complaint_event_append_only()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_event"`);
  }
}
