import type { ApolloClient } from '@apollo/client';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { DataProvider } from 'react-admin';
import { graphql } from '../gql';
import type {
  AssessmentInput,
  AttachmentInput,
  ComplaintRecordFragment as ComplaintRecordFragmentType,
  ContactInput,
  DecideObjectionInput,
  FileObjectionInput,
  ForwardInput,
  OutcomeInput,
  RecordHearingInput,
  RecordSettlementInput,
  ReferInput,
  ReferralOutcomeInput,
  RescheduleHearingInput,
  ResponseInput,
  ScheduleHearingInput,
  WaiveHearingInput,
} from '../gql/graphql';
import { toHttpError } from '../providers/error-mapping';
import type { SelectionOverrides } from '../providers/build-query';
import { selectionOf } from '../providers/selection';
import type { ComplaintRecord } from './types';

/**
 * The complaint workflow's GraphQL: what the list and the complaint page select (one round
 * trip each), and the step mutations behind the buttons of `availableActions`.
 */

/** A row of the Klachten list: enough for the columns and the deadline badge. */
export const COMPLAINT_ROW = graphql(`
  fragment ComplaintRow on Complaint {
    id
    reference
    kind
    status
    channel
    receivedAt
    nextDueAt
    version
    complainant {
      id
      name
    }
    unit {
      id
      name
    }
    handler {
      id
      name
    }
    category {
      id
      name
    }
    deadlines {
      id
      kind
      dueDate
      dueAt
      status
    }
  }
`);

/** The complaint page, and what every step mutation returns. */
export const COMPLAINT_RECORD = graphql(`
  fragment ComplaintRecord on Complaint {
    id
    reference
    kind
    status
    channel
    receivedAt
    nextDueAt
    version
    description
    subjectService
    subjectStaffIds
    availableActions
    createdAt
    updatedAt
    verdict
    cause
    solution
    offer
    preventiveMeasure
    assessedAt
    respondedAt
    responseSummary
    customerAgreed
    satisfaction
    outcomeRecordedAt
    closedAt
    archivedAt
    withdrawnAt
    objectionFiledAt
    hearingScheduledAt
    hearingHeldAt
    hearingWaivedAt
    policy {
      id
      key
      name
      referral
    }
    unit {
      id
      name
    }
    category {
      id
      name
    }
    handler {
      id
      name
    }
    forwardedTo {
      id
      name
    }
    registeredBy {
      id
      name
    }
    subjects {
      id
      name
    }
    complainant {
      id
      name
      email
      phone
      postalAddress
      relation
      organisation
      onBehalfOf
    }
    deadlines {
      id
      kind
      dueDate
      dueAt
      status
      metAt
      late
    }
    contactMoments {
      id
      kind
      channel
      contactedAt
      summary
      by {
        id
        name
      }
    }
    history {
      id
      type
      at
      fromStatus
      toStatus
      data
      actor {
        id
        name
      }
    }
    objection {
      id
      receivedAt
      channel
      grounds
      late
      lateAcceptanceReason
      lateAcceptedById
      director {
        id
        name
      }
      hearingWaivedAt
      waiverNote
      settledAt
      outcome
      reasoning
      furtherOptions
      decidedAt
      decidedBy {
        id
        name
      }
    }
    hearings {
      id
      status
      scheduledAt
      form
      location
      chair {
        id
        name
      }
      handlerAttends
      subjectEmployeeAttends
      complainantConsents
      employeeConsents
      rescheduledFromId
      rescheduleReason
      heldAt
      heldForm
      minutes
      proposal
      settlementTerms
      complainantAgreedAt
      organisationAgreedAt
      organisationAgreedBy {
        id
        name
      }
      settledAt
    }
    referrals {
      id
      referredAt
      referredBy {
        id
        name
      }
      party {
        id
        name
        kind
        binding
      }
      binding
      reason
      whatSent
      outcome
      outcomeDate
      outcomeRecordedAt
    }
  }
`);

/** A row of the Termijnen list: the deadline and the complaint it belongs to. */
export const DEADLINE_ROW = graphql(`
  fragment DeadlineRow on Deadline {
    id
    kind
    dueDate
    dueAt
    status
    metAt
    late
    complaint {
      id
      reference
      status
      complainant {
        id
        name
      }
      handler {
        id
        name
      }
      unit {
        id
        name
      }
    }
  }
`);

export const complaintSelections: SelectionOverrides = {
  Complaint: { list: selectionOf(COMPLAINT_ROW), record: selectionOf(COMPLAINT_RECORD) },
  Deadline: { list: selectionOf(DEADLINE_ROW) },
};

/** The steps of the procedure (the schema's enum, generated). */
export type { ComplaintAction } from '../gql/graphql';
import type { ComplaintAction } from '../gql/graphql';

type Values = Record<string, unknown>;

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The fields of input type `I` that were filled in (the API applies its defaults to the others). The
 * names are checked against `I` (generated from the schema): a field the API drops breaks the typecheck.
 */
const pick = <I>(values: Values, names: Array<keyof I & string>): Partial<I> =>
  Object.fromEntries(
    names.filter((name) => !isBlank(values[name])).map((name) => [name, typeof values[name] === 'string' ? (values[name] as string).trim() : values[name]]),
  ) as Partial<I>;

/** Switches: always sent, as true or false (the API's defaults are not what an unticked box means). */
const flags = <I>(values: Values, names: Array<keyof I & string>): Partial<I> =>
  Object.fromEntries(names.map((name) => [name, values[name] === true])) as Partial<I>;

/** One step's mutation, and its variables from the dialog's values (names checked against the input types). */
interface StepMutation<V> {
  document: TypedDocumentNode<Record<string, ComplaintRecordFragmentType>, V>;
  variables: (id: string, version: number, values: Values) => V;
}

const step = <V>(
  document: TypedDocumentNode<Record<string, ComplaintRecordFragmentType>, V>,
  variables: (id: string, version: number, values: Values) => V,
): StepMutation<V> => ({
  document,
  variables,
});

const RECORD_CONTACT = graphql(`
  mutation RecordContactMoment($id: ID!, $version: Int!, $input: ContactInput!) {
    recordContactMoment(id: $id, version: $version, input: $input) {
      ...ComplaintRecord
    }
  }
`);
const contact = (kind: ContactInput['kind']) =>
  step(RECORD_CONTACT, (id, version, values) => ({
    id,
    version,
    input: { kind, ...pick<ContactInput>(values, ['channel', 'contactedAt', 'summary']) } as ContactInput,
  }));

export const STEP_MUTATIONS = {
  FORWARD: step(
    graphql(`
      mutation ForwardComplaint($id: ID!, $version: Int!, $input: ForwardInput) {
        forwardComplaint(id: $id, version: $version, input: $input) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({ id, version, input: pick<ForwardInput>(values, ['toId', 'note']) }),
  ),
  ACKNOWLEDGE: contact('ACKNOWLEDGEMENT'),
  SEND_PROGRESS_UPDATE: contact('PROGRESS_UPDATE'),
  RECORD_CONTACT: contact('OTHER'),
  ASSIGN_HANDLER: step(
    graphql(`
      mutation AssignHandler($id: ID!, $version: Int!, $handlerId: ID!) {
        assignHandler(id: $id, version: $version, handlerId: $handlerId) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({ id, version, handlerId: String(values.handlerId ?? '') }),
  ),
  RECORD_ASSESSMENT: step(
    graphql(`
      mutation RecordAssessment($id: ID!, $version: Int!, $input: AssessmentInput!) {
        recordAssessment(id: $id, version: $version, input: $input) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({
      id,
      version,
      input: pick<AssessmentInput>(values, ['verdict', 'cause', 'solution', 'offer', 'preventiveMeasure']) as AssessmentInput,
    }),
  ),
  RESPOND: step(
    graphql(`
      mutation RespondToComplaint($id: ID!, $version: Int!, $input: ResponseInput!) {
        respondToComplaint(id: $id, version: $version, input: $input) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({ id, version, input: pick<ResponseInput>(values, ['summary', 'channel', 'respondedAt']) as ResponseInput }),
  ),
  RECORD_OUTCOME: step(
    graphql(`
      mutation RecordOutcome($id: ID!, $version: Int!, $input: OutcomeInput!) {
        recordOutcome(id: $id, version: $version, input: $input) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({
      id,
      version,
      input: { ...pick<OutcomeInput>(values, ['satisfaction', 'note']), ...flags<OutcomeInput>(values, ['customerAgreed']) } as OutcomeInput,
    }),
  ),
  CLOSE: step(
    graphql(`
      mutation CloseComplaint($id: ID!, $version: Int!, $note: String) {
        closeComplaint(id: $id, version: $version, note: $note) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({ id, version, ...pick<{ note: string }>(values, ['note']) }),
  ),
  ARCHIVE: step(
    graphql(`
      mutation ArchiveComplaint($id: ID!, $version: Int!) {
        archiveComplaint(id: $id, version: $version) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version) => ({ id, version }),
  ),
  WITHDRAW: step(
    graphql(`
      mutation WithdrawComplaint($id: ID!, $version: Int!, $reason: String!) {
        withdrawComplaint(id: $id, version: $version, reason: $reason) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({ id, version, reason: String(values.reason ?? '').trim() }),
  ),
  REOPEN: step(
    graphql(`
      mutation ReopenComplaint($id: ID!, $version: Int!, $reason: String!) {
        reopenComplaint(id: $id, version: $version, reason: $reason) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({ id, version, reason: String(values.reason ?? '').trim() }),
  ),
  // notes are appended: no version to send (nothing to lose)
  ADD_NOTE: step(
    graphql(`
      mutation AddComplaintNote($id: ID!, $text: String!) {
        addComplaintNote(id: $id, text: $text) {
          ...ComplaintRecord
        }
      }
    `),
    (id, _version, values) => ({ id, text: String(values.text ?? '').trim() }),
  ),
  FILE_OBJECTION: step(
    graphql(`
      mutation FileObjection($id: ID!, $version: Int!, $input: FileObjectionInput!) {
        fileObjection(id: $id, version: $version, input: $input) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({
      id,
      version,
      input: pick<FileObjectionInput>(values, ['receivedAt', 'channel', 'grounds', 'acceptLateReason']) as FileObjectionInput,
    }),
  ),
  SCHEDULE_HEARING: step(
    graphql(`
      mutation ScheduleHearing($id: ID!, $version: Int!, $input: ScheduleHearingInput!) {
        scheduleHearing(id: $id, version: $version, input: $input) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({
      id,
      version,
      input: {
        ...pick<ScheduleHearingInput>(values, ['scheduledAt', 'form', 'location', 'chairId']),
        ...flags<ScheduleHearingInput>(values, ['handlerAttends', 'subjectEmployeeAttends', 'complainantConsents', 'employeeConsents']),
      } as ScheduleHearingInput,
    }),
  ),
  RESCHEDULE_HEARING: step(
    graphql(`
      mutation RescheduleHearing($id: ID!, $version: Int!, $input: RescheduleHearingInput!) {
        rescheduleHearing(id: $id, version: $version, input: $input) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({
      id,
      version,
      input: pick<RescheduleHearingInput>(values, ['scheduledAt', 'form', 'location', 'reason']) as RescheduleHearingInput,
    }),
  ),
  RECORD_HEARING: step(
    graphql(`
      mutation RecordHearing($id: ID!, $version: Int!, $input: RecordHearingInput!) {
        recordHearing(id: $id, version: $version, input: $input) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({ id, version, input: pick<RecordHearingInput>(values, ['heldAt', 'heldForm', 'minutes', 'proposal']) as RecordHearingInput }),
  ),
  RECORD_SETTLEMENT: step(
    graphql(`
      mutation RecordSettlement($id: ID!, $version: Int!, $input: RecordSettlementInput!) {
        recordSettlement(id: $id, version: $version, input: $input) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({
      id,
      version,
      input: {
        ...pick<RecordSettlementInput>(values, ['terms', 'complainantAgreedAt', 'organisationAgreedById']),
        ...flags<RecordSettlementInput>(values, ['complainantAgreed', 'organisationAgreed']),
      } as RecordSettlementInput,
    }),
  ),
  WAIVE_HEARING: step(
    graphql(`
      mutation WaiveHearing($id: ID!, $version: Int!, $input: WaiveHearingInput) {
        waiveHearing(id: $id, version: $version, input: $input) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({ id, version, input: pick<WaiveHearingInput>(values, ['waivedAt', 'note']) }),
  ),
  DECIDE_OBJECTION: step(
    graphql(`
      mutation DecideObjection($id: ID!, $version: Int!, $input: DecideObjectionInput!) {
        decideObjection(id: $id, version: $version, input: $input) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({ id, version, input: pick<DecideObjectionInput>(values, ['outcome', 'reasoning', 'furtherOptions']) as DecideObjectionInput }),
  ),
  REFER: step(
    graphql(`
      mutation ReferComplaint($id: ID!, $version: Int!, $input: ReferInput!) {
        referComplaint(id: $id, version: $version, input: $input) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({ id, version, input: pick<ReferInput>(values, ['partyId', 'reason', 'whatSent', 'referredAt']) as ReferInput }),
  ),
  RECORD_REFERRAL_OUTCOME: step(
    graphql(`
      mutation RecordReferralOutcome($id: ID!, $version: Int!, $input: ReferralOutcomeInput!) {
        recordReferralOutcome(id: $id, version: $version, input: $input) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({ id, version, input: pick<ReferralOutcomeInput>(values, ['outcome', 'outcomeDate']) as ReferralOutcomeInput }),
  ),
  ADD_ATTACHMENT: step(
    graphql(`
      mutation AddAttachment($id: ID!, $input: AttachmentInput!) {
        addAttachment(id: $id, input: $input) {
          ...ComplaintRecord
        }
      }
    `),
    (id, _version, values) => ({
      id,
      input: { ...pick<AttachmentInput>(values, ['fileName', 'contentType', 'storageKey']), sizeBytes: Number(values.sizeBytes ?? 0) } as AttachmentInput,
    }),
  ),
} satisfies Record<ComplaintAction, unknown>;

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
    const { document, variables } = STEP_MUTATIONS[action] as unknown as StepMutation<Record<string, unknown>>;
    try {
      const result = await client.mutate({ mutation: document, variables: variables(id, version, values), fetchPolicy: 'no-cache' });
      if (result.errors?.length) throw { graphQLErrors: result.errors };
      // every step answers with one field: the complaint as it is now
      const [answer] = Object.values(result.data ?? {});
      return { data: withoutTypename(answer) as ComplaintRecord };
    } catch (error) {
      throw toHttpError(error, formFields);
    }
  },
});
