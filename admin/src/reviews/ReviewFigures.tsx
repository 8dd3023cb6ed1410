import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import { useTranslate, type TranslateFunction } from 'react-admin';
import { useEnumLabel } from '../complaints/chips';
import { formatChance, formatCount, formatDay, formatDecimal, formatNumber, formatPercent } from '../complaints/format';
import { Empty, Panel, SmallTable } from '../complaints/panel';
import type { LeadTime, PeriodFigures, ReviewRecord, TrendRow } from './review-api';

/** The chance below which a rise is flagged (api/src/review/trends.ts SIGNIFICANCE). */
const SIGNIFICANCE = 0.05;

const NONE = '–';

const share = (value: number | null | undefined) => (value === null || value === undefined ? NONE : formatPercent(value));

const leadTime = (value: LeadTime, translate: TranslateFunction) =>
  value.count === 0 || value.median === null || value.median === undefined
    ? NONE
    : translate('app.figures.leadTime', {
        median: formatDecimal(value.median),
        p90: value.p90 === null || value.p90 === undefined ? NONE : formatDecimal(value.p90),
        count: formatCount(value.count),
      });

const onTimeShare = (figures: PeriodFigures, translate: TranslateFunction) => {
  const decided = figures.compliance.reduce((sum, row) => sum + row.onTime + row.late + row.breached, 0);
  const onTime = figures.compliance.reduce((sum, row) => sum + row.onTime, 0);
  return decided
    ? translate('app.figures.onTimeValue', { share: formatPercent(onTime / decided), onTime: formatCount(onTime), decided: formatCount(decided) })
    : NONE;
};

type Figure = { label: string; hint?: string; value: (figures: PeriodFigures, translate: TranslateFunction) => string };

const count = (pick: (figures: PeriodFigures) => number) => (figures: PeriodFigures) => formatCount(pick(figures));

/** The rows of the figures table: a label (i18n key), a hint, and how to show it for one period, by the panel's language. */
export const FIGURES: Figure[] = [
  { label: 'app.figures.complaints', value: count((f) => f.complaints) },
  { label: 'app.figures.signals', hint: 'app.figures.signalsHint', value: count((f) => f.signals) },
  {
    label: 'app.figures.wellFounded',
    hint: 'app.figures.wellFoundedHint',
    value: (f, t) => t('app.figures.withCount', { value: share(f.wellFoundedShare), count: formatCount(f.assessed) }),
  },
  { label: 'app.figures.toAcknowledgement', hint: 'app.figures.leadTimeHint', value: (f, t) => leadTime(f.toAcknowledgement, t) },
  { label: 'app.figures.toResponse', hint: 'app.figures.leadTimeHint', value: (f, t) => leadTime(f.toResponse, t) },
  { label: 'app.figures.toClosure', hint: 'app.figures.leadTimeHint', value: (f, t) => leadTime(f.toClosure, t) },
  { label: 'app.figures.toResponseExcludingPauses', hint: 'app.figures.excludingPausesHint', value: (f, t) => leadTime(f.toResponseExcludingPauses, t) },
  { label: 'app.figures.toClosureExcludingPauses', hint: 'app.figures.excludingPausesHint', value: (f, t) => leadTime(f.toClosureExcludingPauses, t) },
  { label: 'app.figures.paused', hint: 'app.figures.pausedHint', value: count((f) => f.paused) },
  { label: 'app.figures.extended', hint: 'app.figures.extendedHint', value: count((f) => f.extended) },
  { label: 'app.figures.resolvedByReceiver', value: count((f) => f.resolvedByReceiver) },
  { label: 'app.figures.onTime', value: onTimeShare },
  {
    label: 'app.figures.objections',
    value: (f, t) =>
      f.lateObjections ? t('app.figures.objectionsLate', { count: formatCount(f.objections), late: formatCount(f.lateObjections) }) : formatCount(f.objections),
  },
  {
    label: 'app.figures.hearings',
    value: (f, t) => t('app.figures.hearingsValue', { held: formatCount(f.hearingsHeld), waived: formatCount(f.hearingsWaived) }),
  },
  { label: 'app.figures.settlements', value: count((f) => f.settlements) },
  {
    label: 'app.figures.referrals',
    value: (f, t) =>
      t('app.figures.referralsValue', { count: formatCount(f.referrals), outcomes: formatCount(f.referralOutcomes), binding: formatCount(f.bindingOutcomes) }),
  },
  {
    label: 'app.figures.satisfaction',
    hint: 'app.figures.satisfactionHint',
    value: (f, t) =>
      f.averageSatisfaction === null || f.averageSatisfaction === undefined
        ? NONE
        : t('app.figures.withCount', { value: formatDecimal(f.averageSatisfaction), count: formatCount(f.satisfactionResponses) }),
  },
];

export const FiguresPanel = ({ review }: { review: ReviewRecord }) => {
  const translate = useTranslate();
  const figures = review.figures;
  if (!figures) return null;
  const period = (from: string, to: string) => translate('app.common.period', { from: formatDay(from), to: formatDay(to) });
  return (
    <Panel title="app.figures.title">
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={translate('app.figures.table')} sx={{ maxWidth: 960 }}>
          <TableHead>
            <TableRow>
              <TableCell />
              <TableCell>
                {translate('app.figures.thisPeriod')}
                <Typography variant="caption" color="text.secondary" component="div">
                  {period(figures.periodStart, figures.periodEnd)}
                </Typography>
              </TableCell>
              <TableCell>
                {translate('app.figures.previousPeriod')}
                <Typography variant="caption" color="text.secondary" component="div">
                  {period(figures.previousStart, figures.previousEnd)}
                </Typography>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {FIGURES.map((row) => (
              <TableRow key={row.label}>
                <TableCell component="th" scope="row">
                  {translate(row.label)}
                  {row.hint ? (
                    <Typography variant="caption" color="text.secondary" component="div">
                      {translate(row.hint)}
                    </Typography>
                  ) : null}
                </TableCell>
                <TableCell>{row.value(figures.current, translate)}</TableCell>
                <TableCell>{row.value(figures.previous, translate)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Panel>
  );
};

/**
 * Why a row is flagged or not, from its own figures (the API's `explanation` is the same in Dutch only): the counts,
 * what would be expected at an unchanged rate, and the chance of at least this many.
 */
const trendExplanation = (trend: TrendRow, translate: TranslateFunction): string => {
  const total = trend.current + trend.previous;
  if (total === 0) return translate('app.trends.noComplaints');
  return translate(trend.flagged ? 'app.trends.flaggedExplanation' : 'app.trends.notFlaggedExplanation', {
    current: formatCount(trend.current),
    previous: formatCount(trend.previous),
    total: formatCount(total),
    expected: formatDecimal(trend.expected),
    chance: formatPercentWithDecimal(trend.pValue),
    significance: formatPercent(SIGNIFICANCE),
  });
};

/** "4,2%": a chance with one decimal. */
const formatPercentWithDecimal = (value: number) => `${formatDecimal(value * 100)}%`;

export const TrendsPanel = ({ trends }: { trends: TrendRow[] }) => {
  const label = useEnumLabel();
  const translate = useTranslate();
  const flagged = trends.filter((trend) => trend.flagged).length;
  return (
    <Panel title="app.trends.title">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.trends.intro', { threshold: formatNumber(SIGNIFICANCE) })}{' '}
        {flagged ? translate('app.trends.flagged', { smart_count: flagged }) : translate('app.trends.noneFlagged')}
      </Typography>
      {trends.length === 0 ? (
        <Empty>{translate('app.trends.empty')}</Empty>
      ) : (
        <SmallTable
          label="app.trends.title"
          columns={[
            'app.trends.what',
            'app.trends.kind',
            { label: 'app.trends.now', align: 'right' },
            { label: 'app.trends.previous', align: 'right' },
            { label: 'app.trends.expected', align: 'right' },
            { label: 'app.trends.p', align: 'right' },
            'app.trends.explanation',
          ]}
        >
          {trends.map((trend) => (
            <TableRow
              key={`${trend.dimension}:${trend.key}`}
              data-flagged={trend.flagged ? 'true' : 'false'}
              sx={trend.flagged ? { bgcolor: (theme) => alpha(theme.palette.warning.main, 0.16), '& > td, & > th': { fontWeight: 600 } } : undefined}
            >
              <TableCell component="th" scope="row">
                {trend.flagged ? <Chip size="small" color="warning" label={translate('app.trends.rise')} sx={{ mr: 1 }} /> : null}
                {trend.label}
              </TableCell>
              <TableCell>{label('TrendDimension', trend.dimension)}</TableCell>
              <TableCell align="right">{formatCount(trend.current)}</TableCell>
              <TableCell align="right">{formatCount(trend.previous)}</TableCell>
              <TableCell align="right">{formatDecimal(trend.expected)}</TableCell>
              <TableCell align="right">{formatChance(trend.pValue)}</TableCell>
              <TableCell sx={{ minWidth: 320 }}>{trendExplanation(trend, translate)}</TableCell>
            </TableRow>
          ))}
        </SmallTable>
      )}
    </Panel>
  );
};
