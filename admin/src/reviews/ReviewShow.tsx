import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import {
  Form,
  HttpError,
  SaveButton,
  Show,
  TextInput,
  maxLength,
  required,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { formatDateTime, formatDay } from '../complaints/format';
import { Empty, Panel } from '../complaints/panel';
import type { ApiErrorBody } from '../providers/error-mapping';
import type { GraphQLDataProvider } from '../providers/graphql-call';
import { ReviewStatusChip } from './ReviewList';
import { CLOSE_REVIEW, REVIEW_REPORT, UPDATE_REVIEW, downloadText, type ReviewRecord } from './review-api';
import { FiguresPanel, TrendsPanel } from './ReviewFigures';
import { MeasuresPanel } from './MeasuresPanel';
import { LENGTH } from '../lengths';
import { errorMessage } from '../providers/error-mapping';

const errorsOf = (error: unknown) =>
  error instanceof HttpError && typeof error.body === 'object' && error.body !== null ? (error.body as ApiErrorBody).errors : undefined;

/** Bevindingen: what management found; editable while the review is open. */
const FindingsPanel = ({ review }: { review: ReviewRecord }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  if (review.status !== 'OPEN') {
    return (
      <Panel title="app.review.findings">
        {review.findings ? (
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
            {review.findings}
          </Typography>
        ) : (
          <Empty>{translate('app.review.noFindings')}</Empty>
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
      notify('app.review.findingsSaved', { type: 'success' });
      refresh();
      return undefined;
    } catch (error) {
      const errors = errorsOf(error);
      if (errors && Object.keys(errors).length) return errors;
      notify(errorMessage(error), { type: 'error' });
      return undefined;
    }
  };
  return (
    <Panel title="app.review.findings">
      <Form onSubmit={submit} record={{ id: review.id, findings: review.findings ?? '' }} noValidate>
        <TextInput
          source="findings"
          label="app.review.findingsLabel"
          multiline
          minRows={5}
          validate={[required(), maxLength(LENGTH.longText)]}
          helperText="app.review.findingsHelp"
        />
        <SaveButton label="app.review.saveFindings" />
      </Form>
    </Panel>
  );
};

/** "Rapport downloaden": Review.report (Markdown) as a .md file. */
const DownloadReportButton = ({ review }: { review: ReviewRecord }) => {
  const translate = useTranslate();
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
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="outlined" size="small" onClick={download} disabled={busy}>
      {translate('app.review.downloadReport')}
    </Button>
  );
};

const CloseReviewButton = ({ review }: { review: ReviewRecord }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const close = async () => {
    setBusy(true);
    try {
      await dataProvider.graphql({ document: CLOSE_REVIEW, variables: { id: review.id } });
      notify('app.review.closed', {
        type: 'success',
        messageArgs: { period: translate('app.common.period', { from: formatDay(review.periodStart), to: formatDay(review.periodEnd) }) },
      });
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="contained" size="small" onClick={close} disabled={busy || !review.findings}>
      {translate('app.review.close')}
    </Button>
  );
};

const ReviewPage = () => {
  const review = useRecordContext<ReviewRecord>();
  const translate = useTranslate();
  if (!review) return null;
  return (
    <Stack spacing={2} sx={{ mt: 1, mb: 2 }}>
      <Card variant="outlined">
        <CardContent>
          <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1.5, mb: 1 }}>
            <Typography variant="h5" component="h1">
              {translate('app.review.heading', {
                period: translate('app.common.period', { from: formatDay(review.periodStart), to: formatDay(review.periodEnd) }),
              })}
            </Typography>
            <ReviewStatusChip status={review.status} />
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('app.review.openedOn', { at: formatDateTime(review.createdAt) })}
            {review.openedBy ? ` ${translate('app.common.by', { name: review.openedBy.name })}` : ''}
            {review.closedAt ? `; ${translate('app.review.closedOn', { at: formatDateTime(review.closedAt) })}` : ''}
          </Typography>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
            <DownloadReportButton review={review} />
            {review.status === 'OPEN' ? <CloseReviewButton review={review} /> : null}
          </Stack>
          {review.status === 'OPEN' && !review.findings ? (
            <Alert severity="info" sx={{ mt: 2 }}>
              {translate('app.review.findingsFirst')}
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
  const translate = useTranslate();
  return (
    <>
      {review
        ? translate('app.review.heading', { period: translate('app.common.period', { from: formatDay(review.periodStart), to: formatDay(review.periodEnd) }) })
        : translate('app.reviews.title')}
    </>
  );
};

/** A review: the figures side by side, the trends, the findings and the measures. */
export const ReviewShow = () => (
  <Show title={<ReviewTitle />} actions={false} component="div">
    <ReviewPage />
  </Show>
);
