import { defaultFieldResolver, getNullableType, isListType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { Complainant } from '../complaint/complainant.entity';
import type { Complaint } from '../complaint/complaint.entity';
import { concernsCaller } from '../complaint/visibility';
import type { RequestContext } from '../shared/request-context';

/**
 * What an employee a complaint names reads of it (DOMAIN.md, "The employee concerned"; Awb 9:9, 9:12): the
 * complaint itself and where it stands; the complainant's name but not how to reach them; never the
 * deliberation (history, notes, contacts, attachments, the hearing's record, the objection); the findings
 * only once the complainant has been answered. Every field of Complaint is decided here — a new field is
 * hidden from them until it is listed (test/api/concerned checks the list against the schema).
 * Whatever their role: a QUALITY_MANAGER a complaint is about reads it like this too.
 */
export type SubjectRule = 'SHOW' | 'AFTER_ANSWER' | 'HIDE' | 'COMPLAINANT_WITHOUT_CONTACT';

export const SUBJECT_VIEW: Record<string, SubjectRule> = {
  id: 'SHOW',
  reference: 'SHOW',
  kind: 'SHOW',
  status: 'SHOW',
  channel: 'SHOW',
  receivedAt: 'SHOW',
  description: 'SHOW',
  subjectService: 'SHOW',
  subjectStaffIds: 'SHOW',
  subjects: 'SHOW',
  unit: 'SHOW',
  unitId: 'SHOW',
  category: 'SHOW',
  categoryId: 'SHOW',
  policy: 'SHOW',
  policyId: 'SHOW',
  registeredBy: 'SHOW',
  registeredById: 'SHOW',
  handler: 'SHOW',
  handlerId: 'SHOW',
  forwardedTo: 'SHOW',
  forwardedToId: 'SHOW',
  objectionDirectorId: 'SHOW',
  deadlines: 'SHOW',
  nextDueAt: 'SHOW',
  nextDueKind: 'SHOW',
  nextDueWorkingDaysLate: 'SHOW',
  availableActions: 'SHOW',
  concernsMe: 'SHOW',
  statements: 'SHOW',
  version: 'SHOW',
  createdAt: 'SHOW',
  updatedAt: 'SHOW',
  closedAt: 'SHOW',
  withdrawnAt: 'SHOW',
  archivedAt: 'SHOW',
  objectionFiledAt: 'SHOW',
  hearingScheduledAt: 'SHOW',
  hearingHeldAt: 'SHOW',
  hearingWaivedAt: 'SHOW',
  pausedSince: 'SHOW',
  pauseLapsedAt: 'SHOW',
  pausedWorkingDays: 'SHOW',
  // the employee concerned is told of an extension and why (Awb 9:11, lid 2)
  extendedAt: 'SHOW',
  extensionWeeks: 'SHOW',
  extensionReason: 'SHOW',
  resolvedByReceiver: 'SHOW',
  complainant: 'COMPLAINANT_WITHOUT_CONTACT',
  complainantId: 'SHOW',
  // the findings and conclusions, once the complainant has them (Awb 9:12)
  verdict: 'AFTER_ANSWER',
  cause: 'AFTER_ANSWER',
  solution: 'AFTER_ANSWER',
  offer: 'AFTER_ANSWER',
  preventiveMeasure: 'AFTER_ANSWER',
  respondedAt: 'AFTER_ANSWER',
  responseSummary: 'AFTER_ANSWER',
  // the deliberation and the complainant's contacts
  history: 'HIDE',
  contactMoments: 'HIDE',
  attachments: 'HIDE',
  hearings: 'HIDE',
  objection: 'HIDE',
  referrals: 'HIDE',
  pauses: 'HIDE',
  letters: 'HIDE',
  assessedAt: 'HIDE',
  customerAgreed: 'HIDE',
  satisfaction: 'HIDE',
  outcomeRecordedAt: 'HIDE',
  ackWorkingDays: 'HIDE',
  responseWorkingDays: 'HIDE',
  closureWorkingDays: 'HIDE',
  responseNetWorkingDays: 'HIDE',
  closureNetWorkingDays: 'HIDE',
  // the dossier's keeping: the organisation's business (a hold may concern a claim against the employee)
  legalHoldAt: 'HIDE',
  legalHoldById: 'HIDE',
  legalHoldBy: 'HIDE',
  legalHoldReason: 'HIDE',
  retainUntil: 'HIDE',
  anonymisedAt: 'SHOW',
  statusCodeIssuedAt: 'HIDE',
  hearingAcceptedAt: 'HIDE',
  // how satisfied the complainant is, and whether they ask to reopen it: the organisation's deliberation
  surveyAnsweredAt: 'HIDE',
  reopenRequestedAt: 'HIDE',
  satisfactionSurvey: 'HIDE',
};

/** The complainant without the ways to reach them: a copy (the loader's instance is shared by the request). */
function withoutContact(complainant: Complainant | null): Complainant | null {
  if (!complainant) return null;
  return Object.assign(Object.create(Complainant.prototype) as Complainant, complainant, { email: null, phone: null, postalAddress: null });
}

/**
 * Applies SUBJECT_VIEW to every field of Complaint read by an employee it names: each field's resolver is wrapped
 * once, when the schema is built. (A TypeGraphQL global middleware did this before, but it ran as a chain of
 * promises on every field of every type — a third of the list's CPU went to those promises and their garbage.)
 */
export function applySubjectView(schema: GraphQLSchema): GraphQLSchema {
  const type = schema.getType('Complaint');
  if (!isObjectType(type)) throw new Error('The schema has no Complaint type for the subject view');
  for (const field of Object.values(type.getFields())) {
    const resolve = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<Complaint, RequestContext>;
    const rule = SUBJECT_VIEW[field.name] ?? 'HIDE';
    const hidden = isListType(getNullableType(field.type)) ? [] : null;
    field.resolve = (complaint: Complaint, args, context: RequestContext, info) => {
      if (rule === 'SHOW' || !concernsCaller(complaint, context.caller)) return resolve(complaint, args, context, info);
      if (rule === 'AFTER_ANSWER' && complaint.respondedAt) return resolve(complaint, args, context, info);
      if (rule === 'COMPLAINANT_WITHOUT_CONTACT')
        return Promise.resolve(resolve(complaint, args, context, info)).then((value) => withoutContact(value as Complainant | null));
      return hidden;
    };
  }
  return schema;
}
