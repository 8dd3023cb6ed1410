import type { TestApp } from '../../helpers/app';
import { COMPLAINT_FIELDS, complainant, type ComplaintView } from './complaint-queries';

type Result = { data?: Record<string, ComplaintView> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> & { code?: string } }> };

/** The steps of the procedure as GraphQL calls, each returning the complaint as COMPLAINT_FIELDS reads it. */
export function complaintSteps(app: TestApp) {
  const act = (mutation: string, args: string, variables: Record<string, unknown>, token: string): Promise<Result> =>
    app.graphql<Record<string, ComplaintView>>(`mutation (${args}) { ${mutation} { ${COMPLAINT_FIELDS} } }`, variables, token);
  const withInput = (name: string, inputType: string) => (c: ComplaintView, token: string, input: Record<string, unknown>) =>
    act(`${name}(id: $id, version: $version, input: $input)`, `$id: ID!, $version: Int!, $input: ${inputType}`, { id: c.id, version: c.version, input }, token);

  return {
    register: (token: string, input: Record<string, unknown> = {}) =>
      act(
        'registerComplaint(input: $input)',
        '$input: RegisterComplaintInput!',
        {
          input: { channel: 'PHONE', complainant: complainant(), description: 'Mijn uitkering is te laat uitbetaald.', ...input },
        },
        token,
      ),
    read: async (c: { id: string }, token: string): Promise<ComplaintView> => {
      const result = await app.graphql<{ complaint: ComplaintView }>(`query ($id: ID) { complaint(id: $id) { ${COMPLAINT_FIELDS} } }`, { id: c.id }, token);
      if (!result.data?.complaint) throw new Error(JSON.stringify(result.errors));
      return result.data.complaint;
    },
    forward: (c: ComplaintView, token: string, input: Record<string, unknown> = {}) => withInput('forwardComplaint', 'ForwardInput')(c, token, input),
    contact: withInput('recordContactMoment', 'ContactInput!'),
    assign: (c: ComplaintView, token: string, handlerId: string) =>
      act(
        'assignHandler(id: $id, version: $version, handlerId: $handlerId)',
        '$id: ID!, $version: Int!, $handlerId: ID!',
        { id: c.id, version: c.version, handlerId },
        token,
      ),
    assess: (c: ComplaintView, token: string, input: Record<string, unknown> = {}) =>
      withInput('recordAssessment', 'AssessmentInput!')(c, token, {
        verdict: 'WELL_FOUNDED',
        cause: 'Betaalrun gemist',
        solution: 'Handmatig uitbetaald',
        offer: ['APOLOGY'],
        preventiveMeasure: 'Controle op betaalrun',
        ...input,
      }),
    respond: (c: ComplaintView, token: string, input: Record<string, unknown> = {}) =>
      withInput('respondToComplaint', 'ResponseInput!')(c, token, { summary: 'Excuses; het bedrag is overgemaakt.', channel: 'LETTER', ...input }),
    outcome: (c: ComplaintView, token: string) => withInput('recordOutcome', 'OutcomeInput!')(c, token, { customerAgreed: true, satisfaction: 4 }),
    close: (c: ComplaintView, token: string) =>
      act('closeComplaint(id: $id, version: $version)', '$id: ID!, $version: Int!', { id: c.id, version: c.version }, token),
    archive: (c: ComplaintView, token: string) =>
      act('archiveComplaint(id: $id, version: $version)', '$id: ID!, $version: Int!', { id: c.id, version: c.version }, token),
    fileObjection: withInput('fileObjection', 'FileObjectionInput!'),
    scheduleHearing: withInput('scheduleHearing', 'ScheduleHearingInput!'),
    rescheduleHearing: withInput('rescheduleHearing', 'RescheduleHearingInput!'),
    recordHearing: withInput('recordHearing', 'RecordHearingInput!'),
    recordSettlement: withInput('recordSettlement', 'RecordSettlementInput!'),
    waiveHearing: withInput('waiveHearing', 'WaiveHearingInput'),
    decideObjection: withInput('decideObjection', 'DecideObjectionInput!'),
    refer: withInput('referComplaint', 'ReferInput!'),
    recordReferralOutcome: withInput('recordReferralOutcome', 'ReferralOutcomeInput!'),
  };
}

/** The complaint a successful step returned; the errors, as a failure, otherwise. */
export function ok(result: Result): ComplaintView {
  if (result.errors || !result.data) throw new Error(JSON.stringify(result.errors));
  return Object.values(result.data)[0];
}

export const deadline = (c: ComplaintView, kind: string) => c.deadlines.find((d) => d.kind === kind);
