import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Privacy (DOMAIN.md, Forgetting; AVG art. 5, 15, 17): a retention period per policy, a DIRECTOR's legal hold,
 * access and erasure requests, the deletion ledger, and real attachments (a content hash, removal).
 *
 * The one path that removes personal data is the database function anonymise_complaint, reviewed here:
 *
 * - it runs as its owner (SECURITY DEFINER), because the history is append-only and the request role may not
 *   change it; the request role may only EXECUTE it, so every removal goes through its checks and writes its
 *   ledger entry in the same transaction;
 * - it refuses a dossier that must be kept: not closed, withdrawn or archived, held by a DIRECTOR, an objection
 *   not decided or settled, a referral without its outcome;
 * - it replaces the complainant's identity and contact details, every free text of the dossier (description,
 *   subject service, assessment, answer, reasons, contact summaries, questions and answers, statements, the
 *   hearing's place and minutes, the objection's grounds and decision, the referral, the letters and their
 *   PDFs, the outbox's messages) and the attachments' names; their files are queued in file_deletion for the
 *   app to remove from storage after commit; the idempotency records go;
 * - the history keeps every event, its type, moment, actor and statuses; in its data every string that is not a
 *   code, a date, a number, an id or a reference is replaced (redact_jsonb); the hash chain of the dossier is
 *   recomputed and the ledger keeps its last hash before and after, so verifyHistory still proves the rest;
 * - counts, dates, verdicts, categories, units, channels and lead times stay: the statistics do not change.
 *   The BI pseudonym is replaced by a random one: the facts stay, the link to the person goes.
 */
const EVENTS = [
  'SUBMITTED',
  'REGISTERED',
  'FORWARDED',
  'HANDLER_ASSIGNED',
  'CONTACT_RECORDED',
  'ASSESSMENT_RECORDED',
  'RESPONDED',
  'OUTCOME_RECORDED',
  'CLOSED',
  'ARCHIVED',
  'WITHDRAWN',
  'REOPENED',
  'NOTE_ADDED',
  'OBJECTION_FILED',
  'HEARING_SCHEDULED',
  'HEARING_RESCHEDULED',
  'HEARING_HELD',
  'HEARING_WAIVED',
  'SETTLEMENT_RECORDED',
  'OBJECTION_DECIDED',
  'REFERRED',
  'REFERRAL_OUTCOME_RECORDED',
  'ATTACHMENT_ADDED',
  'INFORMATION_REQUESTED',
  'RESUMED',
  'EXTENDED',
  'RESOLVED_BY_RECEIVER',
  'STATEMENT_RECORDED',
  'DEADLINES_CANCELLED',
  'DEADLINE_BREACHED',
];
const NEW_EVENTS = ['LEGAL_HOLD_SET', 'LEGAL_HOLD_LIFTED', 'ANONYMISED'];

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

export class Privacy1765101600000 implements MigrationInterface {
  name = 'Privacy1765101600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);

    // ---- retention per policy, the legal hold, anonymised dossiers
    await sql(`ALTER TABLE "policy" ADD "retention_months" integer NOT NULL DEFAULT '24'`);
    await sql(`ALTER TABLE "policy" ADD CONSTRAINT "policy_retention_months_check" CHECK (retention_months BETWEEN 1 AND 240)`);
    await sql(`ALTER TABLE "complaint" ADD "legal_hold_at" TIMESTAMP WITH TIME ZONE`);
    await sql(`ALTER TABLE "complaint" ADD "legal_hold_by_id" uuid`);
    await sql(`ALTER TABLE "complaint" ADD "legal_hold_reason" text`);
    await sql(`ALTER TABLE "complaint" ADD "anonymised_at" TIMESTAMP WITH TIME ZONE`);
    await sql(`ALTER TABLE "complaint" ADD CONSTRAINT "complaint_legal_hold_check" CHECK ((legal_hold_at IS NULL) = (legal_hold_reason IS NULL))`);
    await sql(
      `ALTER TABLE "complaint" ADD CONSTRAINT "complaint_legal_hold_by_fk" FOREIGN KEY ("legal_hold_by_id") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await sql(`ALTER TABLE "complainant" ADD "anonymised_at" TIMESTAMP WITH TIME ZONE`);
    await sql(`ALTER TABLE "complainant" DROP CONSTRAINT "complainant_contact_check"`);
    await sql(
      `ALTER TABLE "complainant" ADD CONSTRAINT "complainant_contact_check" CHECK (email IS NOT NULL OR phone IS NOT NULL OR postal_address IS NOT NULL OR anonymised_at IS NOT NULL)`,
    );
    await sql(`ALTER TABLE "complaint_event" DROP CONSTRAINT "complaint_event_type_check"`);
    await sql(`ALTER TABLE "complaint_event" ADD CONSTRAINT "complaint_event_type_check" CHECK (type IN (${list([...EVENTS, ...NEW_EVENTS])}))`);

    // ---- attachments for real: a content hash; removal keeps the record without name or content
    // the uploaded file's key in the file store (DATA_DIR or S3), apart from storage_key: that stays the free-text
    // location of a document recorded by its metadata only, and is never opened
    await sql(`ALTER TABLE "attachment" ADD "file_key" character varying(500)`);
    await sql(`CREATE UNIQUE INDEX "attachment_file_key" ON "attachment" ("file_key")`);
    await sql(`ALTER TABLE "attachment" ADD "sha256" character varying(64)`);
    await sql(`ALTER TABLE "attachment" ADD "removed_at" TIMESTAMP WITH TIME ZONE`);
    await sql(`ALTER TABLE "letter" ALTER COLUMN "pdf" DROP NOT NULL`);
    // files the database let go of, for the app to remove from storage (after commit, retried until done)
    await sql(`
      CREATE TABLE "file_deletion" (
        "storage_key" character varying(500) NOT NULL,
        "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_file_deletion" PRIMARY KEY ("storage_key")
      )`);
    // UPDATE only for SELECT ... FOR UPDATE SKIP LOCKED: instances take turns on the list
    await sql(`GRANT SELECT, INSERT, UPDATE, DELETE ON file_deletion TO klachten_api`);

    // ---- access and erasure requests
    await sql(`
      CREATE TABLE "privacy_request" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT '1',
        "kind" character varying(20) NOT NULL,
        "status" character varying(20) NOT NULL DEFAULT 'RECORDED',
        "complaint_id" uuid NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "recorded_by_id" uuid NOT NULL,
        "carried_out_at" TIMESTAMP WITH TIME ZONE,
        "carried_out_by_id" uuid,
        "complaint_ids" uuid array NOT NULL DEFAULT '{}',
        CONSTRAINT "privacy_request_status_check" CHECK (status IN ('RECORDED', 'CARRIED_OUT')),
        CONSTRAINT "privacy_request_kind_check" CHECK (kind IN ('ACCESS', 'ERASURE')),
        CONSTRAINT "PK_privacy_request" PRIMARY KEY ("id"),
        CONSTRAINT "privacy_request_complaint_fk" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "privacy_request_recorded_by_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "privacy_request_carried_out_by_fk" FOREIGN KEY ("carried_out_by_id") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await sql(`CREATE INDEX "privacy_request_complaint_idx" ON "privacy_request" ("complaint_id")`);
    await sql(`CREATE INDEX "privacy_request_received_idx" ON "privacy_request" ("received_at")`);
    await sql(`GRANT SELECT, INSERT, UPDATE ON privacy_request TO klachten_api`);

    // ---- the ledger: written by anonymise_complaint only, append-only for everyone
    await sql(`
      CREATE TABLE "retention_ledger" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "complaint_id" uuid NOT NULL,
        "reference" character varying(20) NOT NULL,
        "at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "rule" character varying(20) NOT NULL,
        "retention_months" integer,
        "privacy_request_id" uuid,
        "actor_id" uuid,
        "removed" jsonb NOT NULL,
        "events_redacted" integer NOT NULL,
        "history_hash_before" bytea,
        "history_hash_after" bytea,
        CONSTRAINT "retention_ledger_rule_check" CHECK (rule IN ('RETENTION', 'ERASURE_REQUEST')),
        CONSTRAINT "PK_retention_ledger" PRIMARY KEY ("id"),
        CONSTRAINT "retention_ledger_complaint_fk" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "retention_ledger_request_fk" FOREIGN KEY ("privacy_request_id") REFERENCES "privacy_request"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "retention_ledger_actor_fk" FOREIGN KEY ("actor_id") REFERENCES "staff"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await sql(`CREATE UNIQUE INDEX "retention_ledger_complaint_key" ON "retention_ledger" ("complaint_id")`);
    await sql(`CREATE INDEX "retention_ledger_at_idx" ON "retention_ledger" ("at")`);
    await sql(`GRANT SELECT ON retention_ledger TO klachten_api`);
    await sql(`
      CREATE FUNCTION public.retention_ledger_append_only() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        IF current_setting('klachten.history_maintenance', true) IS DISTINCT FROM 'on' THEN
          RAISE EXCEPTION 'the retention ledger is append-only: % is refused', TG_OP USING ERRCODE = '42501';
        END IF;
        IF TG_LEVEL = 'STATEMENT' THEN RETURN NULL; END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await sql(
      `CREATE TRIGGER retention_ledger_append_only BEFORE UPDATE OR DELETE ON retention_ledger FOR EACH ROW EXECUTE FUNCTION public.retention_ledger_append_only()`,
    );
    await sql(
      `CREATE TRIGGER retention_ledger_no_truncate BEFORE TRUNCATE ON retention_ledger FOR EACH STATEMENT EXECUTE FUNCTION public.retention_ledger_append_only()`,
    );

    // ---- redaction of the history's data: codes, dates, numbers, ids and references stay, any other text goes
    await sql(`
      CREATE FUNCTION public.redact_jsonb(value jsonb) RETURNS jsonb
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        CASE jsonb_typeof(value)
          WHEN 'object' THEN
            RETURN coalesce((SELECT jsonb_object_agg(entry.key, public.redact_jsonb(entry.value)) FROM jsonb_each(value) AS entry), '{}'::jsonb);
          WHEN 'array' THEN
            RETURN coalesce((SELECT jsonb_agg(public.redact_jsonb(item.value) ORDER BY item.position)
                             FROM jsonb_array_elements(value) WITH ORDINALITY AS item(value, position)), '[]'::jsonb);
          WHEN 'string' THEN
            IF (value #>> '{}') ~ '^([A-Z][A-Z0-9]*(_[A-Z0-9]+)*|[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.]+(Z|[+-][0-9]{2}:?[0-9]{2})?)?|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|KL-[0-9]{4}-[0-9]+|-?[0-9]+(\\.[0-9]+)?)$'
               AND length(value #>> '{}') <= 64 THEN
              RETURN value;
            END IF;
            RETURN to_jsonb('[verwijderd]'::text);
          ELSE
            RETURN value;
        END CASE;
      END $$`);

    // ---- the one reviewed path that removes a dossier's personal data
    await sql(`
      CREATE FUNCTION public.anonymise_complaint(
        p_complaint uuid, p_rule varchar, p_retention_months integer, p_request uuid, p_actor uuid, p_at timestamptz
      ) RETURNS uuid
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        v_complaint public.complaint;
        v_event public.complaint_event;
        v_previous bytea;
        v_before bytea;
        v_events integer := 0;
        v_redacted jsonb;
        v_removed jsonb := '{}'::jsonb;
        v_count integer;
        v_ledger uuid;
        marker constant text := '[verwijderd]';
      BEGIN
        IF p_rule NOT IN ('RETENTION', 'ERASURE_REQUEST') THEN
          RAISE EXCEPTION 'unknown removal rule %', p_rule USING ERRCODE = '22023';
        END IF;
        SELECT * INTO v_complaint FROM public.complaint WHERE id = p_complaint FOR UPDATE;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'no complaint %', p_complaint USING ERRCODE = '02000';
        END IF;
        IF v_complaint.anonymised_at IS NOT NULL THEN
          RETURN NULL;
        END IF;
        IF v_complaint.status NOT IN ('CLOSED', 'ARCHIVED', 'WITHDRAWN') THEN
          RAISE EXCEPTION '% is %: only a closed, withdrawn or archived dossier is anonymised', v_complaint.reference, v_complaint.status USING ERRCODE = '55000';
        END IF;
        IF v_complaint.legal_hold_at IS NOT NULL THEN
          RAISE EXCEPTION '% is under a legal hold', v_complaint.reference USING ERRCODE = '55000';
        END IF;
        IF EXISTS (SELECT 1 FROM public.objection WHERE complaint_id = p_complaint AND decided_at IS NULL AND settled_at IS NULL) THEN
          RAISE EXCEPTION '% has an open objection', v_complaint.reference USING ERRCODE = '55000';
        END IF;
        IF EXISTS (SELECT 1 FROM public.referral WHERE complaint_id = p_complaint AND outcome_recorded_at IS NULL) THEN
          RAISE EXCEPTION '% has an open referral', v_complaint.reference USING ERRCODE = '55000';
        END IF;

        UPDATE public.complainant SET name = marker, email = NULL, phone = NULL, postal_address = NULL, organisation = NULL,
          on_behalf_of = NULL, pseudonym = encode(sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 'hex'), anonymised_at = p_at
        WHERE id = v_complaint.complainant_id;
        GET DIAGNOSTICS v_count = ROW_COUNT; v_removed := v_removed || jsonb_build_object('complainant', v_count);

        UPDATE public.complaint SET description = marker, subject_service = NULL, cause = NULL, solution = NULL, preventive_measure = NULL,
          response_summary = NULL, extension_reason = NULL, anonymised_at = p_at, version = version + 1, updated_at = now()
        WHERE id = p_complaint;
        v_removed := v_removed || jsonb_build_object('complaint', 1);

        UPDATE public.contact_moment SET summary = NULL WHERE complaint_id = p_complaint AND summary IS NOT NULL;
        GET DIAGNOSTICS v_count = ROW_COUNT; v_removed := v_removed || jsonb_build_object('contact_moment', v_count);
        UPDATE public.complaint_pause SET question = marker, answer = NULL WHERE complaint_id = p_complaint;
        GET DIAGNOSTICS v_count = ROW_COUNT; v_removed := v_removed || jsonb_build_object('complaint_pause', v_count);
        UPDATE public.employee_statement SET text = marker WHERE complaint_id = p_complaint;
        GET DIAGNOSTICS v_count = ROW_COUNT; v_removed := v_removed || jsonb_build_object('employee_statement', v_count);
        UPDATE public.hearing SET location = NULL, reschedule_reason = NULL, settlement_terms = NULL, proposal = NULL, minutes = NULL
        WHERE complaint_id = p_complaint;
        GET DIAGNOSTICS v_count = ROW_COUNT; v_removed := v_removed || jsonb_build_object('hearing', v_count);
        UPDATE public.objection SET grounds = marker, late_acceptance_reason = NULL, waiver_note = NULL, reasoning = NULL, further_options = NULL
        WHERE complaint_id = p_complaint;
        GET DIAGNOSTICS v_count = ROW_COUNT; v_removed := v_removed || jsonb_build_object('objection', v_count);
        UPDATE public.referral SET reason = marker, what_sent = marker, outcome = NULL WHERE complaint_id = p_complaint;
        GET DIAGNOSTICS v_count = ROW_COUNT; v_removed := v_removed || jsonb_build_object('referral', v_count);
        UPDATE public.letter SET recipient = marker, subject = marker, body = marker, pdf = NULL WHERE complaint_id = p_complaint;
        GET DIAGNOSTICS v_count = ROW_COUNT; v_removed := v_removed || jsonb_build_object('letter', v_count);
        -- a message still waiting never goes out now: it has no address left
        UPDATE public.outbox_message SET to_address = marker, subject = marker, text = marker, html = marker, ics = NULL, smtp_response = NULL,
          last_error = CASE WHEN status = 'SENT' THEN NULL ELSE 'the dossier was anonymised' END,
          status = CASE WHEN status = 'SENT' THEN status ELSE 'FAILED' END
        WHERE complaint_id = p_complaint;
        GET DIAGNOSTICS v_count = ROW_COUNT; v_removed := v_removed || jsonb_build_object('outbox_message', v_count);
        INSERT INTO public.file_deletion (storage_key)
          SELECT file_key FROM public.attachment WHERE complaint_id = p_complaint AND file_key IS NOT NULL
          ON CONFLICT DO NOTHING;
        UPDATE public.attachment SET file_name = marker, storage_key = NULL, file_key = NULL, sha256 = NULL, removed_at = p_at
        WHERE complaint_id = p_complaint AND removed_at IS NULL;
        GET DIAGNOSTICS v_count = ROW_COUNT; v_removed := v_removed || jsonb_build_object('attachment', v_count);
        DELETE FROM public.idempotency_key WHERE complaint_id = p_complaint;
        GET DIAGNOSTICS v_count = ROW_COUNT; v_removed := v_removed || jsonb_build_object('idempotency_key', v_count);

        -- the history: redacted in place and re-chained, under maintenance for this transaction only
        SELECT hash INTO v_before FROM public.complaint_event WHERE complaint_id = p_complaint ORDER BY seq DESC LIMIT 1;
        PERFORM set_config('klachten.history_maintenance', 'on', true);
        v_previous := NULL;
        FOR v_event IN SELECT * FROM public.complaint_event WHERE complaint_id = p_complaint ORDER BY seq LOOP
          v_redacted := public.redact_jsonb(v_event.data);
          IF v_redacted IS DISTINCT FROM v_event.data THEN v_events := v_events + 1; END IF;
          v_event.data := v_redacted;
          v_event.prev_hash := v_previous;
          v_event.hash := public.complaint_event_digest(v_previous, v_event);
          UPDATE public.complaint_event SET data = v_event.data, prev_hash = v_event.prev_hash, hash = v_event.hash WHERE id = v_event.id;
          v_previous := v_event.hash;
        END LOOP;
        PERFORM set_config('klachten.history_maintenance', 'off', true);

        INSERT INTO public.retention_ledger (complaint_id, reference, at, rule, retention_months, privacy_request_id, actor_id, removed,
                                             events_redacted, history_hash_before, history_hash_after)
        VALUES (p_complaint, v_complaint.reference, p_at, p_rule, CASE WHEN p_rule = 'RETENTION' THEN p_retention_months END, p_request, p_actor,
                v_removed, v_events, v_before, v_previous)
        RETURNING id INTO v_ledger;
        INSERT INTO public.complaint_event (complaint_id, type, at, actor_id, from_status, to_status, data)
        VALUES (p_complaint, 'ANONYMISED', p_at, p_actor, v_complaint.status, v_complaint.status,
                jsonb_build_object('rule', p_rule, 'ledgerId', v_ledger));
        RETURN v_ledger;
      END $$`);
    await sql(`REVOKE ALL ON FUNCTION public.anonymise_complaint(uuid, varchar, integer, uuid, uuid, timestamptz) FROM PUBLIC`);
    await sql(`GRANT EXECUTE ON FUNCTION public.anonymise_complaint(uuid, varchar, integer, uuid, uuid, timestamptz) TO klachten_api`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    await sql(`DROP FUNCTION public.anonymise_complaint(uuid, varchar, integer, uuid, uuid, timestamptz)`);
    await sql(`DROP FUNCTION public.redact_jsonb(jsonb)`);
    await sql(`DROP TABLE "retention_ledger"`);
    await sql(`DROP FUNCTION public.retention_ledger_append_only()`);
    await sql(`DROP TABLE "privacy_request"`);
    await sql(`DROP TABLE "file_deletion"`);
    await sql(`ALTER TABLE "letter" ALTER COLUMN "pdf" SET NOT NULL`);
    await sql(`ALTER TABLE "attachment" DROP COLUMN "removed_at"`);
    await sql(`ALTER TABLE "attachment" DROP COLUMN "sha256"`);
    await sql(`ALTER TABLE "attachment" DROP COLUMN "file_key"`);
    await sql(`ALTER TABLE "complaint_event" DROP CONSTRAINT "complaint_event_type_check"`);
    await sql(`ALTER TABLE "complaint_event" ADD CONSTRAINT "complaint_event_type_check" CHECK (type IN (${list(EVENTS)}))`);
    await sql(`ALTER TABLE "complainant" DROP CONSTRAINT "complainant_contact_check"`);
    await sql(
      `ALTER TABLE "complainant" ADD CONSTRAINT "complainant_contact_check" CHECK (email IS NOT NULL OR phone IS NOT NULL OR postal_address IS NOT NULL)`,
    );
    await sql(`ALTER TABLE "complainant" DROP COLUMN "anonymised_at"`);
    await sql(`ALTER TABLE "complaint" DROP CONSTRAINT "complaint_legal_hold_by_fk"`);
    await sql(`ALTER TABLE "complaint" DROP CONSTRAINT "complaint_legal_hold_check"`);
    await sql(`ALTER TABLE "complaint" DROP COLUMN "anonymised_at"`);
    await sql(`ALTER TABLE "complaint" DROP COLUMN "legal_hold_reason"`);
    await sql(`ALTER TABLE "complaint" DROP COLUMN "legal_hold_by_id"`);
    await sql(`ALTER TABLE "complaint" DROP COLUMN "legal_hold_at"`);
    await sql(`ALTER TABLE "policy" DROP CONSTRAINT "policy_retention_months_check"`);
    await sql(`ALTER TABLE "policy" DROP COLUMN "retention_months"`);
  }
}
