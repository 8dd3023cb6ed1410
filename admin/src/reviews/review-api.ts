import type { RaRecord } from 'react-admin';
import type { SelectionOverrides } from '../providers/build-query';
import type { Named } from '../complaints/types';

/**
 * The half-yearly review (klachteninventarisatie, DOMAIN.md step 11): what the pages select and
 * the operations behind their buttons (sent with `dataProvider.graphql`).
 */

const NAMED = '{ id name }';
const LEAD_TIME = '{ median p90 count }';

/** The figures of one period (a StatisticsRow without group keys). */
export const STATISTICS_FIGURES = `complaints signals assessed wellFoundedShare
  toAcknowledgement ${LEAD_TIME} toResponse ${LEAD_TIME} toClosure ${LEAD_TIME}
  objections lateObjections hearingsHeld hearingsWaived settlements
  referrals referralOutcomes bindingOutcomes averageSatisfaction satisfactionResponses
  compliance { kind onTime late open breached onTimeShare }`;

export const MEASURE_ROW = `id version reviewId description dueDate status followUp doneAt complaintIds createdAt owner ${NAMED}`;

const REVIEW_ROW = `id version periodStart periodEnd status findings createdAt closedAt openedBy ${NAMED}`;

/** The review page; `report` is fetched only when downloaded (it recomputes the figures). */
const REVIEW_RECORD = `${REVIEW_ROW} updatedAt
  figures { periodStart periodEnd previousStart previousEnd
    current { ${STATISTICS_FIGURES} } previous { ${STATISTICS_FIGURES} }
    trends { dimension key label current previous expected pValue flagged explanation } }
  measures { ${MEASURE_ROW} }`;

export const reviewSelections: SelectionOverrides = {
  Review: { list: REVIEW_ROW, record: REVIEW_RECORD },
  Measure: { list: MEASURE_ROW },
};

export interface LeadTime {
  median?: number | null;
  p90?: number | null;
  count: number;
}

export interface Compliance {
  kind: string;
  onTime: number;
  late: number;
  open: number;
  breached: number;
  onTimeShare?: number | null;
}

export interface PeriodFigures {
  complaints: number;
  signals: number;
  assessed: number;
  wellFoundedShare?: number | null;
  toAcknowledgement: LeadTime;
  toResponse: LeadTime;
  toClosure: LeadTime;
  objections: number;
  lateObjections: number;
  hearingsHeld: number;
  hearingsWaived: number;
  settlements: number;
  referrals: number;
  referralOutcomes: number;
  bindingOutcomes: number;
  averageSatisfaction?: number | null;
  satisfactionResponses: number;
  compliance: Compliance[];
}

export interface TrendRow {
  dimension: string;
  key: string;
  label: string;
  current: number;
  previous: number;
  expected: number;
  pValue: number;
  flagged: boolean;
  explanation: string;
}

export interface MeasureRecord extends RaRecord {
  id: string;
  /** Sent back with a change: a stale one is refused (STALE_VERSION). */
  version: number;
  reviewId: string;
  description: string;
  /** YYYY-MM-DD */
  dueDate: string;
  status: 'OPEN' | 'DONE' | string;
  followUp?: string | null;
  doneAt?: string | null;
  complaintIds: string[];
  createdAt: string;
  owner: Named;
}

export interface ReviewRecord extends RaRecord {
  id: string;
  version: number;
  periodStart: string;
  periodEnd: string;
  status: 'OPEN' | 'CLOSED' | string;
  findings?: string | null;
  createdAt: string;
  closedAt?: string | null;
  openedBy?: Named | null;
  figures?: {
    periodStart: string;
    periodEnd: string;
    previousStart: string;
    previousEnd: string;
    current: PeriodFigures;
    previous: PeriodFigures;
    trends: TrendRow[];
  };
  measures?: MeasureRecord[];
}

export const OPEN_REVIEW = `mutation OpenReview($input: OpenReviewInput!) {
  openReview(input: $input) { id }
}`;

export const UPDATE_REVIEW = `mutation UpdateReview($id: ID!, $version: Int!, $input: UpdateReviewInput!) {
  updateReview(id: $id, version: $version, input: $input) { id findings version }
}`;

export const CLOSE_REVIEW = `mutation CloseReview($id: ID!) {
  closeReview(id: $id) { id status closedAt }
}`;

export const ADD_MEASURE = `mutation AddMeasure($reviewId: ID!, $input: MeasureInput!) {
  addMeasure(reviewId: $reviewId, input: $input) { id }
}`;

export const UPDATE_MEASURE = `mutation UpdateMeasure($id: ID!, $version: Int!, $input: MeasureUpdateInput!) {
  updateMeasure(id: $id, version: $version, input: $input) { id status version }
}`;

export const REVIEW_REPORT = `query ReviewReport($id: ID!) {
  review(id: $id) { id periodStart periodEnd report }
}`;

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The last full half-year before `today`: 1 January – 30 June or 1 July – 31 December, as
 * `YYYY-MM-DD` (the default period of a new review).
 */
export const lastFullHalfYear = (today: Date = new Date()): { periodStart: string; periodEnd: string } => {
  const year = today.getFullYear();
  return today.getMonth() < 6
    ? { periodStart: `${year - 1}-07-01`, periodEnd: `${year - 1}-12-31` }
    : { periodStart: `${year}-01-01`, periodEnd: `${year}-06-30` };
};

/** Today in the browser's calendar, as `YYYY-MM-DD`. */
export const localDay = (date: Date = new Date()): string => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** Offers a text as a file download (the report as Markdown). */
export const downloadText = (fileName: string, text: string, type = 'text/markdown;charset=utf-8') => {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
