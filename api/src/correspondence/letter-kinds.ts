import { registerEnumType } from 'type-graphql';
import { ContactKind } from '../complaint/complaint.enums';

/** The letters the product writes (DOMAIN.md, "What the system does by itself": in writing). */
export enum LetterKind {
  /** Confirmation of receipt with the further procedure (000, 002, 003). */
  ACKNOWLEDGEMENT = 'ACKNOWLEDGEMENT',
  /** Progress report with the expected date (003). */
  PROGRESS_UPDATE = 'PROGRESS_UPDATE',
  /** Asking for information (003); the clock stops through requestInformation. */
  INFORMATION_REQUEST = 'INFORMATION_REQUEST',
  /** The answer is postponed once, with the reason (Awb 9:11). */
  EXTENSION_NOTICE = 'EXTENSION_NOTICE',
  /** The answer: the complaint, the solution or measures, and the procedure if they disagree (000). */
  RESPONSE = 'RESPONSE',
  /** Invitation to the hearing: date, time, place or phone, form — with a calendar file (000). */
  HEARING_INVITATION = 'HEARING_INVITATION',
  /** The director's final decision on the objection (000). */
  FINAL_DECISION = 'FINAL_DECISION',
  /** The referral to the external body (000, 003, 004). */
  REFERRAL = 'REFERRAL',
  /** A reminder of a request for information that is not answered yet (003). */
  INFORMATION_REMINDER = 'INFORMATION_REMINDER',
  /** The written confirmation of an offer made by phone (001). */
  OFFER_CONFIRMATION = 'OFFER_CONFIRMATION',
  /** The written record that the hearing took place, and in which form (000). */
  HEARING_RECORD = 'HEARING_RECORD',
  /** The settlement as both agreed to it (000). */
  SETTLEMENT = 'SETTLEMENT',
  /** How satisfied the complainant is with the handling and with the outcome (001; ISO 10002). */
  SATISFACTION_SURVEY = 'SATISFACTION_SURVEY',
}
registerEnumType(LetterKind, {
  name: 'LetterKind',
  description: 'A kind of letter to the complainant; each has a Dutch template (versioned) and mandatory content.',
});

/** Fields every template may use. */
const COMMON = ['reference', 'today', 'receivedDate', 'complainant.name', 'organisation.name', 'description', 'handler.name', 'freeText'] as const;

export interface LetterKindRule {
  /** Dutch, as the panel and the letter's subject show it. */
  name: string;
  /** The step sending it takes (a contact moment of this kind, meeting its deadline); RESPOND: the answer itself. */
  step: ContactKind | 'RESPOND';
  /** The template's fields besides the common ones. */
  fields: readonly string[];
}

export const LETTER_KINDS: Record<LetterKind, LetterKindRule> = {
  [LetterKind.ACKNOWLEDGEMENT]: { name: 'Ontvangstbevestiging', step: ContactKind.ACKNOWLEDGEMENT, fields: ['expectedDate'] },
  [LetterKind.PROGRESS_UPDATE]: { name: 'Voortgang van uw klacht', step: ContactKind.PROGRESS_UPDATE, fields: ['expectedDate'] },
  [LetterKind.INFORMATION_REQUEST]: {
    name: 'Verzoek om aanvullende informatie',
    step: ContactKind.OTHER,
    fields: ['information.question', 'information.answerBy'],
  },
  [LetterKind.EXTENSION_NOTICE]: {
    name: 'Verdaging van het antwoord',
    step: ContactKind.EXTENSION_NOTICE,
    fields: ['extension.weeks', 'extension.reason', 'extension.newDate'],
  },
  [LetterKind.RESPONSE]: { name: 'Antwoord op uw klacht', step: 'RESPOND', fields: ['verdict', 'solution', 'objectionDeadline', 'externalBody.name'] },
  [LetterKind.HEARING_INVITATION]: {
    name: 'Uitnodiging voor de hoorzitting',
    step: ContactKind.OTHER,
    fields: ['hearing.date', 'hearing.time', 'hearing.place', 'hearing.form'],
  },
  [LetterKind.FINAL_DECISION]: {
    name: 'Beslissing op uw bezwaar',
    step: ContactKind.OTHER,
    fields: ['decision.outcome', 'decision.reasoning', 'externalBody.name'],
  },
  [LetterKind.REFERRAL]: { name: 'Doorverwijzing van uw klacht', step: ContactKind.OTHER, fields: ['externalBody.name'] },
  [LetterKind.INFORMATION_REMINDER]: {
    name: 'Herinnering: verzoek om aanvullende informatie',
    step: ContactKind.OTHER,
    fields: ['information.question', 'information.answerBy'],
  },
  [LetterKind.OFFER_CONFIRMATION]: { name: 'Bevestiging van ons aanbod', step: ContactKind.OTHER, fields: ['offer', 'solution'] },
  [LetterKind.HEARING_RECORD]: { name: 'Verslag van de hoorzitting', step: ContactKind.OTHER, fields: ['hearing.date', 'hearing.form'] },
  [LetterKind.SETTLEMENT]: { name: 'Vastlegging van de schikking', step: ContactKind.OTHER, fields: ['settlement.terms', 'settlement.date'] },
  [LetterKind.SATISFACTION_SURVEY]: { name: 'Hoe tevreden bent u?', step: ContactKind.OTHER, fields: [] },
};

/** The fields a template of this kind may use. */
export const fieldsOf = (kind: LetterKind): readonly string[] => [...COMMON, ...LETTER_KINDS[kind].fields];
