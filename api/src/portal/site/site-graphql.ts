import type { Request } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { HearingForm } from '../../complaint/complaint.enums';
import type { PublicAction, PublicNextStep, PublicStage } from '../portal.types';

/**
 * The site is a client of the GraphQL API, in process: each operation runs through Apollo (http.ts) with the context
 * the /graphql route builds for an anonymous caller at this request's address — the same validation, input guard,
 * armor rules and error formatting as for any website. Nothing here decides what is valid.
 */
export type SiteExecute = (query: string, variables: Record<string, unknown>, request: Request) => Promise<OperationResult>;

export interface OperationResult {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

const STATUS_FIELDS = `reference receivedAt stage nextStep nextStepDueDate answeredAt objectionUntil objectionFiledAt
  informationQuestion informationAnswerBy hearing { at form location accepted } letters { url kind subject sentAt }
  closedAt handlerName actions reopenPossible survey { answeredAt handling outcome reopenRequested reopenDecision reopenDeclinedReason }`;
const LOOKUP = '$reference: String!, $code: String!';

export const SUBMIT_COMPLAINT = 'mutation SiteSubmitComplaint($input: SubmitComplaintInput!) { submitComplaint(input: $input) { reference statusCode } }';
export const COMPLAINT_STATUS = `query SiteComplaintStatus(${LOOKUP}) { complaintStatus(reference: $reference, code: $code) { ${STATUS_FIELDS} } }`;

/** The complainant's actions: each a mutation with reference, code and its input, answering the new status. */
export const ACTIONS = {
  informatie: {
    field: 'answerInformationRequest',
    document: `mutation SiteAnswerInformation(${LOOKUP}, $input: InformationAnswerInput!) { answerInformationRequest(reference: $reference, code: $code, input: $input) { ${STATUS_FIELDS} } }`,
  },
  bezwaar: {
    field: 'fileObjectionOnline',
    document: `mutation SiteFileObjection(${LOOKUP}, $input: OnlineObjectionInput!) { fileObjectionOnline(reference: $reference, code: $code, input: $input) { ${STATUS_FIELDS} } }`,
  },
  hoorzitting: {
    field: 'answerHearing',
    document: `mutation SiteAnswerHearing(${LOOKUP}, $input: HearingAnswerInput!) { answerHearing(reference: $reference, code: $code, input: $input) { ${STATUS_FIELDS} } }`,
  },
  tevredenheid: {
    field: 'answerSatisfactionSurvey',
    document: `mutation SiteAnswerSurvey(${LOOKUP}, $input: SurveyAnswerInput!) { answerSatisfactionSurvey(reference: $reference, code: $code, input: $input) { ${STATUS_FIELDS} } }`,
  },
} as const;
export type ActionSlug = keyof typeof ACTIONS;

export interface PublicStatus {
  reference: string;
  receivedAt: string;
  stage: PublicStage;
  nextStep: PublicNextStep | null;
  nextStepDueDate: string | null;
  answeredAt: string | null;
  objectionUntil: string | null;
  objectionFiledAt: string | null;
  informationQuestion: string | null;
  informationAnswerBy: string | null;
  hearing: { at: string; form: HearingForm; location: string | null; accepted: boolean } | null;
  letters: Array<{ url: string; kind: string; subject: string; sentAt: string }>;
  closedAt: string | null;
  /** Only where the complaint's policy lets the status page name the handler. */
  handlerName: string | null;
  actions: PublicAction[];
  reopenPossible: boolean;
  survey: {
    answeredAt: string;
    handling: number;
    outcome: number;
    reopenRequested: boolean;
    reopenDecision: 'GRANTED' | 'DECLINED' | null;
    reopenDeclinedReason: string | null;
  } | null;
}

/** One field's problem as the API reported it: its path in the input, its code and parameters. */
export interface FieldProblem {
  path: string;
  code: string;
  params?: Record<string, unknown>;
}

/** What came back: the data, or the first error's code with its extensions and the field problems it carries. */
export type Outcome<T> = { ok: true; data: T } | { ok: false; code: string; extensions: Record<string, unknown>; fields: FieldProblem[] };

export function outcomeOf<T>(result: OperationResult, field: string): Outcome<T> {
  const [error] = result.errors ?? [];
  if (!error) {
    const data = result.data?.[field];
    if (data === undefined || data === null) return { ok: false, code: 'INTERNAL_SERVER_ERROR', extensions: {}, fields: [] };
    return { ok: true, data: data as T };
  }
  const extensions = (error.extensions ?? {}) as Record<string, unknown>;
  const codes = (extensions.fieldCodes ?? {}) as Record<string, { code: string; params?: Record<string, unknown> }>;
  return {
    ok: false,
    code: typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR',
    extensions,
    fields: Object.entries(codes).map(([path, problem]) => ({ path, code: problem.code, ...(problem.params ? { params: problem.params } : {}) })),
  };
}

/** Codes that mean the site or the server failed, not the caller: the generic error page (500 or 503). */
export const SERVER_FAULTS = new Set([
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'QUERY_TOO_COMPLEX',
  'SERVICE_UNAVAILABLE',
]);
