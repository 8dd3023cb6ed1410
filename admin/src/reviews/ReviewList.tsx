import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import { useState } from 'react';
import { DataTable, DateInput, List, TopToolbar, required, useDataProvider, useNotify, useRedirect } from 'react-admin';
import { formatDateTime, formatDay } from '../complaints/format';
import { FormDialog } from '../layout/FormDialog';
import type { GraphQLDataProvider } from '../providers/graphql-call';
import { OPEN_REVIEW, lastFullHalfYear, type ReviewRecord } from './review-api';

export const ReviewStatusChip = ({ status }: { status: string }) => (
  <Chip
    size="small"
    color={status === 'OPEN' ? 'info' : 'success'}
    variant={status === 'OPEN' ? 'outlined' : 'filled'}
    label={status === 'OPEN' ? 'Open' : 'Afgerond'}
    data-status={status}
  />
);

/** "Inventarisatie openen": a period, by default the last full half-year. */
const OpenReviewButton = () => {
  const [open, setOpen] = useState(false);
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const submit = async (values: Record<string, unknown>) => {
    const { openReview } = await dataProvider.graphql({
      document: OPEN_REVIEW,
      variables: { input: { periodStart: String(values.periodStart ?? ''), periodEnd: String(values.periodEnd ?? '') } },
      formFields: ['periodStart', 'periodEnd'],
    });
    notify('Klachteninventarisatie geopend', { type: 'success' });
    redirect('show', 'Review', openReview.id);
  };
  return (
    <>
      <Button variant="contained" size="small" onClick={() => setOpen(true)}>
        Inventarisatie openen
      </Button>
      {open ? (
        <FormDialog
          title="Klachteninventarisatie openen"
          intro="Alle klachten van een periode naast die van de even lange periode ervoor: trends, structurele oorzaken en maatregelen. Standaard het laatste volledige halfjaar."
          defaultValues={lastFullHalfYear()}
          onSubmit={submit}
          onClose={() => setOpen(false)}
          submitLabel="Openen"
        >
          <DateInput source="periodStart" label="Eerste dag" validate={required()} />
          <DateInput source="periodEnd" label="Laatste dag" validate={required()} />
        </FormDialog>
      ) : null}
    </>
  );
};

const Col = DataTable.Col<ReviewRecord>;

/** Klachteninventarisatie: the half-yearly reviews, latest period first. */
export const ReviewList = () => (
  <List
    title="Klachteninventarisatie"
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
      <Col source="periodStart" label="Periode" disableSort render={(record) => `${formatDay(record.periodStart)} – ${formatDay(record.periodEnd)}`} />
      <Col source="status" label="Status" disableSort render={(record) => <ReviewStatusChip status={record.status} />} />
      <Col source="openedBy.name" label="Geopend door" disableSort render={(record) => record.openedBy?.name ?? ''} />
      <Col source="createdAt" label="Geopend op" disableSort render={(record) => formatDateTime(record.createdAt)} />
      <Col source="closedAt" label="Afgerond op" disableSort render={(record) => formatDateTime(record.closedAt)} />
    </DataTable>
  </List>
);
