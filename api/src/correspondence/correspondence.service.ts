import type { DateTime } from 'luxon';
import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { Complaint } from '../complaint/complaint.entity';
import { Complainant } from '../complaint/complainant.entity';
import { Channel, ComplaintEventType, ComplaintStatus, ContactKind, DeadlineKind } from '../complaint/complaint.enums';
import { ContactMoment } from '../complaint/contact-moment.entity';
import type { ProcedureEngine } from '../complaint/procedure-engine';
import { CONTACT_ACTIONS, type ComplaintService } from '../complaint/complaint.service';
import { ComplaintAction } from '../complaint/complaint.procedure';
import type { DeadlinePlanner } from '../complaint/deadline-planner';
import { concernsCaller, maySee } from '../complaint/visibility';
import type { Caller } from '../shared/caller';
import { ZONE, type Clock } from '../shared/clock';
import { FieldCode, NotFoundError, UserInputError, problem } from '../shared/errors';
import { DEFAULT_TEMPLATES } from './default-templates';
import { hearingIcs } from './hearing-ics';
import { dutchDate, letterContext, sampleFields } from './letter-content';
import type { Hearing } from '../hearing/hearing.entity';
import { LETTER_KINDS, LetterKind } from './letter-kinds';
import { paragraphs } from './letter-pdf';
import { htmlOf, mailbox } from './mail-format';
import { checkTemplate, fill } from './template-engine';
import { LetterTemplate } from './letter-template.entity';
import { Letter, LetterChannel } from './letter.entity';
import type { LetterRenderer } from './letter-renderer';
import type { OutboxService } from './outbox.service';
import { PORTAL_PATH } from '../portal/public-status';
import type { StatusCodes } from '../portal/status-code';
import type { LetterTemplateInput, PreviewLetterInput, SendLetterInput } from './correspondence.input';

export interface Organisation {
  name: string;
  address: string;
  /** A data URL for the letters' heading. */
  logo?: string;
  /** The sender of mail (MAIL_FROM): the organiser of hearing invitations. */
  mailFrom: string;
  /** Where complainants reach the status page (PUBLIC_URL). */
  publicUrl: string;
}

/** The letters that give the complainant the way to the status page, with their code. */
const WITH_STATUS_CODE: readonly LetterKind[] = [LetterKind.ACKNOWLEDGEMENT, LetterKind.SATISFACTION_SURVEY];
/** What a preview shows in the code's place: the code is the complainant's, shown to them alone. */
const CODE_IN_PREVIEW = 'XXXX-XXXX-XXXX-XXXX (de statuscode van de klager, bij verzending ingevuld)';

export interface LetterDraft {
  subject: string;
  body: string;
  mandatory: string[];
  templateVersion: number;
}

/** The step a letter's kind takes (a contact kind: as recordContact maps it). */
const stepOf = (step: ContactKind | 'RESPOND'): ComplaintAction =>
  step === 'RESPOND' ? ComplaintAction.RESPOND : (CONTACT_ACTIONS[step] ?? ComplaintAction.RECORD_CONTACT);

const textOf = (draft: LetterDraft) => [...paragraphs(draft.body), ...draft.mandatory].join('\n\n');

/**
 * Letters to the complainant (DOMAIN.md, "In writing"): written from the newest template of their kind (the
 * policy's own, else everyone's, else the shipped wording), with what no letter may lack added by the product;
 * kept as sent (text and PDF); by e-mail through the outbox in the transaction of the step that sending takes —
 * which records the contact moment and meets its deadline — or printed, and sent once the one who posted it
 * says so.
 */
export class CorrespondenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly complaints: ComplaintService,
    private readonly deadlines: DeadlinePlanner,
    private readonly engine: ProcedureEngine,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly organisation: Organisation,
    private readonly statusCodes: StatusCodes,
    private readonly letters: LetterRenderer,
  ) {}

  /** The wording new letters of this kind get: the policy's newest version, else everyone's, else the shipped one. */
  async template(manager: EntityManager, kind: LetterKind, policyKey: string | null): Promise<LetterTemplate> {
    // the policy's own latest version, else the shared one's: one statement
    const query = manager.getRepository(LetterTemplate).createQueryBuilder('template').where('template.kind = :kind', { kind });
    if (policyKey) query.andWhere('(template.policy_key = :policyKey OR template.policy_key IS NULL)', { policyKey });
    else query.andWhere('template.policy_key IS NULL');
    const found = await query.orderBy('template.policy_key IS NULL', 'ASC').addOrderBy('template.version', 'DESC').limit(1).getOne();
    return (
      found ??
      Object.assign(new LetterTemplate(), { id: null, kind, policyKey: null, version: 0, ...DEFAULT_TEMPLATES[kind], createdById: null, createdAt: null })
    );
  }

  /** Every kind's current wording (for everyone), and the policies' own. */
  async templates(kind: LetterKind | null): Promise<LetterTemplate[]> {
    const kinds = kind ? [kind] : Object.values(LetterKind);
    const saved = await this.dataSource.query(
      `SELECT DISTINCT ON (kind, coalesce(policy_key, '')) id FROM letter_template WHERE kind = ANY($1) ORDER BY kind, coalesce(policy_key, ''), version DESC`,
      [kinds],
    );
    const rows = await this.dataSource.getRepository(LetterTemplate).findBy({ id: In((saved as Array<{ id: string }>).map((row) => row.id)) });
    const defaults = kinds
      .filter((each) => !rows.some((row) => row.kind === each && row.policyKey === null))
      .map((each) =>
        Object.assign(new LetterTemplate(), {
          id: null,
          kind: each,
          policyKey: null,
          version: 0,
          ...DEFAULT_TEMPLATES[each],
          createdById: null,
          createdAt: null,
        }),
      );
    return [...rows, ...defaults].sort((a, b) => a.kind.localeCompare(b.kind) || (a.policyKey ?? '').localeCompare(b.policyKey ?? ''));
  }

  /** A new version (ADMIN); refused when it refers to a field its kind does not have (template-engine.ts). */
  async saveTemplate(caller: Caller, input: LetterTemplateInput): Promise<LetterTemplate> {
    checkTemplate(input.kind, input.subject, input.body);
    const policyKey = input.policyKey?.trim() || null;
    if (policyKey && !(await this.dataSource.query('SELECT 1 FROM policy WHERE key = $1', [policyKey])).length)
      throw new UserInputError('There is no policy with this key.', { policyKey: problem(FieldCode.DOES_NOT_EXIST, 'unknown policy') }, 'UNKNOWN_POLICY');
    return this.dataSource.transaction(async (manager) => {
      // one version at a time per kind and policy
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('letter_template:' || $1 || ':' || $2))`, [input.kind, policyKey ?? '']);
      const [{ latest }] = (await manager.query(
        `SELECT coalesce(max(version), 0)::int AS latest FROM letter_template WHERE kind = $1 AND policy_key IS NOT DISTINCT FROM $2`,
        [input.kind, policyKey],
      )) as Array<{ latest: number }>;
      const row = manager.getRepository(LetterTemplate).create({
        kind: input.kind,
        policyKey,
        version: latest + 1,
        subject: input.subject,
        body: input.body,
        createdById: caller.id,
      });
      return manager.getRepository(LetterTemplate).save(row);
    });
  }

  /** A template being edited, filled in with a fictional complaint (ADMIN sees no real one). */
  previewTemplate(kind: LetterKind, subject: string, body: string): LetterDraft {
    checkTemplate(kind, subject, body);
    const fields = sampleFields(this.clock.now(), this.organisation.name);
    return {
      subject: fill(subject, fields),
      body: fill(body, fields),
      mandatory: ['(Hier zet het systeem de vaste tekst van deze brief: het kenmerk, de datums, de verdere procedure en de externe instantie.)'],
      templateVersion: -1,
    };
  }

  /** The letter as it would be written now (the compose dialog; the template editor's preview with `subject`/`body`). */
  async preview(caller: Caller, input: PreviewLetterInput): Promise<LetterDraft> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const complaint = await this.visible(manager, caller, input.complaintId);
      if (input.subject !== undefined || input.body !== undefined) {
        checkTemplate(input.kind, input.subject ?? '', input.body ?? '');
      }
      return this.draft(manager, complaint, input.kind, input.freeText ?? '', this.clock.now(), {
        subject: input.subject ?? undefined,
        body: input.body ?? undefined,
        preview: true,
      });
    });
  }

  private async visible(manager: EntityManager, caller: Caller, id: string): Promise<Complaint> {
    const complaint = await manager.getRepository(Complaint).findOneBy({ id });
    if (!complaint || !maySee(complaint, caller) || concernsCaller(complaint, caller)) throw new NotFoundError('Complaint', id);
    return complaint;
  }

  private async draft(
    manager: EntityManager,
    complaint: Complaint,
    kind: LetterKind,
    freeText: string,
    now: DateTime,
    { subject, body, preview = false, complainant }: { subject?: string; body?: string; preview?: boolean; complainant?: Complainant } = {},
  ) {
    const template = await this.template(manager, kind, complaint.policySnapshot.key);
    const context = await letterContext(manager, this.deadlines, complaint, kind, freeText.trim(), now, this.organisation.name, complainant);
    if (WITH_STATUS_CODE.includes(kind) && complaint.statusCodeIssuedAt) {
      const code = preview ? CODE_IN_PREVIEW : this.statusCodes.derive(complaint.id, complaint.statusCodeIssuedAt);
      context.mandatory.push(
        `Op ${this.organisation.publicUrl}${PORTAL_PATH}/status ziet u met het kenmerk ${complaint.reference} en uw persoonlijke code ${code} ` +
          'hoe het met uw klacht staat. Daar kunt u ook gevraagde informatie sturen, bezwaar maken en laten weten hoe tevreden u bent. Bewaar de code goed en deel hem niet.',
      );
    }
    const draft: LetterDraft = {
      subject: fill(subject ?? template.subject, context.fields),
      body: fill(body ?? template.body, context.fields),
      mandatory: context.mandatory,
      templateVersion: template.version,
    };
    return { ...draft, context };
  }

  /**
   * Writes the letter; by e-mail also its message in the outbox and the step it takes (the contact moment or
   * the answer, meeting its deadline), all in the step's transaction. By post: printed, the step once posted.
   */
  async send(caller: Caller, id: string, version: number, input: SendLetterInput): Promise<Complaint> {
    const rule = LETTER_KINDS[input.kind];
    if (rule.step === 'RESPOND' && !input.freeText?.trim())
      throw new UserInputError('The answer needs its text.', { freeText: problem(FieldCode.REQUIRED, 'is required for the answer') });
    if (input.channel === LetterChannel.POST) {
      await this.dataSource.transaction(async (manager) => {
        // printed now, its step taken when posted: only who may take that step, when it may be taken
        const complaint = await this.engine.mayTake(manager, caller, id, version, stepOf(rule.step));
        if (concernsCaller(complaint, caller)) throw new NotFoundError('Complaint', id);
        await this.write(manager, complaint, input, caller, this.clock.now(), LetterChannel.POST);
      });
      return this.dataSource.getRepository(Complaint).findOneByOrFail({ id });
    }
    const attach = async (complaint: Complaint, manager: EntityManager, at: DateTime) => {
      const letter = await this.write(manager, complaint, input, caller, at, LetterChannel.EMAIL);
      return { letterId: letter.id, letterKind: input.kind, outboxId: letter.outboxId };
    };
    const summary = `Brief: ${rule.name}`;
    if (rule.step === 'RESPOND') return this.complaints.respond(caller, id, version, { summary: input.freeText!.trim(), channel: Channel.EMAIL }, attach);
    return this.complaints.recordContact(caller, id, version, { kind: rule.step, channel: Channel.EMAIL, summary }, attach);
  }

  /**
   * The website's complaint with an e-mail address gets its confirmation of receipt at once, in the intake's
   * transaction (Signalen, osTicket), unless its policy says not to; where the policy counts it as the first
   * contact, it meets ACKNOWLEDGE as a person's acknowledgement would.
   */
  async confirmReceipt(manager: EntityManager, complaint: Complaint, at: DateTime, known?: Complainant): Promise<void> {
    const snapshot = complaint.policySnapshot;
    if (snapshot.autoAcknowledge === false) return;
    // the intake passes the complainant it has just written: read again otherwise
    const complainant = known ?? (await manager.getRepository(Complainant).findOneByOrFail({ id: complaint.complainantId }));
    if (!complainant.email) return;
    const system = { id: null as unknown as string, name: this.organisation.name } as Caller;
    const letter = await this.write(
      manager,
      complaint,
      { kind: LetterKind.ACKNOWLEDGEMENT, channel: LetterChannel.EMAIL, freeText: '' },
      system,
      at,
      LetterChannel.EMAIL,
      complainant,
    );
    const counts = snapshot.autoAcknowledgementCounts === true;
    await manager.getRepository(ContactMoment).insert({
      complaintId: complaint.id,
      kind: counts ? ContactKind.ACKNOWLEDGEMENT : ContactKind.OTHER,
      channel: Channel.EMAIL,
      contactedAt: at.toJSDate(),
      byId: null,
      summary: 'Ontvangstbevestiging per e-mail (automatisch)',
    });
    const met = counts ? await this.deadlines.meet(manager, complaint, [DeadlineKind.ACKNOWLEDGE], at) : [];
    const from = complaint.status;
    if (counts) {
      await manager.getRepository(Complaint).update({ id: complaint.id }, { status: ComplaintStatus.ACKNOWLEDGED });
      await this.deadlines.refreshNextDue(manager, complaint);
    }
    await this.engine.writeEvent(manager, complaint, {
      type: ComplaintEventType.CONTACT_RECORDED,
      actorId: null,
      from,
      to: counts ? ComplaintStatus.ACKNOWLEDGED : from,
      at,
      data: {
        kind: counts ? ContactKind.ACKNOWLEDGEMENT : ContactKind.OTHER,
        channel: Channel.EMAIL,
        automatic: true,
        letterId: letter.id,
        outboxId: letter.outboxId,
        ...(met.length ? { deadlinesMet: met } : {}),
      },
    });
  }

  /** Whether the complainant was invited to a hearing of this complaint by e-mail (then changes are sent too). */
  private async invitedByMail(manager: EntityManager, complaint: Complaint): Promise<boolean> {
    return (await manager.getRepository(Letter).countBy({ complaintId: complaint.id, kind: LetterKind.HEARING_INVITATION, channel: LetterChannel.EMAIL })) > 0;
  }

  /** A rescheduled hearing: the invitation again, with the same UID and a higher SEQUENCE (in the step's transaction). */
  async reinvite(manager: EntityManager, complaint: Complaint, caller: Caller, at: DateTime): Promise<string | null> {
    if (!(await this.invitedByMail(manager, complaint))) return null;
    const letter = await this.write(
      manager,
      complaint,
      { kind: LetterKind.HEARING_INVITATION, channel: LetterChannel.EMAIL, freeText: 'De hoorzitting is verplaatst; hieronder staan de nieuwe datum en tijd.' },
      caller,
      at,
      LetterChannel.EMAIL,
    );
    return letter.id;
  }

  /** A hearing that will not take place: a cancellation (METHOD:CANCEL) for the invitation that went out. */
  async cancelInvitation(manager: EntityManager, complaint: Complaint, hearing: Hearing): Promise<string | null> {
    if (!(await this.invitedByMail(manager, complaint))) return null;
    const complainant = await manager.getRepository(Complainant).findOneByOrFail({ id: complaint.complainantId });
    if (!complainant.email) return null;
    const text = `De hoorzitting over uw klacht ${complaint.reference} van ${dutchDate(hearing.scheduledAt)} gaat niet door.`;
    const subject = `Hoorzitting over uw klacht ${complaint.reference} gaat niet door`;
    const ics = await this.invitation(manager, hearing, complaint, complainant, true);
    const message = await this.outbox.enqueue(manager, {
      complaintId: complaint.id,
      to: mailbox(complainant.name, complainant.email),
      subject,
      text,
      html: htmlOf([text]),
      ics,
    });
    await this.inviteParticipants(manager, complaint, hearing, ics, subject);
    return message.id;
  }

  /** A printed letter was posted: it is sent now, and the step it takes happens now. */
  async markPosted(caller: Caller, letterId: string, version: number): Promise<Complaint> {
    const letter = await this.dataSource.getRepository(Letter).findOneBy({ id: letterId });
    if (!letter || letter.channel !== LetterChannel.POST) throw new NotFoundError('Letter', letterId);
    // not a word about a letter of a complaint one may not see
    await this.dataSource
      .transaction((manager) => this.visible(manager, caller, letter.complaintId))
      .catch(() => {
        throw new NotFoundError('Letter', letterId);
      });
    if (letter.sentAt) throw new UserInputError('This letter was posted already.', {}, 'ALREADY_POSTED');
    const rule = LETTER_KINDS[letter.kind];
    const attach = async (_complaint: Complaint, manager: EntityManager, at: DateTime) => {
      const [, changed] = (await manager.query(`UPDATE letter SET sent_at = $2, posted_by_id = $3 WHERE id = $1 AND sent_at IS NULL`, [
        letter.id,
        at.toJSDate(),
        caller.id,
      ])) as [unknown, number];
      if (changed !== 1) throw new UserInputError('This letter was posted already.', {}, 'ALREADY_POSTED');
      return { letterId: letter.id, letterKind: letter.kind, posted: true };
    };
    if (rule.step === 'RESPOND') return this.complaints.respond(caller, letter.complaintId, version, { summary: letter.body, channel: Channel.LETTER }, attach);
    return this.complaints.recordContact(
      caller,
      letter.complaintId,
      version,
      { kind: rule.step, channel: Channel.LETTER, summary: `Brief: ${rule.name}` },
      attach,
    );
  }

  private async write(
    manager: EntityManager,
    complaint: Complaint,
    input: SendLetterInput,
    caller: Caller,
    at: DateTime,
    channel: LetterChannel,
    known?: Complainant,
  ): Promise<Letter> {
    const { context, ...draft } = await this.draft(manager, complaint, input.kind, input.freeText ?? '', at, { complainant: known });
    const { complainant } = context;
    if (channel === LetterChannel.EMAIL && !complainant.email)
      throw new UserInputError('The complainant has no e-mail address: send it by post.', { channel: problem(FieldCode.NO_ADDRESS, 'no e-mail address') });
    if (channel === LetterChannel.POST && !complainant.postalAddress)
      throw new UserInputError('The complainant has no postal address: send it by e-mail.', { channel: problem(FieldCode.NO_ADDRESS, 'no postal address') });
    const recipient = channel === LetterChannel.EMAIL ? complainant.email! : `${complainant.name}\n${complainant.postalAddress}`;
    const letter = await manager.getRepository(Letter).save(
      manager.getRepository(Letter).create({
        complaintId: complaint.id,
        kind: input.kind,
        templateVersion: draft.templateVersion,
        channel,
        recipient,
        subject: draft.subject,
        body: [draft.body, ...draft.mandatory].join('\n\n'),
        // the PDF is rendered when first read (letter-renderer.ts), from the text and these two
        pdf: null,
        signedBy: String((context.fields.handler as { name: string }).name || caller.name),
        dated: at.setZone(ZONE).toISODate(),
        createdById: caller.id,
      }),
    );
    if (channel === LetterChannel.EMAIL) {
      const ics =
        input.kind === LetterKind.HEARING_INVITATION && context.hearing ? await this.invitation(manager, context.hearing, complaint, complainant) : null;
      const message = await this.outbox.enqueue(manager, {
        complaintId: complaint.id,
        letterId: letter.id,
        to: mailbox(complainant.name, complainant.email!),
        subject: draft.subject,
        text: textOf(draft),
        html: htmlOf([...paragraphs(draft.body), ...draft.mandatory]),
        ics,
      });
      letter.outboxId = message.id;
      await manager.getRepository(Letter).update({ id: letter.id }, { outboxId: message.id });
      if (ics && context.hearing) await this.inviteParticipants(manager, complaint, context.hearing, ics, draft.subject);
    }
    return letter;
  }

  /** The chair and the handler get the same calendar item (never the employee the complaint is about). */
  private async inviteParticipants(manager: EntityManager, complaint: Complaint, hearing: Hearing, ics: string, subject: string): Promise<void> {
    const staff = (await manager.query('SELECT id, name, email FROM staff WHERE id = ANY($1) AND active', [
      [...new Set([hearing.chairId, complaint.handlerId].filter((id): id is string => !!id && !complaint.subjectStaffIds.includes(id)))],
    ])) as Array<{ id: string; name: string; email: string }>;
    for (const person of staff) {
      const text = ics.includes('METHOD:CANCEL')
        ? `${subject}. De agenda-uitnodiging is ingetrokken.`
        : `${subject}. U bent uitgenodigd${person.id === hearing.chairId ? ' als voorzitter' : ''}; de agenda-uitnodiging is bijgevoegd.`;
      await this.outbox.enqueue(manager, { complaintId: complaint.id, to: mailbox(person.name, person.email), subject, text, html: htmlOf([text]), ics });
    }
  }

  /** The .ics of a hearing: one UID for it and every rescheduling of it, SEQUENCE one higher each time. */
  private async invitation(
    manager: EntityManager,
    hearing: { id: string; scheduledAt: Date; location: string | null; form: string; chairId: string },
    complaint: Complaint,
    complainant: { name: string; email: string | null },
    cancelled = false,
  ): Promise<string> {
    const chain = (await manager.query(
      `WITH RECURSIVE back AS (
         SELECT id, rescheduled_from_id, 0 AS depth FROM hearing WHERE id = $1
         UNION ALL SELECT h.id, h.rescheduled_from_id, back.depth + 1 FROM hearing h JOIN back ON h.id = back.rescheduled_from_id)
       SELECT id, depth FROM back ORDER BY depth DESC LIMIT 1`,
      [hearing.id],
    )) as Array<{ id: string; depth: number }>;
    const chair = (await manager.query('SELECT name, email FROM staff WHERE id = $1', [hearing.chairId])) as Array<{ name: string; email: string }>;
    const from = /<([^>]+)>/.exec(this.organisation.mailFrom)?.[1] ?? this.organisation.mailFrom;
    return hearingIcs({
      uid: `${chain[0].id}@klachtenregistratie`,
      // a cancellation is one revision later than the invitation it cancels
      sequence: chain[0].depth + (cancelled ? 1 : 0),
      cancelled,
      start: hearing.scheduledAt,
      minutes: 60,
      summary: `Hoorzitting klacht ${complaint.reference}`,
      location: hearing.location,
      description: `Hoorzitting over uw bezwaar (kenmerk ${complaint.reference}).`,
      organizer: { name: this.organisation.name, email: from },
      attendees: [
        ...(complainant.email ? [{ name: complainant.name, email: complainant.email }] : []),
        ...(chair[0] ? [{ name: chair[0].name, email: chair[0].email }] : []),
      ],
    });
  }

  /** The letter with its PDF (rendered now if it was not yet); NotFound also once the dossier's personal data was removed. */
  async pdf(caller: Caller, letterId: string): Promise<Letter & { pdf: Buffer }> {
    const letter = await this.dataSource.getRepository(Letter).findOneBy({ id: letterId });
    if (!letter) throw new NotFoundError('Letter', letterId);
    await this.dataSource.transaction((manager) => this.visible(manager, caller, letter.complaintId));
    const pdf = await this.letters.pdf(letterId);
    if (!pdf) throw new NotFoundError('Letter', letterId);
    return Object.assign(letter, { pdf });
  }

  lettersOf(complaintId: string): Promise<Letter[]> {
    return this.dataSource.getRepository(Letter).find({
      where: { complaintId },
      order: { createdAt: 'DESC' },
      // the PDF stays in the database until it is downloaded
      select: {
        id: true,
        complaintId: true,
        kind: true,
        templateVersion: true,
        channel: true,
        recipient: true,
        subject: true,
        body: true,
        createdById: true,
        createdAt: true,
        sentAt: true,
        postedById: true,
        outboxId: true,
      },
    });
  }

  get mailConfigured(): boolean {
    return this.outbox.configured;
  }
}
