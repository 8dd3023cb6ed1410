import { graphql } from '../gql';
import type { MeasureRowFragment, ReviewRecordFragment, StatisticsFiguresFragment } from '../gql/graphql';
import type { SelectionOverrides } from '../providers/build-query';
import { selectionOf } from '../providers/selection';
import { saveBlob } from '../providers/file-transfer';

/**
 * The half-yearly review (klachteninventarisatie, DOMAIN.md step 11): what the pages select and
 * the operations behind their buttons (sent with `dataProvider.graphql`).
 */

/** The figures of one period (a StatisticsRow without group keys). */
export const STATISTICS_FIGURES = graphql(`
  fragment StatisticsFigures on StatisticsRow {
    complaints
    signals
    assessed
    wellFoundedShare
    toAcknowledgement {
      median
      p90
      count
    }
    toResponse {
      median
      p90
      count
    }
    toClosure {
      median
      p90
      count
    }
    toResponseExcludingPauses {
      median
      p90
      count
    }
    toClosureExcludingPauses {
      median
      p90
      count
    }
    paused
    extended
    resolvedByReceiver
    objections
    lateObjections
    hearingsHeld
    hearingsWaived
    settlements
    referrals
    referralOutcomes
    bindingOutcomes
    averageSatisfaction
    satisfactionResponses
    compliance {
      kind
      onTime
      late
      open
      breached
      onTimeShare
    }
  }
`);

export const MEASURE_ROW = graphql(`
  fragment MeasureRow on Measure {
    id
    version
    reviewId
    description
    dueDate
    status
    followUp
    doneAt
    complaintIds
    createdAt
    owner {
      id
      name
    }
  }
`);

export const REVIEW_ROW = graphql(`
  fragment ReviewRow on Review {
    id
    version
    periodStart
    periodEnd
    status
    findings
    createdAt
    closedAt
    openedBy {
      id
      name
    }
  }
`);

/** The review page; `report` is fetched only when downloaded (it recomputes the figures). */
export const REVIEW_RECORD = graphql(`
  fragment ReviewRecord on Review {
    ...ReviewRow
    updatedAt
    figures {
      periodStart
      periodEnd
      previousStart
      previousEnd
      current {
        ...StatisticsFigures
      }
      previous {
        ...StatisticsFigures
      }
      trends {
        dimension
        key
        label
        current
        previous
        expected
        pValue
        flagged
        explanation
      }
    }
    measures {
      ...MeasureRow
    }
  }
`);

export const reviewSelections: SelectionOverrides = {
  Review: { list: selectionOf(REVIEW_ROW), record: selectionOf(REVIEW_RECORD) },
  Measure: { list: selectionOf(MEASURE_ROW) },
};

/** What the pages read, generated from the fragments above. */
export type PeriodFigures = StatisticsFiguresFragment;
export type LeadTime = PeriodFigures['toAcknowledgement'];
export type Compliance = PeriodFigures['compliance'][number];
export type MeasureRecord = MeasureRowFragment;
export type ReviewRecord = ReviewRecordFragment;
export type TrendRow = NonNullable<ReviewRecord['figures']>['trends'][number];

export const OPEN_REVIEW = graphql(`
  mutation OpenReview($input: OpenReviewInput!) {
    openReview(input: $input) {
      id
    }
  }
`);

export const UPDATE_REVIEW = graphql(`
  mutation UpdateReview($id: ID!, $version: Int!, $input: UpdateReviewInput!) {
    updateReview(id: $id, version: $version, input: $input) {
      id
      findings
      version
    }
  }
`);

export const CLOSE_REVIEW = graphql(`
  mutation CloseReview($id: ID!) {
    closeReview(id: $id) {
      id
      status
      closedAt
    }
  }
`);

export const ADD_MEASURE = graphql(`
  mutation AddMeasure($reviewId: ID!, $input: MeasureInput!) {
    addMeasure(reviewId: $reviewId, input: $input) {
      id
    }
  }
`);

export const UPDATE_MEASURE = graphql(`
  mutation UpdateMeasure($id: ID!, $version: Int!, $input: MeasureUpdateInput!) {
    updateMeasure(id: $id, version: $version, input: $input) {
      id
      status
      version
    }
  }
`);

export const REVIEW_REPORT = graphql(`
  query ReviewReport($id: ID!) {
    review(id: $id) {
      id
      periodStart
      periodEnd
      report
    }
  }
`);

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
export const downloadText = (fileName: string, text: string, type = 'text/markdown;charset=utf-8') => saveBlob(new Blob([text], { type }), fileName);
