import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import { useState } from 'react';
import {
  Form,
  HttpError,
  Link,
  SaveButton,
  Show,
  TextInput,
  maxLength,
  required,
  useCreatePath,
  useDataProvider,
  useGetMany,
  useNotify,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { useEnumLabel } from '../complaints/chips';
import { amsterdamDay, formatDateTime, formatDay } from '../complaints/format';
import { Empty, Panel } from '../complaints/panel';
import type { ApiErrorBody } from '../providers/error-mapping';
import type { GraphQLDataProvider } from '../providers/graphql-call';
import { AddMeasureButton, FollowUpButton } from './MeasureDialogs';
import { ReviewStatusChip } from './ReviewList';
import {
  CLOSE_REVIEW,
  REVIEW_REPORT,
  UPDATE_REVIEW,
  downloadText,
  type LeadTime,
  type MeasureRecord,
  type PeriodFigures,
  type ReviewRecord,
  type TrendRow,
} from './review-api';

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
const FIGURES: { label: string; hint?: string; value: (figures: PeriodFigures) => string }[] = [
  { label: 'Klachten', value: (f) => String(f.complaints) },
  { label: 'Meldingen', hint: 'direct opgelost, geen procedure', value: (f) => String(f.signals) },
  { label: 'Aandeel (deels) gegrond', hint: 'van de beoordeelde klachten', value: (f) => `${share(f.wellFoundedShare)} (n=${f.assessed})` },
  { label: 'Tot eerste contact', hint: 'werkdagen, mediaan / p90', value: (f) => leadTime(f.toAcknowledgement) },
  { label: 'Tot antwoord', hint: 'werkdagen, mediaan / p90', value: (f) => leadTime(f.toResponse) },
  { label: 'Tot afsluiting', hint: 'werkdagen, mediaan / p90', value: (f) => leadTime(f.toClosure) },
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

const FiguresPanel = ({ review }: { review: ReviewRecord }) => {
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

const TrendsPanel = ({ trends }: { trends: TrendRow[] }) => {
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
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="Trends">
            <TableHead>
              <TableRow>
                <TableCell>Wat</TableCell>
                <TableCell>Soort</TableCell>
                <TableCell align="right">Nu</TableCell>
                <TableCell align="right">Vorige</TableCell>
                <TableCell align="right">Verwacht</TableCell>
                <TableCell align="right">p</TableCell>
                <TableCell>Toelichting</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
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
            </TableBody>
          </Table>
        </Box>
      )}
    </Panel>
  );
};

const errorsOf = (error: unknown) =>
  error instanceof HttpError && typeof error.body === 'object' && error.body !== null ? (error.body as ApiErrorBody).errors : undefined;

/** Bevindingen: what management found; editable while the review is open. */
const FindingsPanel = ({ review }: { review: ReviewRecord }) => {
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  if (review.status !== 'OPEN') {
    return (
      <Panel title="Bevindingen">
        {review.findings ? (
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {review.findings}
          </Typography>
        ) : (
          <Empty>Geen bevindingen vastgelegd.</Empty>
        )}
      </Panel>
    );
  }
  const submit = async (values: Record<string, unknown>) => {
    try {
      await dataProvider.graphql({
        document: UPDATE_REVIEW,
        variables: { id: review.id, version: review.version, input: { findings: String(values.findings ?? '').trim() } },
        formFields: ['findings'],
      });
      notify('Bevindingen opgeslagen', { type: 'success' });
      refresh();
      return undefined;
    } catch (error) {
      const errors = errorsOf(error);
      if (errors && Object.keys(errors).length) return errors;
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
      return undefined;
    }
  };
  return (
    <Panel title="Bevindingen">
      <Form onSubmit={submit} record={{ id: review.id, findings: review.findings ?? '' }}>
        <TextInput
          source="findings"
          label="Trends en structurele oorzaken"
          multiline
          minRows={5}
          validate={[required(), maxLength(50_000)]}
          helperText="Wat valt op, waar komt het vandaan, wat moet er gebeuren"
        />
        <SaveButton label="Bevindingen opslaan" />
      </Form>
    </Panel>
  );
};

const ComplaintReferences = ({ ids, references }: { ids: string[]; references: Map<string, string> }) => {
  const createPath = useCreatePath();
  if (ids.length === 0) return <>–</>;
  return (
    <>
      {ids.map((id, index) => (
        <span key={id}>
          {index > 0 ? ', ' : ''}
          <Link to={createPath({ resource: 'Complaint', id, type: 'show' })}>{references.get(id) ?? '…'}</Link>
        </span>
      ))}
    </>
  );
};

export const MeasureDue = ({ measure }: { measure: MeasureRecord }) => {
  const overdue = measure.status === 'OPEN' && measure.dueDate < amsterdamDay();
  return overdue ? <Chip size="small" color="error" label={`${formatDay(measure.dueDate)} — te laat`} /> : <>{formatDay(measure.dueDate)}</>;
};

export const MeasureStatusChip = ({ status }: { status: string }) => (
  <Chip
    size="small"
    color={status === 'DONE' ? 'success' : 'info'}
    variant={status === 'DONE' ? 'filled' : 'outlined'}
    label={status === 'DONE' ? 'Uitgevoerd' : 'Open'}
  />
);

/** Maatregelen: the preventive measures of this review, followed up until done. */
const MeasuresPanel = ({ review }: { review: ReviewRecord }) => {
  const measures = review.measures ?? [];
  const complaintIds = [...new Set(measures.flatMap((measure) => measure.complaintIds))];
  const { data: complaints } = useGetMany('Complaint', { ids: complaintIds }, { enabled: complaintIds.length > 0 });
  const references = new Map((complaints ?? []).map((complaint) => [String(complaint.id), String(complaint.reference)]));
  return (
    <Panel title="Maatregelen">
      {review.status === 'OPEN' ? (
        <Box sx={{ mb: 1 }}>
          <AddMeasureButton reviewId={review.id} />
        </Box>
      ) : null}
      {measures.length === 0 ? (
        <Empty>Nog geen maatregelen.</Empty>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="Maatregelen">
            <TableHead>
              <TableRow>
                <TableCell>Maatregel</TableCell>
                <TableCell>Eigenaar</TableCell>
                <TableCell>Uiterlijk</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Klachten</TableCell>
                <TableCell>Opvolging</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {measures.map((measure) => (
                <TableRow key={measure.id} data-status={measure.status}>
                  <TableCell sx={{ whiteSpace: 'pre-wrap', minWidth: 200 }}>{measure.description}</TableCell>
                  <TableCell>{measure.owner.name}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <MeasureDue measure={measure} />
                  </TableCell>
                  <TableCell>
                    <MeasureStatusChip status={measure.status} />
                    {measure.doneAt ? (
                      <Typography variant="caption" color="text.secondary" component="div">
                        {formatDateTime(measure.doneAt)}
                      </Typography>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    <ComplaintReferences ids={measure.complaintIds} references={references} />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'pre-wrap', minWidth: 160 }}>{measure.followUp}</TableCell>
                  <TableCell>
                    <FollowUpButton measure={measure} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Panel>
  );
};

/** "Rapport downloaden": Review.report (Markdown) as a .md file. */
const DownloadReportButton = ({ review }: { review: ReviewRecord }) => {
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const { review: report } = await dataProvider.graphql({ document: REVIEW_REPORT, variables: { id: review.id } });
      if (!report) throw new Error('ra.notification.item_doesnt_exist');
      downloadText(`klachteninventarisatie-${report.periodStart}-${report.periodEnd}.md`, report.report);
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="outlined" size="small" onClick={download} disabled={busy}>
      Rapport downloaden
    </Button>
  );
};

const CloseReviewButton = ({ review }: { review: ReviewRecord }) => {
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const close = async () => {
    setBusy(true);
    try {
      await dataProvider.graphql({ document: CLOSE_REVIEW, variables: { id: review.id } });
      notify('Klachteninventarisatie afgerond', { type: 'success' });
      refresh();
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="contained" size="small" onClick={close} disabled={busy || !review.findings}>
      Afronden
    </Button>
  );
};

const ReviewPage = () => {
  const review = useRecordContext<ReviewRecord>();
  if (!review) return null;
  return (
    <Stack spacing={2} sx={{ mt: 1, mb: 2 }}>
      <Card variant="outlined">
        <CardContent>
          <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1.5, mb: 1 }}>
            <Typography variant="h5" component="h1">
              Klachteninventarisatie {formatDay(review.periodStart)} – {formatDay(review.periodEnd)}
            </Typography>
            <ReviewStatusChip status={review.status} />
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            Geopend {formatDateTime(review.createdAt)}
            {review.openedBy ? ` door ${review.openedBy.name}` : ''}
            {review.closedAt ? `; afgerond ${formatDateTime(review.closedAt)}` : ''}
          </Typography>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
            <DownloadReportButton review={review} />
            {review.status === 'OPEN' ? <CloseReviewButton review={review} /> : null}
          </Stack>
          {review.status === 'OPEN' && !review.findings ? (
            <Alert severity="info" sx={{ mt: 2 }}>
              Leg de bevindingen vast om de inventarisatie te kunnen afronden.
            </Alert>
          ) : null}
        </CardContent>
      </Card>
      <FiguresPanel review={review} />
      <TrendsPanel trends={review.figures?.trends ?? []} />
      <FindingsPanel review={review} />
      <MeasuresPanel review={review} />
    </Stack>
  );
};

const ReviewTitle = () => {
  const review = useRecordContext<ReviewRecord>();
  return <>{review ? `Klachteninventarisatie ${review.periodStart} – ${review.periodEnd}` : 'Klachteninventarisatie'}</>;
};

/** A review: the figures side by side, the trends, the findings and the measures. */
export const ReviewShow = () => (
  <Show title={<ReviewTitle />} actions={false} component="div">
    <ReviewPage />
  </Show>
);
