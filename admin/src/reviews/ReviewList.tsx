import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import { useState } from 'react';
import { DataTable, List, TopToolbar, required, useDataProvider, useNotify, useRedirect, useTranslate } from 'react-admin';
import { DateInput } from '../layout/DateInputs';
import { useEnumLabel } from '../complaints/chips';
import { formatDateTime, formatDay } from '../complaints/format';
import { FormDialog } from '../layout/FormDialog';
import type { GraphQLDataProvider } from '../providers/graphql-call';
import { OPEN_REVIEW, lastFullHalfYear, type ReviewRecord } from './review-api';

export const ReviewStatusChip = ({ status }: { status: string }) => {
  const label = useEnumLabel();
  return (
    <Chip
      size="small"
      color={status === 'OPEN' ? 'info' : 'success'}
      variant={status === 'OPEN' ? 'outlined' : 'filled'}
      label={label('ReviewStatus', status)}
      data-status={status}
    />
  );
};

/** "Inventarisatie openen": a period, by default the last full half-year. */
const OpenReviewButton = () => {
  const [open, setOpen] = useState(false);
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();
  const submit = async (values: Record<string, unknown>) => {
    const { openReview } = await dataProvider.graphql({
      document: OPEN_REVIEW,
      variables: { input: { periodStart: String(values.periodStart ?? ''), periodEnd: String(values.periodEnd ?? '') } },
      formFields: ['periodStart', 'periodEnd'],
    });
    notify('app.reviews.opened', {
      type: 'success',
      messageArgs: { period: translate('app.common.period', { from: formatDay(String(values.periodStart)), to: formatDay(String(values.periodEnd)) }) },
    });
    redirect('show', 'Review', openReview.id);
  };
  return (
    <>
      <Button variant="contained" size="small" onClick={() => setOpen(true)}>
        {translate('app.reviews.open')}
      </Button>
      {open ? (
        <FormDialog
          title="app.reviews.openTitle"
          intro="app.reviews.openIntro"
          defaultValues={lastFullHalfYear()}
          onSubmit={submit}
          onClose={() => setOpen(false)}
          submitLabel="app.reviews.openSubmit"
        >
          <DateInput source="periodStart" label="app.reviews.firstDay" validate={required()} />
          <DateInput source="periodEnd" label="app.reviews.lastDay" validate={required()} />
        </FormDialog>
      ) : null}
    </>
  );
};

/** "1 jan 2026 – 30 jun 2026". */
export const Period = ({ from, to }: { from: string; to: string }) => {
  const translate = useTranslate();
  return <>{translate('app.common.period', { from: formatDay(from), to: formatDay(to) })}</>;
};

const Col = DataTable.Col<ReviewRecord>;

/** Klachteninventarisatie: the half-yearly reviews, latest period first. */
export const ReviewList = () => (
  <List
    title="app.reviews.title"
    sort={{ field: 'periodStart', order: 'DESC' }}
    perPage={25}
    exporter={false}
    actions={
      <TopToolbar>
        <OpenReviewButton />
      </TopToolbar>
    }
    empty={false}
  >
    <DataTable<ReviewRecord> rowClick="show" bulkActionButtons={false}>
      <Col source="periodStart" label="app.reviews.period" disableSort render={(record) => <Period from={record.periodStart} to={record.periodEnd} />} />
      <Col source="status" label="app.reviews.status" disableSort render={(record) => <ReviewStatusChip status={record.status} />} />
      <Col source="openedBy.name" label="app.reviews.openedBy" disableSort render={(record) => record.openedBy?.name ?? ''} />
      <Col source="createdAt" label="app.reviews.openedAt" disableSort render={(record) => formatDateTime(record.createdAt)} />
      <Col source="closedAt" label="app.reviews.closedAt" disableSort render={(record) => formatDateTime(record.closedAt)} />
    </DataTable>
  </List>
);
