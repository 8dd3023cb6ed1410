import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { graphql } from '../../gql';
import type {
  AssessmentInput,
  AttachmentInput,
  ComplaintRecordFragment as ComplaintRecordFragmentType,
  ContactInput,
  DecideObjectionInput,
  DirectResolutionInput,
  ExtensionInput,
  InformationRequestInput,
  ResumeInput,
  StatementInput,
  UnansweredClosureInput,
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
} from '../../gql/graphql';
import type { StaffAction } from './staff-actions';

export type Values = Record<string, unknown>;

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
export interface StepMutation<V> {
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

/** Per step: the mutation behind its button, and its variables from the dialog's values. */
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
  // from the unit's unassigned queue, as its handler (where the policy allows it)
  PICK_UP: step(
    graphql(`
      mutation PickUpComplaintStep($id: ID!, $version: Int!) {
        pickUpComplaint(id: $id, version: $version) {
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
  REQUEST_INFORMATION: step(
    graphql(`
      mutation RequestInformation($id: ID!, $version: Int!, $input: InformationRequestInput!) {
        requestInformation(id: $id, version: $version, input: $input) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({
      id,
      version,
      input: pick<InformationRequestInput>(values, ['question', 'channel', 'requestedAt', 'answerBy']) as InformationRequestInput,
    }),
  ),
  RESUME: step(
    graphql(`
      mutation ResumeComplaint($id: ID!, $version: Int!, $input: ResumeInput!) {
        resumeComplaint(id: $id, version: $version, input: $input) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({
      id,
      version,
      input: {
        ...flags<ResumeInput>(values, ['answered']),
        ...pick<ResumeInput>(values, values.answered === true ? ['answer', 'channel', 'at'] : ['reason', 'at']),
      } as ResumeInput,
    }),
  ),
  CLOSE_UNANSWERED: step(
    graphql(`
      mutation CloseUnanswered($id: ID!, $version: Int!, $input: UnansweredClosureInput!) {
        closeUnanswered(id: $id, version: $version, input: $input) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({ id, version, input: pick<UnansweredClosureInput>(values, ['reason']) as UnansweredClosureInput }),
  ),
  EXTEND: step(
    graphql(`
      mutation ExtendComplaint($id: ID!, $version: Int!, $input: ExtensionInput!) {
        extendComplaint(id: $id, version: $version, input: $input) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({ id, version, input: { ...pick<ExtensionInput>(values, ['reason']), weeks: Number(values.weeks) } as ExtensionInput }),
  ),
  SEND_EXTENSION_NOTICE: contact('EXTENSION_NOTICE'),
  RESOLVE_DIRECTLY: step(
    graphql(`
      mutation ResolveComplaintDirectly($id: ID!, $version: Int!, $input: DirectResolutionInput!) {
        resolveComplaintDirectly(id: $id, version: $version, input: $input) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({
      id,
      version,
      input: {
        ...flags<DirectResolutionInput>(values, ['customerAgreed']),
        ...pick<DirectResolutionInput>(values, ['cause', 'solution', 'resolvedAt']),
      } as DirectResolutionInput,
    }),
  ),
  // a statement is appended: no version to send (nothing to lose)
  RECORD_STATEMENT: step(
    graphql(`
      mutation RecordStatement($id: ID!, $input: StatementInput!) {
        recordStatement(id: $id, input: $input) {
          ...ComplaintRecord
        }
      }
    `),
    (id, _version, values) => ({ id, input: pick<StatementInput>(values, ['text']) as StatementInput }),
  ),
  // a DIRECTOR's legal hold keeps the dossier from being anonymised (retention, erasure) until it is lifted
  SET_LEGAL_HOLD: step(
    graphql(`
      mutation SetLegalHold($id: ID!, $version: Int!, $reason: String!) {
        setLegalHold(id: $id, version: $version, reason: $reason) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({ id, version, reason: String(values.reason ?? '').trim() }),
  ),
  LIFT_LEGAL_HOLD: step(
    graphql(`
      mutation LiftLegalHold($id: ID!, $version: Int!, $reason: String!) {
        liftLegalHold(id: $id, version: $version, reason: $reason) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({ id, version, reason: String(values.reason ?? '').trim() }),
  ),
  // the complainant's request to reopen (the survey), declined with the reason they read on their status page; REOPEN grants it
  DECLINE_REOPEN_REQUEST: step(
    graphql(`
      mutation DeclineReopenRequest($id: ID!, $version: Int!, $input: DeclineReopenInput!) {
        declineReopenRequest(id: $id, version: $version, input: $input) {
          ...ComplaintRecord
        }
      }
    `),
    (id, version, values) => ({ id, version, input: { reason: String(values.reason ?? '').trim() } }),
  ),
} satisfies Record<StaffAction, unknown>;

type VariablesOf<A extends StaffAction> = (typeof STEP_MUTATIONS)[A] extends StepMutation<infer V> ? V : never;
type InputFieldsOf<V> = V extends { input?: infer I } ? keyof NonNullable<I> : never;

/** The fields a step's dialog may fill: its mutation's arguments and its input's fields, as the schema has them. */
export type StepField<A extends StaffAction> = Extract<Exclude<keyof VariablesOf<A>, 'id' | 'version' | 'input'> | InputFieldsOf<VariablesOf<A>>, string>;
