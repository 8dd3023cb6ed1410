import { graphql } from '../gql';
import type { DashboardQuery, DashboardQueryVariables } from '../gql/graphql';
/**
 * The dashboard's figures: five complaintStatistics calls as one GraphQL request (aggregates
 * only, so ANALYST may read them too; computed in PostgreSQL).
 */

export const DASHBOARD_QUERY = graphql(`
  query Dashboard($months: StatisticsInput!, $categories: StatisticsInput!, $overall: StatisticsInput!, $statuses: StatisticsInput!, $units: StatisticsInput!) {
    perMonth: complaintStatistics(input: $months) {
      month
      complaints
      signals
    }
    overall: complaintStatistics(input: $overall) {
      complaints
      signals
      compliance {
        kind
        onTime
        late
        open
        breached
      }
    }
    perCategory: complaintStatistics(input: $categories) {
      category
      categoryName
      complaints
    }
    perStatus: complaintStatistics(input: $statuses) {
      status
      complaints
    }
    perUnit: complaintStatistics(input: $units) {
      unit
      unitName
      compliance {
        breached
      }
    }
  }
`);

/** What the dashboard reads: the query's result type, generated. */
export type DashboardData = DashboardQuery;

/** Statuses of a complaint that is no longer being handled. */
export const FINISHED_STATUSES = ['CLOSED', 'ARCHIVED', 'WITHDRAWN'];

const pad = (value: number) => String(value).padStart(2, '0');

/** `YYYY-MM` of a date in the browser's calendar. */
export const monthKey = (date: Date): string => `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;

/**
 * The periods: the last 12 months including this one (from the first of the month 11 months
 * ago up to the first of next month), and "ever" for what is open now.
 */
export const dashboardPeriods = (now: Date = new Date()): { months: string[]; variables: DashboardQueryVariables } => {
  const from = new Date(now.getFullYear(), now.getMonth() - 11, 1);
  const to = new Date(now.getFullYear(), now.getMonth() + 1, 1);
  const months = Array.from({ length: 12 }, (_, index) => monthKey(new Date(from.getFullYear(), from.getMonth() + index, 1)));
  const year = { from: from.toISOString(), to: to.toISOString() };
  // what is open now can have been received any time: a wide period (the API needs one)
  const ever = { from: new Date(2000, 0, 1).toISOString(), to: new Date(now.getTime() + 86_400_000).toISOString() };
  return {
    months,
    variables: {
      months: { ...year, groupBy: ['MONTH'] },
      overall: year,
      categories: { ...year, groupBy: ['CATEGORY'] },
      statuses: { ...ever, groupBy: ['STATUS'] },
      units: { ...ever, groupBy: ['UNIT'] },
    },
  };
};
