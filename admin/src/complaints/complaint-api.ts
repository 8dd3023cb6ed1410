import type { ApolloClient } from '@apollo/client';
import { parse } from 'graphql';
import type { DataProvider } from 'react-admin';
import { toHttpError } from '../providers/error-mapping';
import type { SelectionOverrides } from '../providers/build-query';
import { contractSchema } from '../schema/contract';
import type { ComplaintRecord } from './types';

/**
 * The complaint workflow's GraphQL: what the list and the complaint page select (one round
 * trip each), and the step mutations behind the buttons of `availableActions`.
 */

const NAMED = '{ id name }';

/** A row of the Klachten list: enough for the columns and the deadline badge. */
const COMPLAINT_ROW = `id reference kind status channel receivedAt nextDueAt version
  complainant { id name } unit ${NAMED} handler ${NAMED} category ${NAMED}
  deadlines { id kind dueDate dueAt status }`;

/** The complaint page, and what every step mutation returns. */
export const COMPLAINT_RECORD = `id reference kind status channel receivedAt nextDueAt version
  description subjectService subjectStaffIds availableActions createdAt updatedAt
  verdict cause solution offer preventiveMeasure assessedAt
  respondedAt responseSummary customerAgreed satisfaction outcomeRecordedAt
  closedAt archivedAt withdrawnAt objectionFiledAt hearingScheduledAt hearingHeldAt hearingWaivedAt
  policy { id key name referral } unit ${NAMED} category ${NAMED} handler ${NAMED}
  forwardedTo ${NAMED} registeredBy ${NAMED} subjects ${NAMED}
  complainant { id name email phone postalAddress relation organisation onBehalfOf }
  deadlines { id kind dueDate dueAt status metAt late }
  contactMoments { id kind channel contactedAt summary by ${NAMED} }
  history { id type at fromStatus toStatus data actor ${NAMED} }
  objection { id receivedAt channel grounds late lateAcceptanceReason lateAcceptedById director ${NAMED}
    hearingWaivedAt waiverNote settledAt outcome reasoning furtherOptions decidedAt decidedBy ${NAMED} }
  hearings { id status scheduledAt form location chair ${NAMED} handlerAttends subjectEmployeeAttends
    complainantConsents employeeConsents rescheduledFromId rescheduleReason heldAt heldForm minutes proposal
    settlementTerms complainantAgreedAt organisationAgreedAt organisationAgreedBy ${NAMED} settledAt }
  referrals { id referredAt referredBy ${NAMED} party { id name kind binding } binding reason whatSent
    outcome outcomeDate outcomeRecordedAt }`;

/** A row of the Termijnen list: the deadline and the complaint it belongs to. */
const DEADLINE_ROW = `id kind dueDate dueAt status
  complaint { id reference status complainant { id name } handler ${NAMED} unit ${NAMED} }`;

export const complaintSelections: SelectionOverrides = {
  Complaint: { list: COMPLAINT_ROW, record: COMPLAINT_RECORD },
  Deadline: { list: DEADLINE_ROW },
};

/** The steps the admin has a dialog for; `availableActions` may name others one day. */
export const KNOWN_ACTIONS = [
  'FORWARD',
  'ACKNOWLEDGE',
  'SEND_PROGRESS_UPDATE',
  'RECORD_CONTACT',
  'ASSIGN_HANDLER',
  'RECORD_ASSESSMENT',
  'RESPOND',
  'RECORD_OUTCOME',
  'CLOSE',
  'ARCHIVE',
  'WITHDRAW',
  'REOPEN',
  'ADD_NOTE',
  'FILE_OBJECTION',
  'SCHEDULE_HEARING',
  'RESCHEDULE_HEARING',
  'RECORD_HEARING',
  'RECORD_SETTLEMENT',
  'WAIVE_HEARING',
  'DECIDE_OBJECTION',
  'REFER',
  'RECORD_REFERRAL_OUTCOME',
  'ADD_ATTACHMENT',
] as const;
export type ComplaintAction = (typeof KNOWN_ACTIONS)[number];
export const isKnownAction = (action: string): action is ComplaintAction => (KNOWN_ACTIONS as readonly string[]).includes(action);

type Values = Record<string, unknown>;

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** The values that were filled in; the API applies its defaults to the others. */
const filled = (values: Values, names: string[]): Values =>
  Object.fromEntries(
    names.filter((name) => !isBlank(values[name])).map((name) => [name, typeof values[name] === 'string' ? (values[name] as string).trim() : values[name]]),
  );

/** Switches: always sent, as true or false (the API's defaults are not what an unticked box means). */
const flags = (values: Values, names: string[]): Values => Object.fromEntries(names.map((name) => [name, values[name] === true]));

interface StepMutation {
  /** The Mutation field. */
  field: string;
  /** The arguments besides `id` and `version`, from the dialog's values. */
  args: (values: Values) => Values;
}

const contact = (kind: string): StepMutation => ({
  field: 'recordContactMoment',
  args: (values) => ({ input: { kind, ...filled(values, ['channel', 'contactedAt', 'summary']) } }),
});

export const STEP_MUTATIONS: Record<ComplaintAction, StepMutation> = {
  FORWARD: { field: 'forwardComplaint', args: (values) => ({ input: filled(values, ['toId', 'note']) }) },
  ACKNOWLEDGE: contact('ACKNOWLEDGEMENT'),
  SEND_PROGRESS_UPDATE: contact('PROGRESS_UPDATE'),
  RECORD_CONTACT: contact('OTHER'),
  ASSIGN_HANDLER: { field: 'assignHandler', args: (values) => filled(values, ['handlerId']) },
  RECORD_ASSESSMENT: {
    field: 'recordAssessment',
    args: (values) => ({
      input: filled(values, ['verdict', 'cause', 'solution', 'offer', 'preventiveMeasure']),
    }),
  },
  RESPOND: {
    field: 'respondToComplaint',
    args: (values) => ({ input: filled(values, ['summary', 'channel', 'respondedAt']) }),
  },
  RECORD_OUTCOME: {
    field: 'recordOutcome',
    args: (values) => ({
      input: {
        customerAgreed: values.customerAgreed === true,
        ...filled(values, ['satisfaction', 'note']),
      },
    }),
  },
  CLOSE: { field: 'closeComplaint', args: (values) => filled(values, ['note']) },
  ARCHIVE: { field: 'archiveComplaint', args: () => ({}) },
  WITHDRAW: { field: 'withdrawComplaint', args: (values) => filled(values, ['reason']) },
  REOPEN: { field: 'reopenComplaint', args: (values) => filled(values, ['reason']) },
  ADD_NOTE: { field: 'addComplaintNote', args: (values) => filled(values, ['text']) },
  FILE_OBJECTION: {
    field: 'fileObjection',
    args: (values) => ({ input: filled(values, ['receivedAt', 'channel', 'grounds', 'acceptLateReason']) }),
  },
  SCHEDULE_HEARING: {
    field: 'scheduleHearing',
    args: (values) => ({
      input: {
        ...filled(values, ['scheduledAt', 'form', 'location', 'chairId']),
        ...flags(values, ['handlerAttends', 'subjectEmployeeAttends', 'complainantConsents', 'employeeConsents']),
      },
    }),
  },
  RESCHEDULE_HEARING: {
    field: 'rescheduleHearing',
    args: (values) => ({ input: filled(values, ['scheduledAt', 'form', 'location', 'reason']) }),
  },
  RECORD_HEARING: {
    field: 'recordHearing',
    args: (values) => ({ input: filled(values, ['heldAt', 'heldForm', 'minutes', 'proposal']) }),
  },
  RECORD_SETTLEMENT: {
    field: 'recordSettlement',
    args: (values) => ({
      input: {
        ...filled(values, ['terms', 'complainantAgreedAt', 'organisationAgreedById']),
        ...flags(values, ['complainantAgreed', 'organisationAgreed']),
      },
    }),
  },
  WAIVE_HEARING: { field: 'waiveHearing', args: (values) => ({ input: filled(values, ['waivedAt', 'note']) }) },
  DECIDE_OBJECTION: {
    field: 'decideObjection',
    args: (values) => ({ input: filled(values, ['outcome', 'reasoning', 'furtherOptions']) }),
  },
  REFER: {
    field: 'referComplaint',
    args: (values) => ({ input: filled(values, ['partyId', 'reason', 'whatSent', 'referredAt']) }),
  },
  RECORD_REFERRAL_OUTCOME: {
    field: 'recordReferralOutcome',
    args: (values) => ({ input: filled(values, ['outcome', 'outcomeDate']) }),
  },
  ADD_ATTACHMENT: {
    field: 'addAttachment',
    args: (values) => ({ input: { ...filled(values, ['fileName', 'contentType', 'storageKey']), sizeBytes: Number(values.sizeBytes ?? 0) } }),
  },
};

/**
 * The operation for a step, its variables declared with the types the contract gives the
 * mutation's arguments; arguments the mutation does not take are left out.
 */
export const stepOperation = (action: ComplaintAction, id: string, version: number, values: Values) => {
  const { field, args } = STEP_MUTATIONS[action];
  const mutation = contractSchema.getMutationType()?.getFields()[field];
  if (!mutation) throw new Error(`The API has no mutation ${field}`);
  const argTypes = Object.fromEntries(mutation.args.map((arg) => [arg.name, String(arg.type)]));
  const variables: Values = { id, ...args(values) };
  // addComplaintNote takes no version: notes are appended, nothing to lose
  if ('version' in argTypes) variables.version = version;
  const names = Object.keys(variables).filter((name) => name in argTypes);
  const declarations = names.map((name) => `$${name}: ${argTypes[name]}`).join(', ');
  const call = names.map((name) => `${name}: $${name}`).join(', ');
  return {
    mutation: parse(`mutation ${field[0].toUpperCase()}${field.slice(1)}(${declarations}) {
  ${field}(${call}) { ${COMPLAINT_RECORD} }
}`),
    variables: Object.fromEntries(names.map((name) => [name, variables[name]])),
    field,
  };
};

export interface ComplaintStepParams {
  action: ComplaintAction;
  id: string;
  version: number;
  values: Values;
  /** The form's field names, so API field errors land under them. */
  formFields: string[];
}

export interface ComplaintDataProvider extends DataProvider {
  complaintStep(params: ComplaintStepParams): Promise<{ data: ComplaintRecord }>;
}

const withoutTypename = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutTypename);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== '__typename')
      .map(([key, inner]) => [key, withoutTypename(inner)]),
  );
};

/** Adds `complaintStep` (the procedure's steps) to the data provider. */
export const withComplaintSteps = <P extends DataProvider>(dataProvider: P, client: ApolloClient<unknown>): P & ComplaintDataProvider => ({
  ...dataProvider,
  async complaintStep({ action, id, version, values, formFields }) {
    const { mutation, variables, field } = stepOperation(action, id, version, values);
    try {
      const result = await client.mutate<Record<string, unknown>>({
        mutation,
        variables,
        fetchPolicy: 'no-cache',
      });
      if (result.errors?.length) throw { graphQLErrors: result.errors };
      return { data: withoutTypename(result.data?.[field]) as ComplaintRecord };
    } catch (error) {
      throw toHttpError(error, formFields);
    }
  },
});
