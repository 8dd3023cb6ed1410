import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Privacy, hardened after review (migration Privacy stays as it landed):
 *
 * - anonymise_complaint turns the maintenance switch on before the first append-only table it touches: a dossier
 *   with an employee's statement failed before, and stopped the night's whole batch; it also redacts the deadlines'
 *   explanations (an extension's reason is kept there), and retention passes a dossier whose objection window is still
 *   open (the complainant's own erasure request does not wait for it);
 * - redact_jsonb keeps a code in upper case only under a key that holds codes (or with an underscore, as most of the
 *   product's codes have), digits only up to six (a count, a number of days — never a phone or citizen number), and
 *   replaces any key that is not an identifier;
 * - files the website uploads before it submits the complaint they belong to (POST /uploads): kept in website_upload
 *   until submitComplaint names them (attachmentIds) and they become its attachments, in the intake's transaction;
 *   one no complaint claimed within a day is removed with its file by the retention job.
 */
const CODE_KEYS = [
  'action',
  'kind',
  'channel',
  'verdict',
  'outcome',
  'form',
  'heldForm',
  'status',
  'rule',
  'relation',
  'unit',
  'startsAt',
  'endedBy',
  'offer',
  'type',
  'reason',
  'fromStatus',
  'toStatus',
  'variant',
  'policy',
  'level',
];

export class PrivacyHardening1765188000000 implements MigrationInterface {
  name = 'PrivacyHardening1765188000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    await sql(`
      CREATE FUNCTION public.redact_jsonb(value jsonb, key text) RETURNS jsonb
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        text_value text;
      BEGIN
        CASE jsonb_typeof(value)
          WHEN 'object' THEN
            RETURN coalesce((SELECT jsonb_object_agg(
                               CASE WHEN entry.key ~ '^[A-Za-z][A-Za-z0-9_]{0,63}$' THEN entry.key ELSE '[verwijderd]' || entry.position END,
                               public.redact_jsonb(entry.value, entry.key))
                             FROM (SELECT pair.key, pair.value, row_number() OVER () AS position FROM jsonb_each(value) AS pair) AS entry), '{}'::jsonb);
          WHEN 'array' THEN
            RETURN coalesce((SELECT jsonb_agg(public.redact_jsonb(item.value, key) ORDER BY item.position)
                             FROM jsonb_array_elements(value) WITH ORDINALITY AS item(value, position)), '[]'::jsonb);
          WHEN 'string' THEN
            text_value := value #>> '{}';
            IF length(text_value) <= 64 AND (
                 text_value ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9:.]+(Z|[+-][0-9]{2}:?[0-9]{2})?)?$'
              OR text_value ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
              OR text_value ~ '^KL-[0-9]{4}-[0-9]{6}$'
              OR text_value ~ '^-?[0-9]{1,6}(\\.[0-9]+)?$'
              OR text_value ~ '^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$'
              OR (text_value ~ '^[A-Z][A-Z0-9]{0,39}$' AND key = ANY (ARRAY[${CODE_KEYS.map((name) => `'${name}'`).join(', ')}]))) THEN
              RETURN value;
            END IF;
            RETURN to_jsonb('[verwijderd]'::text);
          ELSE
            RETURN value;
        END CASE;
      END $$`);
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
    await sql(`DROP FUNCTION public.redact_jsonb(jsonb)`);

    await sql(`
      CREATE TABLE "website_upload" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "file_key" character varying(500) NOT NULL,
        "file_name" character varying(255) NOT NULL,
        "content_type" character varying(100) NOT NULL,
        "size_bytes" integer NOT NULL,
        "sha256" character varying(64) NOT NULL,
        "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_website_upload" PRIMARY KEY ("id"),
        CONSTRAINT "website_upload_file_key" UNIQUE ("file_key")
      )`);
    await sql(`CREATE INDEX "website_upload_uploaded_idx" ON "website_upload" ("uploaded_at")`);
    await sql(`GRANT SELECT, INSERT, UPDATE, DELETE ON website_upload TO klachten_api`);
  }

  /** Back to migration Privacy's functions, as they landed there. */
  async down(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    await sql(`DROP TABLE "website_upload"`);
    await sql(`DROP FUNCTION public.anonymise_complaint(uuid, varchar, integer, uuid, uuid, timestamptz)`);
    await sql(`DROP FUNCTION public.redact_jsonb(jsonb, text)`);
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
}
