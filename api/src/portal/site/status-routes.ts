import type { Request, Response } from 'express';
import { PORTAL_PATH } from '../public-status';
import { addressOf, sendLinkGone, sendMessage, sendServerFault, type Site } from './site-context';
import { fieldView, FormErrors, summaryOf } from './site-fields';
import { readForm } from './site-form';
import { ACTIONS, COMPLAINT_STATUS, outcomeOf, SERVER_FAULTS, type ActionSlug, type PublicStatus } from './site-graphql';
import { sendPage } from './site-headers';
import { DONE, dutchDate } from './site-labels';
import { addProblems, errorMessage, fileMessage, objectionLate } from './site-messages';
import { ACTION_FIELDS, renderStatusPage, type ActionFormState, type StatusPageState } from './status-view';

/** Where the API reports StatusLookupArgs' fields, and which field of the lookup form shows it. */
const LOOKUP_FIELDS: Record<string, string> = { reference: 'kenmerk', code: 'code' };

function renderLookup(site: Site, values: { kenmerk: string }, errors: FormErrors): string {
  const fields = {
    kenmerk: fieldView('', { name: 'kenmerk', label: 'Kenmerk', hint: 'Bijvoorbeeld KL-2026-000042.', literal: true }, values.kenmerk, errors),
    // never shown again: a code that did not open anything stays out of the page
    code: fieldView(
      '',
      {
        name: 'code',
        label: 'Code',
        hint: '16 letters en cijfers, bijvoorbeeld ABCD-EFGH-JKMN-PQRS. Hoofdletters en streepjes maken niet uit.',
        autocomplete: 'off',
        literal: true,
      },
      '',
      errors,
    ),
  };
  const summary = summaryOf(errors, [fields.kenmerk, fields.code]);
  return site.renderer.render('statusLookup', { title: 'Status van uw klacht', hasErrors: summary.length > 0 }, { fields, summary });
}

/** GET /klacht/status: the lookup form. */
export async function showLookup(site: Site, _request: Request, response: Response): Promise<void> {
  sendPage(response, 200, renderLookup(site, { kenmerk: '' }, new FormErrors()));
}

/**
 * POST /klacht/status: complaintStatus through the API (its throttles, its constant-time comparison). A wrong code
 * and an unknown reference get one and the same page; opened: 303 to the status link, signed with the complaint's
 * current code as the service derives it (the code typed may differ in case and dashes).
 */
export async function lookUp(site: Site, request: Request, response: Response): Promise<void> {
  const form = await readForm(request, { fileBytes: 0, acceptFiles: () => false, store: () => Promise.reject(new Error('no files here')) });
  const kenmerk = form.fields.get('kenmerk');
  const outcome = outcomeOf<PublicStatus>(
    await site.execute(COMPLAINT_STATUS, { reference: kenmerk, code: form.fields.get('code') }, request),
    'complaintStatus',
  );
  if (outcome.ok) {
    const code = await site.services.portal.currentCode(outcome.data.reference);
    if (code) return void response.redirect(303, `${PORTAL_PATH}/status/${site.tokens.statusLink(outcome.data.reference, code, 'status')}`);
    return sendLinkGone(site, response);
  }
  if (SERVER_FAULTS.has(outcome.code)) return sendServerFault(site, response, outcome.code, outcome.extensions.errorId);
  const errors = new FormErrors();
  let status = 400;
  if (outcome.code === 'NOT_FOUND') {
    const message = errorMessage('NOT_FOUND', {});
    errors.add('kenmerk', message);
    errors.add('code', message);
  } else if (outcome.code === 'RATE_LIMITED') {
    errors.add(null, errorMessage(outcome.code, outcome.extensions));
    response.set('Retry-After', String(outcome.extensions.retryAfterSeconds ?? 60));
    status = 429;
  } else if (outcome.fields.length) {
    addProblems(errors, outcome.fields, LOOKUP_FIELDS, (name) => form.fields.get(name));
  } else errors.add(null, errorMessage(outcome.code, outcome.extensions));
  sendPage(response, status, renderLookup(site, { kenmerk }, errors));
}

/** A status link's reference and the code it was made with, or why it opens nothing. */
async function open(site: Site, token: string): Promise<{ reference: string; code: string; isNew: boolean } | 'expired' | null> {
  const link = site.tokens.readStatusLink(token);
  if (!link) return null;
  const code = await site.services.portal.currentCode(link.reference);
  const check = site.tokens.checkStatusLink(link, code);
  if (check !== 'valid') return check === 'expired' ? 'expired' : null;
  return { reference: link.reference, code: code!, isNew: link.kind === 'new' };
}

/**
 * The page of a status link, from complaintStatus as it is now; `page` adds what the request brought (the code of a
 * confirmation, a message, a refused form). Whatever stops the API from answering is answered here too.
 */
async function showStatus(
  site: Site,
  request: Request,
  response: Response,
  opened: { reference: string; code: string; isNew: boolean },
  token: string,
  httpStatus: number,
  page: Omit<StatusPageState, 'status' | 'token'> = {},
): Promise<void> {
  const outcome = outcomeOf<PublicStatus>(await site.execute(COMPLAINT_STATUS, { reference: opened.reference, code: opened.code }, request), 'complaintStatus');
  if (outcome.ok) {
    const state: StatusPageState = { ...page, status: outcome.data, token, ...(opened.isNew ? { code: opened.code } : {}) };
    return sendPage(response, httpStatus, renderStatusPage(site, state));
  }
  if (outcome.code === 'NOT_FOUND') return sendLinkGone(site, response);
  if (outcome.code === 'RATE_LIMITED') {
    response.set('Retry-After', String(outcome.extensions.retryAfterSeconds ?? 60));
    return sendMessage(site, response, {
      status: 429,
      title: 'Even wachten',
      heading: 'Even wachten',
      paragraphs: [errorMessage('RATE_LIMITED', outcome.extensions)],
      links: [{ href: `${PORTAL_PATH}/status/${token}`, label: 'Opnieuw proberen' }],
    });
  }
  return sendServerFault(site, response, outcome.code, outcome.extensions.errorId);
}

/** GET /klacht/status/<token>: the status page; the confirmation when the link is the submission's own. */
export async function showStatusPage(site: Site, request: Request, response: Response, token: string): Promise<void> {
  const opened = await open(site, token);
  if (!opened || opened === 'expired') return sendLinkGone(site, response);
  const done = typeof request.query.gedaan === 'string' ? DONE[request.query.gedaan] : undefined;
  await showStatus(site, request, response, opened, token, 200, done ? { done } : {});
}

/** How long a refused repeat of what the complainant just did is taken for that same act (a double click, a resent form). */
const REPEAT_MINUTES = 10;

/**
 * The objection or the survey answer this very form brought, when the API refused it because it is already there:
 * the first of a double click went through, and the second is answered as it was. Only these two say when they
 * came; an act that does not is refused as before.
 */
async function repeated(site: Site, request: Request, opened: { reference: string; code: string }, action: ActionSlug): Promise<ActionSlug | null> {
  if (action !== 'bezwaar' && action !== 'tevredenheid') return null;
  const outcome = outcomeOf<PublicStatus>(await site.execute(COMPLAINT_STATUS, { reference: opened.reference, code: opened.code }, request), 'complaintStatus');
  if (!outcome.ok) return null;
  const at = action === 'bezwaar' ? outcome.data.objectionFiledAt : outcome.data.survey?.answeredAt;
  const age = at ? site.clock.now().toMillis() - Date.parse(at) : Number.POSITIVE_INFINITY;
  return age >= 0 && age <= REPEAT_MINUTES * 60_000 ? action : null;
}

const given = (value: string): string | null => (value.trim() ? value : null);
const score = (value: string): number => (/^[1-5]$/.test(value) ? Number(value) : 0);

/**
 * POST /klacht/status/<token>/<action>: the action's mutation through the API, its files uploaded first; done: 303
 * back to the status page with its message; refused: the page again with the form as it was sent and each message on
 * its field. A link that ran out meanwhile shows the text typed, to copy.
 */
export async function act(site: Site, request: Request, response: Response, token: string, slug: string): Promise<void> {
  if (!(slug in ACTIONS)) return sendLinkGone(site, response);
  const action = slug as ActionSlug;
  const opened = await open(site, token);
  const withFiles = opened && opened !== 'expired' && (action === 'informatie' || action === 'bezwaar') && site.config.attachments.websiteFiles > 0;
  const form = await readForm(request, {
    fileBytes: site.config.attachments.websiteFileBytes,
    acceptFiles: (fields) =>
      withFiles ? Math.max(0, site.config.attachments.websiteFiles - fields.all('bijlage').filter((value) => site.tokens.readKeptUpload(value)).length) : false,
    store: (fileName, body) => site.services.attachments.uploadFromWebsite({ address: addressOf(request), websiteTokenId: null }, fileName, body),
  });
  const typed = form.fields.get('antwoord') || form.fields.get('gronden') || form.fields.get('toelichting') || form.fields.get('opmerking');
  if (!opened || opened === 'expired') return sendLinkGone(site, response, opened === 'expired' && typed.trim() ? typed : undefined);

  const uploads = [
    ...form.fields
      .all('bijlage')
      .map((value) => site.tokens.readKeptUpload(value))
      .filter((upload) => upload !== null),
    ...form.uploads,
  ];
  const values = Object.fromEntries(Object.values(ACTION_FIELDS[action]).map((name) => [name, form.fields.get(name)]));
  const state: ActionFormState = {
    values,
    kept: uploads.map((upload) => ({ value: site.tokens.keptUpload(upload.id, upload.fileName), fileName: upload.fileName })),
    errors: new FormErrors(),
  };
  const again = (status: number, errors?: FormErrors) => showStatus(site, request, response, opened, token, status, { sent: { slug: action, state }, errors });
  if (form.refusals.length) {
    state.errors.add('bijlagen', form.refusals.map((refusal) => fileMessage(refusal, site.config.attachments)).join(' '));
    return again(form.refusals.some((refusal) => refusal.code === 'RATE_LIMITED') ? 429 : 400);
  }

  const attachmentIds = uploads.length ? uploads.map((upload) => upload.id) : null;
  const attend = form.fields.get('komt') === 'ja';
  const input =
    action === 'informatie'
      ? { answer: values.antwoord, attachmentIds }
      : action === 'bezwaar'
        ? { grounds: values.gronden, attachmentIds }
        : action === 'hoorzitting'
          ? { attend, note: given(values.toelichting) }
          : {
              handling: score(values.afhandeling),
              outcome: score(values.uitkomst),
              comment: given(values.opmerking),
              reopen: form.fields.get('opnieuw') === 'ja',
            };
  const result = await site.execute(ACTIONS[action].document, { reference: opened.reference, code: opened.code, input }, request);
  const outcome = outcomeOf<PublicStatus>(result, ACTIONS[action].field);
  if (outcome.ok) {
    const done = action === 'hoorzitting' ? (attend ? 'hoorzitting-ja' : 'hoorzitting-nee') : action;
    return void response.redirect(303, `${PORTAL_PATH}/status/${token}?gedaan=${done}`);
  }
  if (outcome.code === 'NOT_FOUND') return sendLinkGone(site, response, typed.trim() ? typed : undefined);
  if (SERVER_FAULTS.has(outcome.code)) return sendServerFault(site, response, outcome.code, outcome.extensions.errorId);
  const general = new FormErrors();
  if (outcome.code === 'OBJECTION_LATE') {
    general.add(null, objectionLate(outcome.extensions.windowDueDate, dutchDate));
    return again(409, general);
  }
  if (outcome.code === 'INVALID_TRANSITION') {
    const done = await repeated(site, request, opened, action);
    if (done) return void response.redirect(303, `${PORTAL_PATH}/status/${token}?gedaan=${done}`);
  }
  if (outcome.code === 'INVALID_TRANSITION' || outcome.code === 'RATE_LIMITED') {
    general.add(null, errorMessage(outcome.code, outcome.extensions));
    if (outcome.code === 'RATE_LIMITED') response.set('Retry-After', String(outcome.extensions.retryAfterSeconds ?? 60));
    return again(outcome.code === 'RATE_LIMITED' ? 429 : 409, general);
  }
  if (outcome.fields.some((problem) => problem.path.startsWith('attachmentIds') && problem.code === 'DOES_NOT_EXIST')) state.kept = [];
  if (outcome.fields.length) addProblems(state.errors, outcome.fields, ACTION_FIELDS[action], (name) => values[name] ?? '');
  else state.errors.add(null, errorMessage(outcome.code, outcome.extensions));
  return again(400);
}
