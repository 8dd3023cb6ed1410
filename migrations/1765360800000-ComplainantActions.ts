import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The complainant acting online (issue 15), with the reference and the secret code:
 * - the satisfaction survey, once per complaint: the handling and the outcome apart (1–5), a comment, and "not
 *   satisfied: please reopen" with what the quality manager decided of it (granted by reopening, or declined with a
 *   reason); the request's moment also on the complaint, as its hearing path is, so the procedure decides from one row;
 * - the complainant's yes to a scheduled hearing, on the hearing and on the complaint;
 * - whether a policy's status page names the handler (by default it names no one of the staff);
 * - the history's new events and the notifications' new kinds;
 * - anonymise_complaint also clears the survey's comment and the reason of a declined request (the scores stay, as
 *   the other figures do); the rest of the function is as PrivacyHardening left it.
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
  'LEGAL_HOLD_SET',
  'LEGAL_HOLD_LIFTED',
  'ANONYMISED',
  'STATUS_CODE_ISSUED',
];
const NEW_EVENTS = ['HEARING_ACCEPTED', 'SATISFACTION_RECORDED', 'REOPEN_REQUEST_DECLINED'];
const NOTIFICATION_KINDS = [
  'SUBJECT_OF_COMPLAINT',
  'EXTENDED',
  'FINDINGS',
  'ASSIGNED',
  'FORWARDED',
  'REMINDER',
  'BREACHED',
  'ESCALATED',
  'OBJECTION_FILED',
  'HEARING_TOMORROW',
  'DIGEST',
];
const NEW_NOTIFICATION_KINDS = ['INFORMATION_RECEIVED', 'HEARING_ANSWERED', 'REOPEN_REQUESTED'];
const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

export class ComplainantActions1765360800000 implements MigrationInterface {
  name = 'ComplainantActions1765360800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    await sql(`
      CREATE TABLE "satisfaction_survey" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "version" integer NOT NULL DEFAULT '1',
        "complaint_id" uuid NOT NULL,
        "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "handling_score" smallint NOT NULL,
        "outcome_score" smallint NOT NULL,
        "comment" text,
        "reopen_requested" boolean NOT NULL DEFAULT false,
        "reopen_decision" character varying(20),
        "reopen_decided_at" TIMESTAMP WITH TIME ZONE,
        "reopen_decided_by_id" uuid,
        "reopen_decision_note" text,
        CONSTRAINT "satisfaction_survey_decision_check"
          CHECK (reopen_decision IS NULL OR (reopen_requested AND reopen_decision IN ('GRANTED', 'DECLINED'))),
        CONSTRAINT "satisfaction_survey_outcome_check" CHECK (outcome_score BETWEEN 1 AND 5),
        CONSTRAINT "satisfaction_survey_handling_check" CHECK (handling_score BETWEEN 1 AND 5),
        CONSTRAINT "PK_satisfaction_survey" PRIMARY KEY ("id"),
        CONSTRAINT "satisfaction_survey_complaint_fk" FOREIGN KEY ("complaint_id") REFERENCES "complaint"("id") ON DELETE CASCADE,
        CONSTRAINT "satisfaction_survey_decided_by_fk" FOREIGN KEY ("reopen_decided_by_id") REFERENCES "staff"("id") ON DELETE RESTRICT
      )`);
    await sql(`CREATE UNIQUE INDEX "satisfaction_survey_complaint_key" ON "satisfaction_survey" ("complaint_id")`);
    await sql(`CREATE INDEX "satisfaction_survey_open_reopen_idx" ON "satisfaction_survey" ("answered_at") WHERE reopen_requested AND reopen_decision IS NULL`);
    // the request role answers and decides; it deletes nothing
    await sql(`GRANT SELECT, INSERT, UPDATE ON satisfaction_survey TO klachten_api`);

    await sql(`ALTER TABLE "complaint" ADD "hearing_accepted_at" TIMESTAMP WITH TIME ZONE`);
    await sql(`ALTER TABLE "complaint" ADD "survey_answered_at" TIMESTAMP WITH TIME ZONE`);
    await sql(`ALTER TABLE "complaint" ADD "reopen_requested_at" TIMESTAMP WITH TIME ZONE`);
    await sql(`ALTER TABLE "hearing" ADD "complainant_accepted_at" TIMESTAMP WITH TIME ZONE`);
    await sql(`ALTER TABLE "policy" ADD "status_page_names_handler" boolean NOT NULL DEFAULT false`);

    await sql(`ALTER TABLE "complaint_event" DROP CONSTRAINT "complaint_event_type_check"`);
    await sql(`ALTER TABLE "complaint_event" ADD CONSTRAINT "complaint_event_type_check" CHECK (type IN (${list([...EVENTS, ...NEW_EVENTS])}))`);
    await sql(`ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_check"`);
    await sql(
      `ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_check" CHECK (kind IN (${list([...NOTIFICATION_KINDS, ...NEW_NOTIFICATION_KINDS])}))`,
    );

    await sql(`
      CREATE OR REPLACE FUNCTION public.anonymise_complaint(
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
        -- the complainant may still object: retention waits; their own erasure request does not
        IF p_rule = 'RETENTION' AND EXISTS (SELECT 1 FROM public.deadline WHERE complaint_id = p_complaint AND kind = 'OBJECTION_WINDOW'
                   AND met_at IS NULL AND cancelled_at IS NULL AND due_at > p_at) THEN
          RAISE EXCEPTION '% may still be objected to', v_complaint.reference USING ERRCODE = '55000';
        END IF;
        -- the history, the statements and the ledger are append-only: this function's own maintenance, for its transaction
        PERFORM set_config('klachten.history_maintenance', 'on', true);

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
        -- an extension's reason is kept in its deadline's explanation
        UPDATE public.deadline SET explanation = public.redact_jsonb(explanation, NULL) WHERE complaint_id = p_complaint AND explanation IS NOT NULL
          AND explanation IS DISTINCT FROM public.redact_jsonb(explanation, NULL);
        GET DIAGNOSTICS v_count = ROW_COUNT; v_removed := v_removed || jsonb_build_object('deadline', v_count);
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
        -- the complainant's words in the survey, and why their request to reopen was declined; the scores stay
        UPDATE public.satisfaction_survey SET comment = NULL, reopen_decision_note = NULL
        WHERE complaint_id = p_complaint AND (comment IS NOT NULL OR reopen_decision_note IS NOT NULL);
        GET DIAGNOSTICS v_count = ROW_COUNT; v_removed := v_removed || jsonb_build_object('satisfaction_survey', v_count);

        -- the history: redacted in place and re-chained, under maintenance for this transaction only
        SELECT hash INTO v_before FROM public.complaint_event WHERE complaint_id = p_complaint ORDER BY seq DESC LIMIT 1;
        v_previous := NULL;
        FOR v_event IN SELECT * FROM public.complaint_event WHERE complaint_id = p_complaint ORDER BY seq LOOP
          v_redacted := public.redact_jsonb(v_event.data, NULL);
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
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    await sql(`
      CREATE OR REPLACE FUNCTION public.anonymise_complaint(
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
        -- the complainant may still object: retention waits; their own erasure request does not
        IF p_rule = 'RETENTION' AND EXISTS (SELECT 1 FROM public.deadline WHERE complaint_id = p_complaint AND kind = 'OBJECTION_WINDOW'
                   AND met_at IS NULL AND cancelled_at IS NULL AND due_at > p_at) THEN
          RAISE EXCEPTION '% may still be objected to', v_complaint.reference USING ERRCODE = '55000';
        END IF;
        -- the history, the statements and the ledger are append-only: this function's own maintenance, for its transaction
        PERFORM set_config('klachten.history_maintenance', 'on', true);

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
        -- an extension's reason is kept in its deadline's explanation
        UPDATE public.deadline SET explanation = public.redact_jsonb(explanation, NULL) WHERE complaint_id = p_complaint AND explanation IS NOT NULL
          AND explanation IS DISTINCT FROM public.redact_jsonb(explanation, NULL);
        GET DIAGNOSTICS v_count = ROW_COUNT; v_removed := v_removed || jsonb_build_object('deadline', v_count);
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
        v_previous := NULL;
        FOR v_event IN SELECT * FROM public.complaint_event WHERE complaint_id = p_complaint ORDER BY seq LOOP
          v_redacted := public.redact_jsonb(v_event.data, NULL);
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
    await sql(`ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_check"`);
    await sql(`ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_check" CHECK (kind IN (${list(NOTIFICATION_KINDS)}))`);
    await sql(`ALTER TABLE "complaint_event" DROP CONSTRAINT "complaint_event_type_check"`);
    await sql(`ALTER TABLE "complaint_event" ADD CONSTRAINT "complaint_event_type_check" CHECK (type IN (${list(EVENTS)}))`);
    await sql(`ALTER TABLE "policy" DROP COLUMN "status_page_names_handler"`);
    await sql(`ALTER TABLE "hearing" DROP COLUMN "complainant_accepted_at"`);
    await sql(`ALTER TABLE "complaint" DROP COLUMN "reopen_requested_at"`);
    await sql(`ALTER TABLE "complaint" DROP COLUMN "survey_answered_at"`);
    await sql(`ALTER TABLE "complaint" DROP COLUMN "hearing_accepted_at"`);
    await sql(`DROP TABLE "satisfaction_survey"`);
  }
}
