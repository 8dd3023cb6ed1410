import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type ICALModule from 'ical.js' with { 'resolution-mode': 'import' };
import { FixedClock } from '../../../api/src/shared/clock';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { startSmtpPeer, type SmtpPeer } from '../../helpers/smtp-peer';
import { createUnit, staffMember, type Member } from '../../factories/staff';
import { complainant, type ComplaintView } from '../complaint/complaint-queries';
import { complaintSteps, deadline, ok } from '../complaint/steps';

// ical.js ships CommonJS beside its ES module: what jest's CommonJS tests load
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js') as typeof ICALModule;

/**
 * Letters through a real SMTP peer (smtp-server on a free port; mailparser reads what arrived; pdf.js reads the
 * PDF). Policy focus: the answer on Tuesday 14 April 2026 opens 15 calendar days to object — Wednesday 29 April.
 */
const clock = new FixedClock('2026-04-02T10:00:00');
let peer: SmtpPeer;
let app: TestApp;
let adminToken: string;
let director: Member;
let handler: Member;
let qualityManager: Member;
let unitId: string;

const LETTERS = `letters { id kind channel templateVersion subject body recipient sentAt pdfPath delivery { status attempts lastError messageId smtpResponse waiting } }`;

interface LetterView {
  id: string;
  kind: string;
  channel: string;
  templateVersion: number;
  subject: string;
  body: string;
  recipient: string;
  sentAt: string | null;
  pdfPath: string;
  delivery: {
    status: string;
    attempts: number;
    lastError: string | null;
    messageId: string | null;
    smtpResponse: string | null;
    waiting: string | null;
  } | null;
}

/** A 1×1 PNG: the letters' logo. */
const LOGO = path.join(os.tmpdir(), `klachten-logo-${process.pid}.png`);

beforeAll(async () => {
  fs.writeFileSync(LOGO, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
  peer = await startSmtpPeer();
  app = await startTestApp({
    clock,
    env: { SMTP_URL: peer.url, MAIL_FROM: 'Klachten Focus <klachten@focus.example>', ORGANISATION_NAME: 'Focus Re-integratie', ORGANISATION_LOGO: LOGO },
  });
  adminToken = await app.login(ADMIN.email, ADMIN.password);
  director = await staffMember(app, adminToken, ['DIRECTOR'], { name: 'Dirk Directeur' });
  handler = await staffMember(app, adminToken, ['HANDLER'], { name: 'Hanna Behandelaar' });
  qualityManager = await staffMember(app, adminToken, ['QUALITY_MANAGER'], { name: 'Kim Kwaliteit' });
  unitId = await createUnit(app, adminToken, { code: 'NOORD', directorId: director.id });
});
afterAll(async () => {
  await app.stop();
  await peer.stop();
  fs.rmSync(LOGO, { force: true });
});

const send = (c: { id: string; version: number }, token: string, input: Record<string, unknown>) =>
  app.graphql<{ sendLetter: { id: string; version: number; status: string } }>(
    'mutation ($id: ID!, $version: Int!, $input: SendLetterInput!) { sendLetter(id: $id, version: $version, input: $input) { id version status } }',
    { id: c.id, version: c.version, input },
    token,
  );
const lettersOf = async (c: { id: string }, token = handler.token): Promise<LetterView[]> =>
  (await app.graphql<{ complaint: { letters: LetterView[] } }>(`query ($id: ID) { complaint(id: $id) { ${LETTERS} } }`, { id: c.id }, token)).data!.complaint
    .letters;
const sendDue = () => app.running.services.outbox.sendDue();
/** Sends everything that is due (a run takes a batch). */
const drain = async () => {
  for (let round = 0; round < 20; round++) {
    const run = await sendDue();
    if (run.sent + run.failed + run.retrying === 0) return;
  }
};

/** The text of a PDF as pdf.js reads it (a script of its own: pdfjs-dist is an ES module). */
function pdfText(pdf: Buffer): string {
  const run = spawnSync(process.execPath, [path.join(__dirname, '../../helpers/pdf-text.mjs')], { input: pdf, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return (JSON.parse(run.stdout) as { text: string }).text;
}

/** A focus complaint with an e-mail address, assessed by Hanna on 2 April. */
async function assessed(email = 'karel@example.org'): Promise<ComplaintView> {
  clock.set('2026-04-02T10:00:00');
  let c = ok(await complaintSteps(app).register(director.token, { unitId, complainant: complainant({ name: 'Karel Klager', email }) }));
  c = ok(await complaintSteps(app).assign(c, director.token, handler.id));
  c = ok(await complaintSteps(app).contact(c, handler.token, { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE' }));
  c = ok(await complaintSteps(app).assess(c, handler.token, { verdict: 'WELL_FOUNDED', solution: 'Nieuwe afspraak met de casemanager' }));
  await drain(); // Hanna's mail that it was assigned to her: out of the way
  return c;
}

describe('the answer by e-mail', () => {
  it('is the RESPOND step: meets it, goes out through SMTP with the objection date and the PDF, and keeps the proof', async () => {
    let c = await assessed();
    clock.set('2026-04-14T11:00:00');
    const sent = await send(c, handler.token, { kind: 'RESPONSE', channel: 'EMAIL', freeText: 'Uw klacht is gegrond: de afspraak is te laat verzet.' });
    expect(sent.errors).toBeUndefined();
    c = await complaintSteps(app).read(c, handler.token);
    expect(c.status).toBe('RESPONDED');
    expect(deadline(c, 'RESPOND')).toMatchObject({ status: 'MET', metAt: '2026-04-14T09:00:00.000Z' });
    expect(deadline(c, 'OBJECTION_WINDOW')).toMatchObject({ dueDate: '2026-04-29' });
    expect(c.history.at(-1)).toMatchObject({ type: 'RESPONDED', data: expect.objectContaining({ letterKind: 'RESPONSE', channel: 'EMAIL' }) });
    let [letter] = await lettersOf(c);
    expect(letter).toMatchObject({ kind: 'RESPONSE', channel: 'EMAIL', templateVersion: 0, sentAt: null, delivery: { status: 'QUEUED', attempts: 0 } });

    const before = peer.received.length;
    expect(await sendDue()).toMatchObject({ sent: 1 });
    expect(await sendDue()).toMatchObject({ sent: 0 }); // nothing twice
    expect(peer.received).toHaveLength(before + 1);
    const mail = peer.received.at(-1)!;
    expect(mail.subject).toBe(`Antwoord op uw klacht ${c.reference}`);
    expect(mail.to).toMatchObject({ text: expect.stringContaining('karel@example.org') });
    expect(mail.text).toContain('Uw klacht is gegrond: de afspraak is te laat verzet.');
    expect(mail.text).toContain('tot en met 29 april 2026 schriftelijk bezwaar');
    expect(mail.text).toContain('De oplossing of maatregel: Nieuwe afspraak met de casemanager');
    expect(mail.html).toContain('29 april 2026');
    const pdf = mail.attachments.find((attachment) => attachment.contentType === 'application/pdf');
    expect(pdf).toBeDefined();
    const text = pdfText(pdf!.content);
    expect(text).toContain(`Kenmerk: ${c.reference}`);
    expect(text).toContain('Focus Re-integratie');
    expect(text).toContain('29 april 2026');
    expect(text).toContain('Karel Klager');
    expect(pdf!.content.toString('latin1')).toMatch(/\/Subtype\s*\/Image/); // the logo

    [letter] = await lettersOf(c);
    expect(letter.sentAt).toBe('2026-04-14T09:00:00.000Z');
    expect(letter.delivery).toMatchObject({
      status: 'SENT',
      attempts: 1,
      messageId: expect.stringContaining('@klachtenregistratie>'),
      smtpResponse: expect.stringMatching(/^250/),
    });

    // the PDF over HTTP, for whoever may see the complaint
    const response = await fetch(`${app.url}${letter.pdfPath}`, { headers: { authorization: `Bearer ${handler.token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(pdfText(Buffer.from(await response.arrayBuffer()))).toContain(c.reference);
    const employee = await staffMember(app, adminToken, ['EMPLOYEE']);
    expect((await fetch(`${app.url}${letter.pdfPath}`, { headers: { authorization: `Bearer ${employee.token}` } })).status).toBe(404);
    expect((await fetch(`${app.url}${letter.pdfPath}`)).status).toBe(401);
  });

  it('is refused without an e-mail address, and needs its text', async () => {
    const c = await assessed('');
    expect((await send(c, handler.token, { kind: 'RESPONSE', channel: 'EMAIL', freeText: 'Antwoord' })).errors?.[0].extensions).toMatchObject({
      fieldCodes: { channel: { code: 'NO_ADDRESS' } },
    });
    const d = await assessed();
    expect((await send(d, handler.token, { kind: 'RESPONSE', channel: 'EMAIL' })).errors?.[0].extensions).toMatchObject({
      fieldCodes: { freeText: { code: 'REQUIRED' } },
    });
  });
});

describe('the outbox', () => {
  it('retries a mail server that answers 421 with backoff, and sends the message once, on the third attempt', async () => {
    let c = await assessed();
    clock.set('2026-04-07T10:00:00');
    peer.refuseNext(2);
    c = (await send(c, handler.token, { kind: 'PROGRESS_UPDATE', channel: 'EMAIL', freeText: 'Wij spreken de casemanager deze week.' })).data!
      .sendLetter as never;
    const before = peer.received.length;
    expect(await sendDue()).toMatchObject({ retrying: 1 });
    let [letter] = await lettersOf(c);
    expect(letter.delivery).toMatchObject({ status: 'QUEUED', attempts: 1, lastError: expect.stringContaining('421') });
    expect(await sendDue()).toMatchObject({ sent: 0, retrying: 0 }); // not before its time
    clock.set('2026-04-07T10:00:31');
    expect(await sendDue()).toMatchObject({ retrying: 1 });
    clock.set('2026-04-07T10:01:32');
    expect(await sendDue()).toMatchObject({ sent: 1 });
    expect(peer.received).toHaveLength(before + 1);
    expect(peer.refused).toBe(2);
    [letter] = await lettersOf(c);
    expect(letter.delivery).toMatchObject({ status: 'SENT', attempts: 3 });
    // sending it met PROGRESS_UPDATE's contact, as the seed asks
    expect((await complaintSteps(app).read(c, handler.token)).history.at(-1)).toMatchObject({
      type: 'CONTACT_RECORDED',
      data: expect.objectContaining({ kind: 'PROGRESS_UPDATE' }),
    });
  });

  it('keeps a message while the mail server is down, shows it, and sends it when the server is back', async () => {
    const c = await assessed();
    clock.set('2026-04-08T10:00:00');
    await peer.stop();
    try {
      await send(c, handler.token, { kind: 'PROGRESS_UPDATE', channel: 'EMAIL', freeText: 'Even geduld.' });
      expect(await sendDue()).toMatchObject({ retrying: 1 });
      const queued = await app.graphql<{ outboxMessages: Array<{ complaintId: string; status: string; attempts: number; waiting: string }> }>(
        '{ outboxMessages(status: [QUEUED, FAILED]) { complaintId status attempts waiting } }',
        {},
        qualityManager.token,
      );
      expect(queued.data?.outboxMessages.find((message) => message.complaintId === c.id)).toMatchObject({
        status: 'QUEUED',
        attempts: 1,
        waiting: expect.stringContaining('next attempt'),
      });
      expect((await app.graphql('{ outboxMessages { id } }', {}, handler.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    } finally {
      await peer.start();
    }
    const before = peer.received.length;
    clock.set('2026-04-08T10:05:00');
    expect(await sendDue()).toMatchObject({ sent: 1 });
    expect(peer.received).toHaveLength(before + 1);
  });
});

describe('templates', () => {
  it('refuses a field its kind does not have when saved; a new version changes new letters only', async () => {
    const save = (input: Record<string, unknown>) =>
      app.graphql<{ saveLetterTemplate: { version: number } }>(
        'mutation ($input: LetterTemplateInput!) { saveLetterTemplate(input: $input) { version } }',
        { input },
        adminToken,
      );
    const unknown = await save({ kind: 'PROGRESS_UPDATE', subject: 'Voortgang {{reference}}', body: 'Beste {{complainant.email}},' });
    expect(unknown.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldCodes: { body: { code: 'UNKNOWN_FIELD', params: { field: 'complainant.email' } } },
    });
    expect((await save({ kind: 'PROGRESS_UPDATE', subject: 'Voortgang', body: '{{#each x}}{{/each}}' })).errors?.[0].extensions?.fieldCodes).toHaveProperty(
      'body',
    );
    expect((await save({ kind: 'PROGRESS_UPDATE', subject: 'Voortgang', body: 'Beste {{' })).errors?.[0].extensions?.fieldCodes).toHaveProperty('body');
    expect((await app.graphql('{ letterTemplates { kind } }', {}, handler.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // the editor's preview: a fictional complaint (ADMIN sees no real one), refused as saving would be
    const preview = (input: Record<string, unknown>) =>
      app.graphql<{ previewLetterTemplate: { subject: string; body: string } }>(
        'query ($input: LetterTemplateInput!) { previewLetterTemplate(input: $input) { subject body } }',
        { input },
        adminToken,
      );
    expect(
      (await preview({ kind: 'RESPONSE', subject: 'Antwoord {{reference}}', body: 'Bezwaar tot {{objectionDeadline}}, {{nope}}' })).errors?.[0].extensions
        ?.fieldCodes,
    ).toMatchObject({
      body: { code: 'UNKNOWN_FIELD', params: { field: 'nope' } },
    });
    expect((await preview({ kind: 'RESPONSE', subject: 'Antwoord {{reference}}', body: 'Beste {{complainant.name}}' })).data?.previewLetterTemplate).toEqual({
      subject: 'Antwoord KL-2026-000123',
      body: 'Beste J. Jansen',
    });

    const c = await assessed();
    clock.set('2026-04-09T10:00:00');
    const d = (await send(c, handler.token, { kind: 'PROGRESS_UPDATE', channel: 'EMAIL', freeText: 'Eerste.' })).data!.sendLetter;
    const [first] = await lettersOf(c);

    const saved = await save({
      kind: 'PROGRESS_UPDATE',
      subject: 'Stand van zaken {{reference}}',
      body: 'Geachte {{complainant.name}}, {{freeText}} Antwoord vóór {{expectedDate}}.',
    });
    expect(saved.data?.saveLetterTemplate.version).toBe(1);
    expect((await save({ kind: 'PROGRESS_UPDATE', subject: 'Stand {{reference}}', body: '{{freeText}}' })).data?.saveLetterTemplate.version).toBe(2);
    await save({
      kind: 'PROGRESS_UPDATE',
      subject: 'Stand van zaken {{reference}}',
      body: 'Geachte {{complainant.name}}, {{freeText}} Antwoord vóór {{expectedDate}}.',
    });

    expect((await send(d, handler.token, { kind: 'PROGRESS_UPDATE', channel: 'EMAIL', freeText: 'Tweede.' })).errors).toBeUndefined();
    const letters = await lettersOf(c);
    expect(letters.map((letter) => [letter.templateVersion, letter.subject])).toEqual([
      [3, `Stand van zaken ${c.reference}`],
      [0, `Voortgang van uw klacht ${c.reference}`],
    ]);
    expect(letters[0].body).toContain('Geachte Karel Klager, Tweede. Antwoord vóór 16 april 2026.');
    expect(letters[1]).toEqual(first); // the letter sent before is as it was

    // a policy's own wording wins over the shared one whatever their versions; another policy's is not used
    const current = (
      await app.graphql<{ complaint: { id: string; version: number; policy: { key: string } } }>(
        'query ($id: ID) { complaint(id: $id) { id version policy { key } } }',
        { id: c.id },
        handler.token,
      )
    ).data!.complaint;
    const other = current.policy.key === 'reintegratie' ? 'focus' : 'reintegratie';
    await save({ kind: 'PROGRESS_UPDATE', policyKey: other, subject: 'Elders {{reference}}', body: '{{freeText}}' });
    expect((await send(current, handler.token, { kind: 'PROGRESS_UPDATE', channel: 'EMAIL', freeText: 'Derde.' })).errors).toBeUndefined();
    expect((await lettersOf(c))[0]).toMatchObject({ templateVersion: 3, subject: `Stand van zaken ${c.reference}` });
    await save({ kind: 'PROGRESS_UPDATE', policyKey: current.policy.key, subject: 'Eigen {{reference}}', body: '{{freeText}}' });
    const later = (
      await app.graphql<{ complaint: { id: string; version: number } }>('query ($id: ID) { complaint(id: $id) { id version } }', { id: c.id }, handler.token)
    ).data!.complaint;
    expect((await send(later, handler.token, { kind: 'PROGRESS_UPDATE', channel: 'EMAIL', freeText: 'Vierde.' })).errors).toBeUndefined();
    expect((await lettersOf(c))[0]).toMatchObject({ templateVersion: 1, subject: `Eigen ${c.reference}`, body: expect.stringContaining('Vierde.') });
  });
});

describe('the hearing invitation', () => {
  it('carries an .ics in Amsterdam time across the DST switch; a rescheduling keeps the UID and raises SEQUENCE', async () => {
    clock.set('2026-03-02T10:00:00');
    let c = ok(await complaintSteps(app).register(director.token, { unitId, complainant: complainant({ name: 'Hester Hoor', email: 'hester@example.org' }) }));
    c = ok(await complaintSteps(app).assign(c, director.token, handler.id));
    c = ok(await complaintSteps(app).contact(c, handler.token, { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE' }));
    c = ok(await complaintSteps(app).assess(c, handler.token, { verdict: 'UNFOUNDED' }));
    clock.set('2026-03-13T10:00:00');
    c = ok(await complaintSteps(app).respond(c, handler.token));
    clock.set('2026-03-16T10:00:00');
    c = ok(await complaintSteps(app).fileObjection(c, handler.token, { channel: 'LETTER', grounds: 'Ik ben het niet eens met het antwoord van maart.' }));
    c = ok(
      await complaintSteps(app).scheduleHearing(c, handler.token, {
        scheduledAt: '2026-03-30T10:00:00+02:00',
        form: 'OFFICE',
        location: 'Kantoor Noord, zaal 2',
        chairId: director.id,
      }),
    );

    const invitation = async (version: number) => {
      await drain(); // the notifications of the steps so far
      const sent = await send({ id: c.id, version }, handler.token, { kind: 'HEARING_INVITATION', channel: 'EMAIL' });
      expect(sent.errors).toBeUndefined();
      const before = peer.received.length;
      // the complainant, and the chair and the handler with the same calendar item
      expect(await sendDue()).toMatchObject({ sent: 3 });
      const received = peer.received.slice(before);
      const recipients = received.map((mail) => (mail.to && 'text' in mail.to ? mail.to.text : ''));
      expect(recipients).toEqual(
        expect.arrayContaining([
          expect.stringContaining('hester@example.org'),
          expect.stringContaining(director.email),
          expect.stringContaining(handler.email),
        ]),
      );
      const mail = received.find((each) => (each.to && 'text' in each.to ? each.to.text : '').includes('hester@example.org'))!;
      const part = mail.attachments.find((attachment) => attachment.contentType.startsWith('text/calendar'));
      if (!part) throw new Error(`no calendar in ${mail.subject}: ${mail.attachments.map((a) => a.contentType).join(', ')}`);
      const ics = part.content.toString('utf8');
      const component = new ICAL.Component(ICAL.parse(ics));
      for (const zone of component.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
      const event = new ICAL.Event(component.getFirstSubcomponent('vevent')!);
      return { mail, ics, event };
    };
    const first = await invitation(c.version);
    expect(first.mail.subject).toBe(`Uitnodiging voor de hoorzitting over uw klacht ${c.reference}`);
    expect(first.mail.text).toContain('De hoorzitting is op 30 maart 2026 om 10:00 uur, op kantoor: Kantoor Noord, zaal 2.');
    expect(first.ics).toContain('DTSTART;TZID=Europe/Amsterdam:20260330T100000');
    expect(first.event.startDate.toJSDate().toISOString()).toBe('2026-03-30T08:00:00.000Z'); // CEST, after the switch of 29 March
    expect(first.event.component.getFirstPropertyValue('sequence')).toBe(0);
    expect(first.event.attendees.map((attendee) => String(attendee.getFirstValue()).toLowerCase())).toContain('mailto:hester@example.org');

    c = await complaintSteps(app).read(c, handler.token);
    c = ok(
      await complaintSteps(app).rescheduleHearing(c, handler.token, {
        scheduledAt: '2026-03-24T14:00:00+01:00',
        reason: 'De voorzitter is op 30 maart afwezig.',
      }),
    );
    // the update went out by itself, in the rescheduling's transaction
    const calendarOf = async () => {
      const before = peer.received.length;
      await drain();
      const mail = peer.received
        .slice(before)
        .find(
          (received) =>
            received.attachments.some((part) => part.contentType.startsWith('text/calendar')) &&
            (received.to && 'text' in received.to ? received.to.text : '').includes('hester@example.org'),
        )!;
      const ics = mail.attachments.find((part) => part.contentType.startsWith('text/calendar'))!.content.toString('utf8');
      const component = new ICAL.Component(ICAL.parse(ics));
      return { mail, ics, event: new ICAL.Event(component.getFirstSubcomponent('vevent')!) };
    };
    const second = await calendarOf();
    expect(second.mail.text).toContain('De hoorzitting is op 24 maart 2026 om 14:00 uur');
    expect(second.event.uid).toBe(first.event.uid);
    expect(second.event.component.getFirstPropertyValue('sequence')).toBe(1);
    expect(second.event.startDate.toJSDate().toISOString()).toBe('2026-03-24T13:00:00.000Z'); // CET, before the switch

    // waived: the invitation is cancelled (METHOD:CANCEL), one revision later
    c = await complaintSteps(app).read(c, handler.token);
    c = ok(await complaintSteps(app).waiveHearing(c, handler.token, { note: 'Klager ziet af van de hoorzitting.' }));
    const cancelled = await calendarOf();
    expect(cancelled.mail.subject).toBe(`Hoorzitting over uw klacht ${c.reference} gaat niet door`);
    expect(cancelled.ics).toContain('METHOD:CANCEL');
    expect(cancelled.event.uid).toBe(first.event.uid);
    expect(cancelled.event.component.getFirstPropertyValue('sequence')).toBe(2);
    expect(cancelled.event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});

describe('the confirmation of receipt by itself', () => {
  it('goes out at once for a complaint from the website with an e-mail address; the policy says whether it is the first contact', async () => {
    clock.set('2026-05-04T09:00:00');
    const submit = (email: string) =>
      app.graphql<{ submitComplaint: { reference: string } }>(
        'mutation ($input: SubmitComplaintInput!) { submitComplaint(input: $input) { reference } }',
        { input: { complainant: { name: 'Wendy Web', email, relation: 'CLIENT' }, description: 'Niemand neemt de telefoon op.' } },
        undefined,
        { 'x-forwarded-for': `10.9.${Math.floor(Math.random() * 250)}.1` },
      );
    await drain(); // whatever the other tests left
    const first = await submit('wendy@example.org');
    expect(first.errors).toBeUndefined();
    const before = peer.received.length;
    await sendDue();
    expect(peer.received).toHaveLength(before + 1);
    const mail = peer.received.at(-1)!;
    expect(mail.subject).toBe(`Ontvangstbevestiging van uw klacht ${first.data!.submitComplaint.reference}`);
    expect(mail.text).toContain('Op 4 mei 2026 hebben wij uw klacht ontvangen.');
    const read = async (reference: string) =>
      (
        await app.graphql<{ complaintList: { items: Array<{ status: string; deadlines: Array<{ kind: string; status: string }> }> } }>(
          'query ($q: String) { complaintList(filter: { q: $q }) { items { status deadlines { kind status } } } }',
          { q: reference },
          director.token,
        )
      ).data!.complaintList.items[0];
    // focus: a person still calls within 2 working days
    expect(await read(first.data!.submitComplaint.reference)).toMatchObject({
      status: 'RECEIVED',
      deadlines: expect.arrayContaining([{ kind: 'ACKNOWLEDGE', status: 'PENDING' }]),
    });

    const policies = await app.graphql<{ policyList: { items: Array<{ id: string; key: string; version: number }> } }>(
      '{ policyList { items { id key version } } }',
      {},
      adminToken,
    );
    const focus = policies.data!.policyList.items.find((policy) => policy.key === 'focus')!;
    await app.graphql(
      'mutation ($id: ID!, $version: Int!, $input: UpdatePolicyInput!) { updatePolicy(id: $id, version: $version, input: $input) { id } }',
      { id: focus.id, version: focus.version, input: { autoAcknowledgementCounts: true } },
      adminToken,
    );
    const second = await submit('wendy2@example.org');
    expect(await read(second.data!.submitComplaint.reference)).toMatchObject({
      status: 'ACKNOWLEDGED',
      deadlines: expect.arrayContaining([{ kind: 'ACKNOWLEDGE', status: 'MET' }]),
    });
  });
});

describe('by post', () => {
  it('is printed first and takes its step when the one who posted it says so', async () => {
    clock.set('2026-04-02T10:00:00');
    let c = ok(
      await complaintSteps(app).register(director.token, {
        unitId,
        channel: 'LETTER',
        complainant: complainant({ name: 'Paula Post', email: null, postalAddress: 'Dorpsstraat 1, 1234 AB Ergens' }),
      }),
    );
    c = ok(await complaintSteps(app).assign(c, director.token, handler.id));
    expect((await send(c, handler.token, { kind: 'ACKNOWLEDGEMENT', channel: 'EMAIL' })).errors?.[0].extensions?.fieldCodes).toMatchObject({
      channel: { code: 'NO_ADDRESS' },
    });
    // printed only by who may take the step it takes once posted
    const employee = await staffMember(app, adminToken, ['EMPLOYEE']);
    const byEmployee = ok(
      await complaintSteps(app).register(employee.token, { channel: 'LETTER', complainant: complainant({ email: null, postalAddress: 'Laan 3, Ergens' }) }),
    );
    expect((await send(byEmployee, employee.token, { kind: 'RESPONSE', channel: 'POST', freeText: 'Ons antwoord' })).errors?.[0].extensions?.code).toMatch(
      /^(FORBIDDEN|INVALID_TRANSITION)$/,
    );
    expect((await send(c, handler.token, { kind: 'ACKNOWLEDGEMENT', channel: 'POST' })).errors).toBeUndefined();
    let [letter] = await lettersOf(c);
    expect(letter).toMatchObject({ channel: 'POST', recipient: 'Paula Post\nDorpsstraat 1, 1234 AB Ergens', sentAt: null, delivery: null });
    expect(deadline(await complaintSteps(app).read(c, handler.token), 'ACKNOWLEDGE')?.status).toBe('PENDING');

    // the PDF is not rendered while the letter is written: the first download renders it (a day later, dated as written), and keeps it
    const stored = async () =>
      ((await app.running.dataSource.query('SELECT pdf FROM letter WHERE id = $1', [letter.id])) as Array<{ pdf: Buffer | null }>)[0].pdf;
    expect(await stored()).toBeNull();
    clock.set('2026-04-03T16:00:00');
    const download = async () =>
      Buffer.from(await (await fetch(`${app.url}${letter.pdfPath}`, { headers: { authorization: `Bearer ${handler.token}` } })).arrayBuffer());
    const printed = await download();
    const text = pdfText(printed);
    for (const part of [`Kenmerk: ${c.reference}`, 'Datum: 2 april 2026', 'Paula Post', 'Dorpsstraat 1, 1234 AB Ergens', 'Hanna Behandelaar'])
      expect(text).toContain(part);
    expect(await stored()).toEqual(printed);
    expect(await download()).toEqual(printed);
    c = await complaintSteps(app).read(c, handler.token);
    const posted = await app.graphql(
      'mutation ($letterId: ID!, $version: Int!) { markLetterPosted(letterId: $letterId, version: $version) { id } }',
      { letterId: letter.id, version: c.version },
      handler.token,
    );
    expect(posted.errors).toBeUndefined();
    c = await complaintSteps(app).read(c, handler.token);
    expect(c.status).toBe('ACKNOWLEDGED');
    expect(deadline(c, 'ACKNOWLEDGE')).toMatchObject({ status: 'MET', metAt: '2026-04-03T14:00:00.000Z' });
    [letter] = await lettersOf(c);
    expect(letter.sentAt).toBe('2026-04-03T14:00:00.000Z');
    const again = await app.graphql(
      'mutation ($letterId: ID!, $version: Int!) { markLetterPosted(letterId: $letterId, version: $version) { id } }',
      { letterId: letter.id, version: c.version },
      handler.token,
    );
    expect(again.errors?.[0].extensions?.code).toBe('ALREADY_POSTED');
  });
});

describe('without a mail server', () => {
  it('keeps every message in the outbox and says why it was not sent', async () => {
    const bare = await startTestApp({ clock });
    try {
      const token = await bare.login(ADMIN.email, ADMIN.password);
      const boss = await staffMember(bare, token, ['DIRECTOR'], { name: 'Bas Baas' });
      clock.set('2026-04-02T10:00:00');
      const c = ok(await complaintSteps(bare).register(boss.token, { complainant: complainant({ email: 'iemand@example.org' }) }));
      const sent = await bare.graphql(
        'mutation ($id: ID!, $version: Int!, $input: SendLetterInput!) { sendLetter(id: $id, version: $version, input: $input) { id } }',
        { id: c.id, version: c.version, input: { kind: 'ACKNOWLEDGEMENT', channel: 'EMAIL' } },
        boss.token,
      );
      expect(sent.errors).toBeUndefined();
      expect(await bare.running.services.outbox.sendDue()).toEqual({ sent: 0, failed: 0, retrying: 0 });
      const box = await bare.graphql<{ mailConfigured: boolean; outboxMessages: Array<{ status: string; waiting: string }> }>(
        '{ mailConfigured outboxMessages { status waiting } }',
        {},
        boss.token,
      );
      expect(box.data).toEqual({ mailConfigured: false, outboxMessages: [{ status: 'QUEUED', waiting: 'not sent: no mail server configured (SMTP_URL)' }] });
    } finally {
      await bare.stop();
    }
  });
});

describe('notifications by e-mail', () => {
  it('go out through the outbox as each person chose: single mails, or only the digest', async () => {
    const colleague = await staffMember(app, adminToken, ['HANDLER'], { name: 'Cas Collega' });
    clock.set('2026-06-01T10:00:00');
    await drain(); // whatever the other tests left
    const c = ok(await complaintSteps(app).register(director.token, { unitId }));
    ok(await complaintSteps(app).assign(c, director.token, colleague.id));
    const before = peer.received.length;
    await sendDue();
    expect(peer.received.slice(before).map((mail) => [mail.subject, mail.to && 'text' in mail.to ? mail.to.text : ''])).toEqual([
      [`Klacht ${c.reference} is aan u toegewezen`, expect.stringContaining(colleague.email)],
    ]);
    expect(peer.received.at(-1)!.text).toContain('door Dirk Directeur');

    const settings = await app.graphql(
      'mutation ($input: NotificationSettingsInput!) { updateMyNotificationSettings(input: $input) { digestInsteadOfMail } }',
      { input: { mailKinds: ['ASSIGNED', 'DIGEST'], digestInsteadOfMail: true } },
      colleague.token,
    );
    expect(settings.errors).toBeUndefined();
    const d = ok(await complaintSteps(app).register(director.token, { unitId }));
    ok(await complaintSteps(app).assign(d, director.token, colleague.id));
    const after = peer.received.length;
    await sendDue();
    expect(peer.received.length).toBe(after); // only the digest now
    const told = await app.graphql<{ myNotifications: { items: Array<{ kind: string; summary: string }> } }>(
      '{ myNotifications { items { kind summary } } }',
      {},
      colleague.token,
    );
    expect(told.data?.myNotifications.items).toContainEqual({ kind: 'ASSIGNED', summary: `Klacht ${d.reference} is aan u toegewezen door Dirk Directeur.` });
  });
});
