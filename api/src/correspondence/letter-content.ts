import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { Complainant } from '../complaint/complainant.entity';
import type { Complaint } from '../complaint/complaint.entity';
import { DeadlineKind, ExternalPartyKind, HearingForm, HearingStatus, ObjectionOutcome, Offer, ReferralKind } from '../complaint/complaint.enums';
import { Deadline } from '../complaint/deadline.entity';
import type { DeadlinePlanner } from '../complaint/deadline-planner';
import { ComplaintPause } from '../complaint/pause.entity';
import { Hearing } from '../hearing/hearing.entity';
import { Objection } from '../objection/objection.entity';
import { ExternalParty } from '../referral/external-party.entity';
import { ZONE } from '../shared/clock';
import { Staff } from '../staff/staff.entity';
import { LetterKind } from './letter-kinds';

/** "1 december 2026": Dutch dates on every letter. */
export const dutchDate = (moment: DateTime | Date | string): string => {
  const value = typeof moment === 'string' ? DateTime.fromISO(moment, { zone: ZONE }) : moment instanceof Date ? DateTime.fromJSDate(moment) : moment;
  return value.setZone(ZONE).setLocale('nl').toFormat('d MMMM yyyy');
};
const dutchTime = (moment: Date): string => DateTime.fromJSDate(moment).setZone(ZONE).toFormat('HH:mm');

const FORMS: Record<HearingForm, string> = { [HearingForm.OFFICE]: 'op kantoor', [HearingForm.PHONE]: 'telefonisch', [HearingForm.VIDEO]: 'via video' };
const OUTCOMES: Record<ObjectionOutcome, string> = {
  [ObjectionOutcome.UPHELD]: 'uw bezwaar is gegrond',
  [ObjectionOutcome.PARTLY_UPHELD]: 'uw bezwaar is gedeeltelijk gegrond',
  [ObjectionOutcome.REJECTED]: 'uw bezwaar is ongegrond',
};
const OFFERS: Record<Offer, string> = {
  [Offer.COMPENSATION]: 'een vergoeding',
  [Offer.REPLACEMENT_SERVICE]: 'vervangende dienstverlening',
  [Offer.EXTRA_SERVICE]: 'extra dienstverlening',
  [Offer.APOLOGY]: 'onze excuses',
  [Offer.EXPLANATION]: 'een toelichting',
};
const VERDICTS: Record<string, string> = {
  WELL_FOUNDED: 'gegrond',
  PARTLY_WELL_FOUNDED: 'gedeeltelijk gegrond',
  UNFOUNDED: 'ongegrond',
  NOT_ASSESSED: 'niet beoordeeld',
};

export interface LetterContext {
  /** What the template may use (letter-kinds.ts says which per kind). */
  fields: Record<string, unknown>;
  /** What the product adds to the letter whatever the template says: the dates, the further procedure, the external body. */
  mandatory: string[];
  /** The hearing an invitation is about. */
  hearing: Hearing | null;
  complainant: Complainant;
}

/** What a letter needs from the complaint, read in the transaction that writes it. */
export async function letterContext(
  manager: EntityManager,
  deadlines: DeadlinePlanner,
  complaint: Complaint,
  kind: LetterKind,
  freeText: string,
  now: DateTime,
  organisationName: string,
  known?: Complainant,
): Promise<LetterContext> {
  const complainant = known ?? (await manager.getRepository(Complainant).findOneByOrFail({ id: complaint.complainantId }));
  const handler = complaint.handlerId ? await manager.getRepository(Staff).findOneBy({ id: complaint.handlerId }) : null;
  const open = (await manager.getRepository(Deadline).find({ where: { complaintId: complaint.id }, order: { dueAt: 'ASC' } })).filter(
    (deadline) => !deadline.metAt && !deadline.cancelledAt,
  );
  const respond = open.find((deadline) => deadline.kind === DeadlineKind.RESPOND);
  const fields: Record<string, unknown> = {
    reference: complaint.reference,
    today: dutchDate(now),
    receivedDate: dutchDate(complaint.receivedAt),
    complainant: { name: complainant.name },
    organisation: { name: organisationName },
    description: complaint.description,
    handler: { name: handler?.name ?? '' },
    freeText,
    expectedDate: respond ? dutchDate(respond.dueDate) : '',
  };
  const mandatory: string[] = [];
  const body = await externalBody(manager, complaint.policySnapshot.referral);
  let hearing: Hearing | null = null;

  switch (kind) {
    case LetterKind.INFORMATION_REQUEST:
    case LetterKind.INFORMATION_REMINDER: {
      const pause = await manager.getRepository(ComplaintPause).findOne({ where: { complaintId: complaint.id }, order: { requestedAt: 'DESC' } });
      fields.information = { question: pause?.question ?? '', answerBy: pause ? dutchDate(pause.answerBy) : '' };
      if (pause) mandatory.push(`Graag uw antwoord uiterlijk ${dutchDate(pause.answerBy)}.`);
      break;
    }
    case LetterKind.EXTENSION_NOTICE:
      fields.extension = { weeks: complaint.extensionWeeks ?? '', reason: complaint.extensionReason ?? '', newDate: respond ? dutchDate(respond.dueDate) : '' };
      if (respond) mandatory.push(`Ons antwoord volgt uiterlijk ${dutchDate(respond.dueDate)}.`);
      break;
    case LetterKind.RESPONSE: {
      fields.verdict = complaint.verdict ? VERDICTS[complaint.verdict] : '';
      fields.solution = complaint.solution ?? '';
      const window = complaint.policySnapshot.rules.find((rule) => rule.kind === DeadlineKind.OBJECTION_WINDOW);
      // the window opens with this very answer: counted from now, as the step will count it
      const closes = window ? (await deadlines.plan(manager, [window], now))[0].dueDate : null;
      fields.objectionDeadline = closes ? dutchDate(closes) : '';
      fields.externalBody = { name: body?.name ?? '' };
      if (closes)
        mandatory.push(
          `Bent u het niet eens met dit antwoord? Dan kunt u tot en met ${dutchDate(closes)} schriftelijk bezwaar maken bij de directie, ` +
            'onder vermelding van het kenmerk van deze brief. U wordt dan uitgenodigd voor een hoorzitting.',
        );
      if (body) mandatory.push(body.sentence);
      break;
    }
    case LetterKind.HEARING_INVITATION: {
      hearing = await manager
        .getRepository(Hearing)
        .findOne({ where: { complaintId: complaint.id, status: HearingStatus.SCHEDULED }, order: { scheduledAt: 'DESC' } });
      if (hearing) {
        fields.hearing = {
          date: dutchDate(hearing.scheduledAt),
          time: dutchTime(hearing.scheduledAt),
          place: hearing.location ?? '',
          form: FORMS[hearing.form],
        };
        mandatory.push(
          `De hoorzitting is op ${dutchDate(hearing.scheduledAt)} om ${dutchTime(hearing.scheduledAt)} uur, ${FORMS[hearing.form]}` +
            `${hearing.location ? `: ${hearing.location}` : ''}. Kunt u niet? Laat het ons dan zo snel mogelijk weten.`,
        );
      }
      break;
    }
    case LetterKind.FINAL_DECISION: {
      const objection = await manager.getRepository(Objection).findOneBy({ complaintId: complaint.id });
      fields.decision = { outcome: objection?.outcome ? OUTCOMES[objection.outcome] : '', reasoning: objection?.reasoning ?? '' };
      fields.externalBody = { name: body?.name ?? '' };
      if (body) mandatory.push(body.sentence);
      break;
    }
    case LetterKind.REFERRAL:
      fields.externalBody = { name: body?.name ?? '' };
      break;
    case LetterKind.OFFER_CONFIRMATION:
      fields.offer = complaint.offer.map((offer) => OFFERS[offer]).join(', ');
      fields.solution = complaint.solution ?? '';
      break;
    case LetterKind.HEARING_RECORD:
    case LetterKind.SETTLEMENT: {
      const held = await manager
        .getRepository(Hearing)
        .findOne({ where: { complaintId: complaint.id, status: HearingStatus.HELD }, order: { heldAt: 'DESC' } });
      fields.hearing = held ? { date: dutchDate(held.heldAt ?? held.scheduledAt), form: FORMS[held.heldForm ?? held.form] } : { date: '', form: '' };
      fields.settlement = { terms: held?.settlementTerms ?? '', date: held?.settledAt ? dutchDate(held.settledAt) : '' };
      if (kind === LetterKind.HEARING_RECORD && held)
        mandatory.push(`De hoorzitting vond plaats op ${dutchDate(held.heldAt ?? held.scheduledAt)}, ${FORMS[held.heldForm ?? held.form]}.`);
      break;
    }
    default:
      break;
  }
  return { fields, mandatory, hearing, complainant };
}

/** The directory's kind of party for a policy's referral (any other party: no name to look up). */
const PARTY_OF: Record<ReferralKind, ExternalPartyKind | null> = {
  [ReferralKind.OMBUDSMAN]: ExternalPartyKind.OMBUDSMAN,
  [ReferralKind.MEDIATOR]: ExternalPartyKind.MEDIATOR,
  [ReferralKind.EXTERNAL_PARTY]: null,
};

/** The external body of the policy, and the sentence every answer and final decision must carry about it. */
async function externalBody(manager: EntityManager, referral: ReferralKind | null): Promise<{ name: string; sentence: string } | null> {
  if (!referral) return null;
  const kind = PARTY_OF[referral];
  const party = kind ? await manager.getRepository(ExternalParty).findOne({ where: { kind, active: true }, order: { name: 'ASC' } }) : null;
  switch (referral) {
    case ReferralKind.OMBUDSMAN: {
      const name = party?.name ?? 'De Nationale ombudsman';
      return {
        name,
        sentence: `Bent u na de afhandeling van uw klacht nog niet tevreden, dan kunt u zich binnen een jaar wenden tot ${name} (www.nationaleombudsman.nl).`,
      };
    }
    case ReferralKind.MEDIATOR: {
      const name = party?.name ?? 'een onafhankelijke MfN-registermediator';
      return { name, sentence: `Komen wij er samen niet uit, dan kunt u uw klacht voorleggen aan ${name}. Diens uitspraak is bindend voor beide partijen.` };
    }
    default:
      return { name: 'een externe partij', sentence: 'Komen wij er samen niet uit, dan kunt u uw klacht voorleggen aan een externe partij.' };
  }
}

/** A fictional complaint for the template editor: ADMIN sees no complaint, yet sees what a letter will look like. */
export function sampleFields(now: DateTime, organisationName: string): Record<string, unknown> {
  const later = (days: number) => dutchDate(now.plus({ days }));
  return {
    reference: 'KL-2026-000123',
    today: dutchDate(now),
    receivedDate: later(-3),
    complainant: { name: 'J. Jansen' },
    organisation: { name: organisationName },
    description: 'Mijn afspraak met de casemanager is twee keer verzet zonder dat iemand mij belde.',
    handler: { name: 'H. Behandelaar' },
    freeText: '(hier de eigen tekst van de behandelaar)',
    expectedDate: later(11),
    information: { question: 'Wilt u de brief van het UWV meesturen?', answerBy: later(14) },
    extension: { weeks: 4, reason: 'wij wachten op het dossier van de werkgever', newDate: later(39) },
    offer: 'onze excuses, een vergoeding',
    settlement: { terms: 'Een extra gesprek en schriftelijke excuses.', date: later(9) },
    verdict: 'gegrond',
    solution: 'een nieuwe afspraak binnen een week',
    objectionDeadline: later(15),
    externalBody: { name: 'De Nationale ombudsman' },
    hearing: { date: later(8), time: '14:00', place: 'Kantoor Noord, zaal 2', form: 'op kantoor' },
    decision: { outcome: 'uw bezwaar is gegrond', reasoning: 'De afspraak had niet zonder bericht verzet mogen worden.' },
  };
}
