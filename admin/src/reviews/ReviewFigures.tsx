import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import { useEnumLabel } from '../complaints/chips';
import { formatDay } from '../complaints/format';
import { Empty, Panel, SmallTable } from '../complaints/panel';
import type { LeadTime, PeriodFigures, ReviewRecord, TrendRow } from './review-api';

const number = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 0 });

const share = (value: number | null | undefined) => (value === null || value === undefined ? '–' : percent.format(value));

const leadTime = (value: LeadTime) =>
  value.count === 0 || value.median === null || value.median === undefined
    ? '–'
    : `${number.format(value.median)} / ${value.p90 === null || value.p90 === undefined ? '–' : number.format(value.p90)} (n=${value.count})`;

const onTimeShare = (figures: PeriodFigures) => {
  const decided = figures.compliance.reduce((sum, row) => sum + row.onTime + row.late + row.breached, 0);
  const onTime = figures.compliance.reduce((sum, row) => sum + row.onTime, 0);
  return decided ? `${percent.format(onTime / decided)} (${onTime} van ${decided})` : '–';
};

/** The rows of the figures table: a label and how to show it for one period. */
export const FIGURES: { label: string; hint?: string; value: (figures: PeriodFigures) => string }[] = [
  { label: 'Klachten', value: (f) => String(f.complaints) },
  { label: 'Meldingen', hint: 'direct opgelost, geen procedure', value: (f) => String(f.signals) },
  { label: 'Aandeel (deels) gegrond', hint: 'van de beoordeelde klachten', value: (f) => `${share(f.wellFoundedShare)} (n=${f.assessed})` },
  { label: 'Tot eerste contact', hint: 'werkdagen, mediaan / p90', value: (f) => leadTime(f.toAcknowledgement) },
  { label: 'Tot antwoord', hint: 'werkdagen, mediaan / p90', value: (f) => leadTime(f.toResponse) },
  { label: 'Tot afsluiting', hint: 'werkdagen, mediaan / p90', value: (f) => leadTime(f.toClosure) },
  { label: 'Tot antwoord, zonder wachttijd', hint: 'zonder de dagen dat de klok stilstond', value: (f) => leadTime(f.toResponseExcludingPauses) },
  { label: 'Tot afsluiting, zonder wachttijd', hint: 'zonder de dagen dat de klok stilstond', value: (f) => leadTime(f.toClosureExcludingPauses) },
  { label: 'Klok stilgezet', hint: 'informatie opgevraagd bij de klager', value: (f) => String(f.paused) },
  { label: 'Verdaagd', hint: 'antwoordtermijn verlengd', value: (f) => String(f.extended) },
  { label: 'Direct opgelost door de ontvanger', value: (f) => String(f.resolvedByReceiver) },
  { label: 'Termijnen op tijd', value: onTimeShare },
  { label: 'Bezwaren', value: (f) => `${f.objections}${f.lateObjections ? ` (${f.lateObjections} te laat)` : ''}` },
  { label: 'Hoorzittingen', value: (f) => `${f.hearingsHeld} gehouden, ${f.hearingsWaived} afgezien` },
  { label: 'Schikkingen', value: (f) => String(f.settlements) },
  {
    label: 'Doorverwijzingen',
    value: (f) => `${f.referrals} (${f.referralOutcomes} met uitkomst, ${f.bindingOutcomes} bindend)`,
  },
  {
    label: 'Tevredenheid',
    hint: 'gemiddeld, 1–5',
    value: (f) =>
      f.averageSatisfaction === null || f.averageSatisfaction === undefined ? '–' : `${number.format(f.averageSatisfaction)} (n=${f.satisfactionResponses})`,
  },
];

export const FiguresPanel = ({ review }: { review: ReviewRecord }) => {
  const figures = review.figures;
  if (!figures) return null;
  return (
    <Panel title="Cijfers">
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label="Cijfers deze en vorige periode" sx={{ maxWidth: 960 }}>
          <TableHead>
            <TableRow>
              <TableCell />
              <TableCell>
                Deze periode
                <Typography variant="caption" color="text.secondary" component="div">
                  {formatDay(figures.periodStart)} – {formatDay(figures.periodEnd)}
                </Typography>
              </TableCell>
              <TableCell>
                Vorige periode
                <Typography variant="caption" color="text.secondary" component="div">
                  {formatDay(figures.previousStart)} – {formatDay(figures.previousEnd)}
                </Typography>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {FIGURES.map((row) => (
              <TableRow key={row.label}>
                <TableCell component="th" scope="row">
                  {row.label}
                  {row.hint ? (
                    <Typography variant="caption" color="text.secondary" component="div">
                      {row.hint}
                    </Typography>
                  ) : null}
                </TableCell>
                <TableCell>{row.value(figures.current)}</TableCell>
                <TableCell>{row.value(figures.previous)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Panel>
  );
};

export const TrendsPanel = ({ trends }: { trends: TrendRow[] }) => {
  const label = useEnumLabel();
  const flagged = trends.filter((trend) => trend.flagged).length;
  return (
    <Panel title="Trends">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Aantallen per categorie, eenheid en medewerker tegen de vorige periode. Gemarkeerd: een stijging die niet meer bij toeval past (eenzijdige binomiale
        toets, p &lt; 0,05).
        {flagged ? ` ${flagged} gemarkeerd.` : ' Geen stijging gemarkeerd.'}
      </Typography>
      {trends.length === 0 ? (
        <Empty>Geen klachten in deze of de vorige periode.</Empty>
      ) : (
        <SmallTable
          label="Trends"
          columns={[
            'Wat',
            'Soort',
            { label: 'Nu', align: 'right' },
            { label: 'Vorige', align: 'right' },
            { label: 'Verwacht', align: 'right' },
            { label: 'p', align: 'right' },
            'Toelichting',
          ]}
        >
          {trends.map((trend) => (
            <TableRow
              key={`${trend.dimension}:${trend.key}`}
              data-flagged={trend.flagged ? 'true' : 'false'}
              sx={
                trend.flagged
                  ? {
                      bgcolor: (theme) => alpha(theme.palette.warning.main, 0.16),
                      '& > td, & > th': { fontWeight: 600 },
                    }
                  : undefined
              }
            >
              <TableCell component="th" scope="row">
                {trend.flagged ? <Chip size="small" color="warning" label="Stijging" sx={{ mr: 1 }} /> : null}
                {trend.label}
              </TableCell>
              <TableCell>{label('TrendDimension', trend.dimension)}</TableCell>
              <TableCell align="right">{trend.current}</TableCell>
              <TableCell align="right">{trend.previous}</TableCell>
              <TableCell align="right">{number.format(trend.expected)}</TableCell>
              <TableCell align="right">{trend.pValue < 0.001 ? '< 0,001' : trend.pValue.toFixed(3).replace('.', ',')}</TableCell>
              <TableCell sx={{ minWidth: 320 }}>{trend.explanation}</TableCell>
            </TableRow>
          ))}
        </SmallTable>
      )}
    </Panel>
  );
};
