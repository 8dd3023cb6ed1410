import type { Response } from 'express';
import type Archiver from 'archiver';
import type { EntityManager } from 'typeorm';
import { DateTime } from 'luxon';
import type { Services } from '../services';
import type { Caller } from '../shared/caller';
import { ZONE } from '../shared/clock';
import { ConflictError, ForbiddenError } from '../shared/errors';
import type { Logger } from '../shared/logger';
import { mayUse, Permission } from '../shared/roles';
import { PrivacyRequestKind } from './privacy.enums';

/** What an access export holds of one complaint: what the complainant gave and was told, and what was done. */
export interface ExportedComplaint {
  reference: string;
  kind: string;
  status: string;
  channel: string;
  receivedAt: string;
  closedAt: string | null;
  withdrawnAt: string | null;
  anonymisedAt: string | null;
  description: string;
  subjectService: string | null;
  verdict: string | null;
  responseSummary: string | null;
  respondedAt: string | null;
  complainant: {
    name: string;
    email: string | null;
    phone: string | null;
    postalAddress: string | null;
    organisation: string | null;
    onBehalfOf: string | null;
    relation: string;
  };
  contactMoments: Array<{ contactedAt: string; kind: string; channel: string; summary: string | null }>;
  informationRequests: Array<{ requestedAt: string; question: string; answer: string | null }>;
  objection: { receivedAt: string; grounds: string; outcome: string | null; reasoning: string | null; decidedAt: string | null } | null;
  hearings: Array<{ scheduledAt: string; form: string; status: string; location: string | null; minutes: string | null }>;
  referrals: Array<{ referredAt: string; party: string; reason: string; outcome: string | null }>;
  /** Their answer to the satisfaction survey, and what became of a request to reopen. */
  survey: {
    answeredAt: string;
    handling: number;
    outcome: number;
    comment: string | null;
    reopenRequested: boolean;
    reopenDecision: string | null;
    reopenDecisionNote: string | null;
  } | null;
  letters: Array<{ id: string; createdAt: string; kind: string; channel: string; subject: string; sentAt: string | null; file: string | null }>;
  attachments: Array<{ id: string; fileName: string; contentType: string; sizeBytes: number; createdAt: string; file: string | null; key: string | null }>;
  history: Array<{ at: string; type: string }>;
}

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

/** Safe inside a ZIP on every system: no folders, no control or reserved characters. */
function entryName(name: string): string {
  return (
    name
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- replacing control characters is the point
      .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '_')
      .replace(/^\.+/, '_')
      .slice(0, 120) || 'bestand'
  );
}

/** Everything kept about the complainant, complaint by complaint (the request's own complaint first by date). */
export async function gatherExport(manager: EntityManager, complaintIds: string[]): Promise<ExportedComplaint[]> {
  const complaints = (await manager.query(
    `SELECT c.id, c.reference, c.kind, c.status, c.channel, c.received_at, c.closed_at, c.withdrawn_at, c.anonymised_at, c.description,
            c.subject_service, c.verdict, c.response_summary, c.responded_at,
            p.name, p.email, p.phone, p.postal_address, p.organisation, p.on_behalf_of, p.relation
     FROM complaint c JOIN complainant p ON p.id = c.complainant_id WHERE c.id = ANY($1) ORDER BY c.received_at, c.id`,
    [complaintIds],
  )) as Array<Record<string, never>>;
  const byComplaint = async <T>(sql: string): Promise<Map<string, T[]>> => {
    const rows = (await manager.query(sql, [complaintIds])) as Array<T & { complaint_id: string }>;
    const map = new Map<string, T[]>();
    for (const { complaint_id: id, ...row } of rows) map.set(id, [...(map.get(id) ?? []), row as unknown as T]);
    return map;
  };
  type Row = Record<string, never>;
  const contacts = await byComplaint<Row>(
    'SELECT complaint_id, contacted_at, kind, channel, summary FROM contact_moment WHERE complaint_id = ANY($1) ORDER BY contacted_at, id',
  );
  const pauses = await byComplaint<Row>(
    'SELECT complaint_id, requested_at, question, answer FROM complaint_pause WHERE complaint_id = ANY($1) ORDER BY requested_at, id',
  );
  const objections = await byComplaint<Row>(
    'SELECT complaint_id, received_at, grounds, outcome, reasoning, decided_at FROM objection WHERE complaint_id = ANY($1)',
  );
  const hearings = await byComplaint<Row>(
    'SELECT complaint_id, scheduled_at, form, status, location, minutes FROM hearing WHERE complaint_id = ANY($1) ORDER BY scheduled_at, id',
  );
  const referrals = await byComplaint<Row>(
    `SELECT r.complaint_id, r.referred_at, x.name AS party, r.reason, r.outcome FROM referral r JOIN external_party x ON x.id = r.party_id
     WHERE r.complaint_id = ANY($1) ORDER BY r.referred_at, r.id`,
  );
  const surveys = await byComplaint<Row>(
    `SELECT complaint_id, answered_at, handling_score, outcome_score, comment, reopen_requested, reopen_decision, reopen_decision_note
     FROM satisfaction_survey WHERE complaint_id = ANY($1)`,
  );
  const letters = await byComplaint<Row>(
    `SELECT complaint_id, id, created_at, kind, channel, subject, sent_at, (pdf IS NOT NULL OR dated IS NOT NULL) AS has_pdf FROM letter
     WHERE complaint_id = ANY($1) ORDER BY created_at, id`,
  );
  const attachments = await byComplaint<Row>(
    `SELECT complaint_id, id, file_name, content_type, size_bytes, created_at, file_key FROM attachment
     WHERE complaint_id = ANY($1) AND removed_at IS NULL ORDER BY created_at, id`,
  );
  const events = await byComplaint<Row>('SELECT complaint_id, at, type FROM complaint_event WHERE complaint_id = ANY($1) ORDER BY seq');

  return complaints.map((c) => {
    const id = c.id as string;
    const objection = (objections.get(id) ?? [])[0] as Record<string, never> | undefined;
    const survey = (surveys.get(id) ?? [])[0] as Record<string, never> | undefined;
    return {
      reference: c.reference,
      kind: c.kind,
      status: c.status,
      channel: c.channel,
      receivedAt: iso(c.received_at)!,
      closedAt: iso(c.closed_at),
      withdrawnAt: iso(c.withdrawn_at),
      anonymisedAt: iso(c.anonymised_at),
      description: c.description,
      subjectService: c.subject_service,
      verdict: c.verdict,
      responseSummary: c.response_summary,
      respondedAt: iso(c.responded_at),
      complainant: {
        name: c.name,
        email: c.email,
        phone: c.phone,
        postalAddress: c.postal_address,
        organisation: c.organisation,
        onBehalfOf: c.on_behalf_of,
        relation: c.relation,
      },
      contactMoments: (contacts.get(id) ?? []).map((m) => ({ contactedAt: iso(m.contacted_at)!, kind: m.kind, channel: m.channel, summary: m.summary })),
      informationRequests: (pauses.get(id) ?? []).map((p) => ({ requestedAt: iso(p.requested_at)!, question: p.question, answer: p.answer })),
      objection: objection
        ? {
            receivedAt: iso(objection.received_at)!,
            grounds: objection.grounds,
            outcome: objection.outcome,
            reasoning: objection.reasoning,
            decidedAt: iso(objection.decided_at),
          }
        : null,
      hearings: (hearings.get(id) ?? []).map((h) => ({
        scheduledAt: iso(h.scheduled_at)!,
        form: h.form,
        status: h.status,
        location: h.location,
        minutes: h.minutes,
      })),
      referrals: (referrals.get(id) ?? []).map((r) => ({ referredAt: iso(r.referred_at)!, party: r.party, reason: r.reason, outcome: r.outcome })),
      survey: survey
        ? {
            answeredAt: iso(survey.answered_at)!,
            handling: survey.handling_score,
            outcome: survey.outcome_score,
            comment: survey.comment,
            reopenRequested: survey.reopen_requested,
            reopenDecision: survey.reopen_decision,
            reopenDecisionNote: survey.reopen_decision_note,
          }
        : null,
      letters: (letters.get(id) ?? []).map((l, index) => ({
        id: l.id,
        createdAt: iso(l.created_at)!,
        kind: l.kind,
        channel: l.channel,
        subject: l.subject,
        sentAt: iso(l.sent_at),
        file: l.has_pdf ? `brieven/${c.reference}/${String(index + 1).padStart(2, '0')}-${String(l.kind).toLowerCase()}.pdf` : null,
      })),
      attachments: (attachments.get(id) ?? []).map((a, index) => ({
        id: a.id,
        fileName: a.file_name,
        contentType: a.content_type,
        sizeBytes: a.size_bytes,
        createdAt: iso(a.created_at)!,
        file: a.file_key ? `bijlagen/${c.reference}/${String(index + 1).padStart(2, '0')}-${entryName(a.file_name)}` : null,
        key: a.file_key,
      })),
      history: (events.get(id) ?? []).map((e) => ({ at: iso(e.at)!, type: e.type })),
    };
  });
}

const escape = (text: unknown): string =>
  String(text ?? '').replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);
const when = (value: string | null): string => (value ? DateTime.fromISO(value).setZone(ZONE).setLocale('nl').toFormat('d MMMM yyyy HH:mm') : '—');

/** The readable summary (Dutch, one self-contained HTML page): what the JSON holds, for a person. */
export function summaryHtml(organisation: string, generatedAt: DateTime, complaints: ExportedComplaint[]): string {
  const rows = (pairs: Array<[string, unknown]>) =>
    pairs.map(([label, value]) => `<tr><th>${escape(label)}</th><td>${escape(value ?? '—')}</td></tr>`).join('');
  const list = <T>(title: string, items: T[], line: (item: T) => string) =>
    items.length ? `<h3>${escape(title)}</h3><ul>${items.map((item) => `<li>${line(item)}</li>`).join('')}</ul>` : '';
  const sections = complaints.map(
    (c) => `
    <section>
      <h2>Klacht ${escape(c.reference)}</h2>
      <table>${rows([
        ['Ontvangen', when(c.receivedAt)],
        ['Kanaal', c.channel],
        ['Stand', c.status],
        ['Afgesloten', when(c.closedAt ?? c.withdrawnAt)],
        ['Naam', c.complainant.name],
        ['E-mail', c.complainant.email],
        ['Telefoon', c.complainant.phone],
        ['Adres', c.complainant.postalAddress],
        ['Organisatie', c.complainant.organisation],
        ['Namens', c.complainant.onBehalfOf],
        ['Omschrijving', c.description],
        ['Over de dienst', c.subjectService],
        ['Oordeel', c.verdict],
        ['Antwoord', c.responseSummary],
      ])}</table>
      ${list('Contactmomenten', c.contactMoments, (m) => `${escape(when(m.contactedAt))} — ${escape(m.channel)}${m.summary ? `: ${escape(m.summary)}` : ''}`)}
      ${list('Verzoeken om informatie', c.informationRequests, (p) => `${escape(when(p.requestedAt))}: ${escape(p.question)}${p.answer ? ` — antwoord: ${escape(p.answer)}` : ''}`)}
      ${c.objection ? `<h3>Bezwaar</h3><p>${escape(when(c.objection.receivedAt))}: ${escape(c.objection.grounds)}</p>${c.objection.reasoning ? `<p>Besluit: ${escape(c.objection.reasoning)}</p>` : ''}` : ''}
      ${list('Hoorzittingen', c.hearings, (h) => `${escape(when(h.scheduledAt))} — ${escape(h.form)}${h.location ? `, ${escape(h.location)}` : ''}${h.minutes ? `<br>Verslag: ${escape(h.minutes)}` : ''}`)}
      ${
        c.survey
          ? `<h3>Tevredenheid</h3><p>${escape(when(c.survey.answeredAt))}: over de afhandeling ${c.survey.handling} van 5, over de uitkomst ${c.survey.outcome} van 5${c.survey.comment ? ` — ${escape(c.survey.comment)}` : ''}${c.survey.reopenRequested ? `<br>Verzoek om heropening${c.survey.reopenDecision === 'GRANTED' ? ': ingewilligd' : c.survey.reopenDecision === 'DECLINED' ? `: afgewezen${c.survey.reopenDecisionNote ? ` (${escape(c.survey.reopenDecisionNote)})` : ''}` : ''}` : ''}</p>`
          : ''
      }
      ${list('Doorverwijzingen', c.referrals, (r) => `${escape(when(r.referredAt))} naar ${escape(r.party)}: ${escape(r.reason)}${r.outcome ? ` — uitkomst: ${escape(r.outcome)}` : ''}`)}
      ${list('Brieven', c.letters, (l) => `${escape(when(l.createdAt))}: ${escape(l.subject)}${l.file ? ` (<a href="${escape(l.file)}">${escape(l.file)}</a>)` : ''}`)}
      ${list('Bijlagen', c.attachments, (a) => `${escape(a.fileName)}${a.file ? ` (<a href="${escape(a.file)}">${escape(a.file)}</a>)` : ''}`)}
      ${list('Verloop', c.history, (e) => `${escape(when(e.at))}: ${escape(e.type)}`)}
    </section>`,
  );
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Inzage persoonsgegevens — ${escape(organisation)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
th{text-align:left;vertical-align:top;padding-right:1rem;white-space:nowrap}table{border-collapse:collapse;margin-bottom:1rem}
td,th{border-bottom:1px solid #ddd;padding:.25rem .5rem}section{margin-top:2rem}</style></head>
<body>
<h1>Inzage in uw persoonsgegevens</h1>
<p>${escape(organisation)} bewaart over u de gegevens hieronder, bij ${complaints.length} ${complaints.length === 1 ? 'klacht' : 'klachten'}
(artikel 15 AVG). Opgemaakt op ${escape(generatedAt.setZone(ZONE).setLocale('nl').toFormat('d MMMM yyyy HH:mm'))}. Dezelfde gegevens staan
machineleesbaar in <code>gegevens.json</code>; de brieven en bijlagen staan in de mappen <code>brieven</code> en <code>bijlagen</code>.</p>
<p>Niet opgenomen zijn de interne aantekeningen en de verklaringen van medewerkers: die gaan ook over anderen (artikel 15, lid 4 AVG).
Gegevens worden bewaard tot de bewaartermijn na afsluiting verstreken is en daarna geanonimiseerd.</p>
${sections.join('\n')}
</body></html>
`;
}

/**
 * GET /privacy-requests/:id/export.zip (QUALITY_MANAGER, DIRECTOR): the complainant's complaints, found by identity,
 * as a ZIP streamed to the client — overzicht.html for people, gegevens.json for programs, the letters' PDFs and
 * the attachments' files — in constant memory; a client that goes away stops it. The first complete export
 * carries the request out.
 */
export async function writeAccessExport(services: Services, caller: Caller, requestId: string, response: Response, logger: Logger) {
  if (!mayUse(caller, Permission.PRIVACY)) throw new ForbiddenError('Access exports are for a QUALITY_MANAGER or DIRECTOR.');
  const privacyRequest = await services.privacy.get(requestId);
  if (privacyRequest.kind !== PrivacyRequestKind.ACCESS) throw new ConflictError('This is an erasure request: it has no export.');
  const { complaintIds, complaints, letterPdf } = await services.privacy.exportOf(caller, privacyRequest);
  const generatedAt = services.privacy.now();

  response.status(200).set({
    'Content-Type': 'application/zip',
    'Content-Disposition': `attachment; filename="inzage-${complaints[0]?.reference ?? requestId}.zip"`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  });
  // required here, not at start: archiver is a fifth of a second of loading for a rare request
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const zip = (require('archiver') as typeof Archiver)('zip', { zlib: { level: 6 } });
  let aborted = false;
  response.on('close', () => {
    if (!response.writableFinished) {
      aborted = true;
      zip.abort();
    }
  });
  zip.on('warning', (warning) => logger.warn('access export', { error: String(warning) }));
  zip.on('error', (error) => {
    logger.error('access export failed', { requestId, error: String(error) });
    response.destroy();
  });
  zip.pipe(response);
  zip.append(summaryHtml(services.privacy.organisationName, generatedAt, complaints), { name: 'overzicht.html' });
  zip.append(
    JSON.stringify(
      {
        generatedAt: generatedAt.toISO(),
        request: { id: privacyRequest.id, receivedAt: privacyRequest.receivedAt.toISOString() },
        complaints: complaints.map((complaint) => ({ ...complaint, attachments: complaint.attachments.map(({ key: _key, ...attachment }) => attachment) })),
      },
      null,
      2,
    ),
    { name: 'gegevens.json' },
  );
  for (const complaint of complaints) {
    for (const letter of complaint.letters) {
      if (aborted) return;
      if (letter.file) zip.append(await letterPdf(letter.id), { name: letter.file });
    }
    for (const attachment of complaint.attachments) {
      if (aborted) return;
      if (attachment.file && attachment.key) {
        const body = await services.files.open(attachment.key);
        await new Promise<void>((resolve, reject) => {
          zip.append(body, { name: attachment.file! });
          // archiver takes entries one after the other: wait for this one before opening the next file
          zip.once('entry', () => resolve());
          body.once('error', reject);
        });
      }
    }
  }
  if (aborted) return;
  await zip.finalize();
  await new Promise<void>((resolve) => (response.writableFinished ? resolve() : response.once('finish', () => resolve())));
  if (!aborted) await services.privacy.markExported(caller, privacyRequest, complaintIds);
}
