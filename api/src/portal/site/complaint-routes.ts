import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { PORTAL_PATH } from '../public-status';
import { COMPLAINT_FIELDS, renderComplaintForm, type ComplaintFormState, type ComplaintValues } from './complaint-form';
import { addressOf, sendServerFault, type Site } from './site-context';
import { FormErrors } from './site-fields';
import { readForm, type FormFields } from './site-form';
import { outcomeOf, SERVER_FAULTS, SUBMIT_COMPLAINT } from './site-graphql';
import { sendPage } from './site-headers';
import { addProblems, errorMessage, fileMessage, FORM_MESSAGES } from './site-messages';
import type { FormTokenCheck } from './site-tokens';

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const VALUE_FIELDS = ['naam', 'email', 'telefoon', 'postadres', 'relatie', 'namens', 'organisatie', 'omschrijving', 'eenheid', 'categorie'] as const;
/** The honeypot's name: nothing a browser fills in by itself (not url, email, website, name …). */
export const HONEYPOT = 'aanvulling';

/** GET /klacht/: a fresh form, with a new idempotency key and a form token of this moment. */
export async function showComplaintForm(site: Site, _request: Request, response: Response): Promise<void> {
  const idempotencyKey = randomUUID();
  const state: ComplaintFormState = {
    values: { relatie: 'CLIENT' },
    idempotencyKey,
    formToken: site.tokens.formToken(idempotencyKey),
    kept: [],
    errors: new FormErrors(),
  };
  sendPage(response, 200, await renderComplaintForm(site, state));
}

/** null: the empty string (the API's "not given"). */
const given = (value: string | undefined): string | null => (value?.trim() ? value : null);

/**
 * POST /klacht/: the hidden fields are checked before any file is stored (a filled honeypot, a forged or missing
 * form token, a form sent sooner than PORTAL_MIN_FILL_SECONDS after it was shown); the files go to the website's
 * uploads as they arrive; then submitComplaint through the API in process. Refused: the form again with every value,
 * the uploads made (as signed hidden ids) and each message on its field, the same form token so the time keeps
 * counting. Accepted: 303 to the confirmation. A second send of the same form (a double click, a reload) lands on the
 * same confirmation: the API answers the same reference, or — when its files made it another request —
 * IDEMPOTENCY_KEY_REUSED, and the site looks up the reference the key already answered.
 */
export async function submitComplaintForm(site: Site, request: Request, response: Response): Promise<void> {
  const { tokens, config } = site;
  let check: FormTokenCheck | undefined;
  let honeypot = false;
  const inspect = (fields: FormFields) => {
    check = tokens.checkFormToken(fields.get('formulier'), fields.get('sleutel'), config.portal.minFillSeconds);
    honeypot = fields.get(HONEYPOT) !== '';
    const kept = fields.all('bijlage').filter((value) => tokens.readKeptUpload(value)).length;
    // none stored for a robot's form, nor where the form takes no files (it shows no file field then)
    return check === 'ok' && !honeypot && config.attachments.websiteFiles > 0 ? Math.max(0, config.attachments.websiteFiles - kept) : (false as const);
  };
  const form = await readForm(request, {
    fileBytes: config.attachments.websiteFileBytes,
    acceptFiles: inspect,
    store: (fileName, body) => site.services.attachments.uploadFromWebsite({ address: addressOf(request), websiteTokenId: null }, fileName, body),
  });
  if (check === undefined) inspect(form.fields);

  const postedKey = form.fields.get('sleutel');
  const idempotencyKey = KEY.test(postedKey) ? postedKey : randomUUID();
  const values = Object.fromEntries(VALUE_FIELDS.map((name) => [name, form.fields.get(name)])) as ComplaintValues;
  const kept = [
    ...form.fields
      .all('bijlage')
      .map((value) => tokens.readKeptUpload(value))
      .filter((upload) => upload !== null),
    ...form.uploads,
  ];
  const state: ComplaintFormState = {
    values,
    idempotencyKey,
    // kept while it is good, so the time since the form was first shown keeps counting
    formToken: check === 'ok' || check === 'too-fast' ? form.fields.get('formulier') : tokens.formToken(idempotencyKey),
    kept: kept.map((upload) => ({ value: tokens.keptUpload(upload.id, upload.fileName), fileName: upload.fileName })),
    errors: new FormErrors(),
  };
  const again = async (status: number) => sendPage(response, status, await renderComplaintForm(site, state));

  if (honeypot) {
    state.errors.add(null, FORM_MESSAGES.honeypot);
    return again(400);
  }
  if (check !== 'ok') {
    state.errors.add(null, check === 'too-fast' ? FORM_MESSAGES.tooFast : check === 'expired' ? FORM_MESSAGES.expiredToken : FORM_MESSAGES.invalidToken);
    return again(400);
  }
  if (form.refusals.length) {
    state.errors.add('bijlagen', form.refusals.map((refusal) => fileMessage(refusal, config.attachments)).join(' '));
    const limited = form.refusals.find((refusal) => refusal.code === 'RATE_LIMITED');
    if (limited) response.set('Retry-After', String(limited.extensions.retryAfterSeconds ?? 60));
    return again(limited ? 429 : 400);
  }

  const input = {
    complainant: {
      name: values.naam,
      email: given(values.email),
      phone: given(values.telefoon),
      postalAddress: given(values.postadres),
      relation: given(values.relatie) ?? undefined,
      onBehalfOf: given(values.namens),
      organisation: given(values.organisatie),
    },
    description: values.omschrijving,
    unitCode: given(values.eenheid),
    categoryKey: given(values.categorie),
    idempotencyKey,
    attachmentIds: kept.length ? kept.map((upload) => upload.id) : null,
  };
  const outcome = outcomeOf<{ reference: string; statusCode: string }>(await site.execute(SUBMIT_COMPLAINT, { input }, request), 'submitComplaint');
  if (outcome.ok) return confirm(response, site, outcome.data.reference, outcome.data.statusCode);
  if (outcome.code === 'IDEMPOTENCY_KEY_REUSED') {
    // sent before, with other uploads (a double click): the complaint that key made is the answer
    const reference = await site.services.intake.referenceForKey(`address:${addressOf(request)}`, idempotencyKey);
    const code = reference ? await site.services.portal.currentCode(reference) : null;
    if (reference && code) return confirm(response, site, reference, code);
    // the key's complaint is gone (anonymised): this form is a new one
    state.idempotencyKey = randomUUID();
    state.formToken = tokens.formToken(state.idempotencyKey, tokens.formTokenTime(state.formToken));
  }
  if (SERVER_FAULTS.has(outcome.code)) return sendServerFault(site, response, outcome.code, outcome.extensions.errorId);
  if (outcome.code === 'RATE_LIMITED') {
    state.errors.add(null, errorMessage(outcome.code, outcome.extensions));
    response.set('Retry-After', String(outcome.extensions.retryAfterSeconds ?? 60));
    return again(429);
  }
  if (outcome.fields.some((problem) => problem.path.startsWith('attachmentIds') && problem.code === 'DOES_NOT_EXIST')) {
    // which upload is gone the API does not say: the form asks for all of them again
    state.kept = [];
  }
  if (outcome.fields.length) addProblems(state.errors, outcome.fields, COMPLAINT_FIELDS, (name) => values[name as keyof ComplaintValues] ?? '');
  else state.errors.add(outcome.code === 'PAYLOAD_TOO_LARGE' ? 'bijlagen' : null, errorMessage(outcome.code, outcome.extensions));
  return again(outcome.code === 'PAYLOAD_TOO_LARGE' ? 413 : 400);
}

/** Post/Redirect/Get: the confirmation is the status page, opened by the submission's own link (never the code in a URL). */
function confirm(response: Response, site: Site, reference: string, code: string): void {
  response.redirect(303, `${PORTAL_PATH}/status/${site.tokens.statusLink(reference, code, 'new')}?nieuw=1`);
}
