import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import { ComplaintActions } from './ComplaintActions';
import { HearingsPanel, ObjectionPanel, ReferralsPanel } from './ObjectionPanels';
import { Empty, Item, Panel, StaffLink, SmallTable } from './panel';
import { ComplaintStatusChip, useEnumLabel } from './chips';
import { formatDateTime } from './format';
import type { ComplaintRecord } from './types';
import { HistoryPanel } from './HistoryPanel';
import { LettersPanel } from './LettersPanel';
import { DeadlinesPanel } from './DeadlinesPanel';
import { ClockBanner, ConcernsMeNotice, PausesPanel, StatementsPanel } from './ClockPanels';
import { AttachmentsPanel } from './AttachmentsPanel';
import { RetentionBanner, retainUntilText } from './RetentionNotices';
import { StatusCodeItem } from './StatusCodeItem';
import { pageSx } from './list-layout';
import { ReopenRequestBanner, SatisfactionPanel } from './SatisfactionPanel';

const ComplaintTitle = () => {
  const record = useRecordContext<ComplaintRecord>();
  const translate = useTranslate();
  return <>{record ? translate('app.complaint.title', { reference: record.reference }) : translate('app.complaint.titleNone')}</>;
};

const Header = ({ record }: { record: ComplaintRecord }) => {
  const label = useEnumLabel();
  const translate = useTranslate();
  const received = translate('app.complaint.received', { date: formatDateTime(record.receivedAt), channel: label('Channel', record.channel).toLowerCase() });
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1.5, mb: 1 }}>
          <Typography variant="h5" component="h1" sx={{ whiteSpace: 'nowrap' }}>
            {record.reference}
          </Typography>
          <ComplaintStatusChip status={record.status} />
          {record.kind === 'SIGNAL' ? <Chip size="small" variant="outlined" label={label('ComplaintKind', 'SIGNAL')} /> : null}
          {record.policy ? (
            // a long policy name wraps inside its chip on a phone
            <Chip
              size="small"
              variant="outlined"
              label={translate('app.complaint.policyChip', { name: record.policy.name })}
              sx={{ maxWidth: '100%', height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } }}
            />
          ) : null}
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {record.registeredBy ? translate('app.complaint.receivedBy', { received, name: record.registeredBy.name }) : received}
        </Typography>
        <ComplaintActions record={record} />
      </CardContent>
    </Card>
  );
};

const ComplaintPanel = ({ record }: { record: ComplaintRecord }) => {
  const translate = useTranslate();
  return (
    <Panel title="app.complaint.panel">
      <Item label="app.complaint.description">{record.description}</Item>
      <Item label="app.complaint.unit">{record.unit?.name}</Item>
      <Item label="app.complaint.category">{record.category?.name}</Item>
      <Item label="app.complaint.handler">{record.handler ? <StaffLink staff={record.handler} /> : translate('app.complaint.notAssigned')}</Item>
      <Item label="app.complaint.forwardedTo">{record.forwardedTo ? <StaffLink staff={record.forwardedTo} /> : null}</Item>
      <Item label="app.complaint.subjects">
        {record.subjects?.length
          ? record.subjects.map((staff, index) => (
              <span key={staff.id}>
                {index > 0 ? ', ' : ''}
                <StaffLink staff={staff} />
              </span>
            ))
          : null}
      </Item>
      <Item label="app.complaint.subjectService">{record.subjectService}</Item>
    </Panel>
  );
};

const ComplainantPanel = ({ record }: { record: ComplaintRecord }) => {
  const label = useEnumLabel();
  const translate = useTranslate();
  const person = record.complainant;
  return (
    <Panel title="app.complaint.complainant">
      {person ? (
        <>
          <Item label="app.intake.name">{person.name}</Item>
          <Item label="app.intake.relation">{label('ComplainantRelation', person.relation)}</Item>
          <Item label="app.intake.email">{person.email ? <a href={`mailto:${person.email}`}>{person.email}</a> : null}</Item>
          <Item label="app.intake.phone">{person.phone}</Item>
          <Item label="app.intake.postalAddress">{person.postalAddress}</Item>
          <Item label="app.intake.organisation">{person.organisation}</Item>
          <Item label="app.intake.onBehalfOf">{person.onBehalfOf}</Item>
        </>
      ) : (
        <Empty>{translate('app.complaint.noDetails')}</Empty>
      )}
      <StatusCodeItem record={record} />
    </Panel>
  );
};

const HandlingPanel = ({ record }: { record: ComplaintRecord }) => {
  const label = useEnumLabel();
  const translate = useTranslate();
  const yesNo = (value: boolean | null | undefined) => (value === true ? translate('app.common.yes') : value === false ? translate('app.common.no') : null);
  const nothingYet = !record.assessedAt && !record.respondedAt && !record.outcomeRecordedAt && !record.closedAt && !record.withdrawnAt && !record.archivedAt;
  return (
    <Panel title="app.complaint.handling">
      {nothingYet ? <Empty>{translate('app.complaint.notAssessed')}</Empty> : null}
      <Item label="app.complaint.verdict">{label('Verdict', record.verdict)}</Item>
      <Item label="app.complaint.cause">{record.cause}</Item>
      <Item label="app.complaint.solution">{record.solution}</Item>
      <Item label="app.complaint.offer">{record.offer?.length ? record.offer.map((offer) => label('Offer', offer)).join(', ') : null}</Item>
      <Item label="app.complaint.preventiveMeasure">{record.preventiveMeasure}</Item>
      <Item label="app.complaint.assessedAt">{formatDateTime(record.assessedAt)}</Item>
      <Item label="app.complaint.responseSummary">{record.responseSummary}</Item>
      <Item label="app.complaint.respondedAt">{formatDateTime(record.respondedAt)}</Item>
      <Item label="app.complaint.customerAgreed">{yesNo(record.customerAgreed)}</Item>
      <Item label="app.complaint.satisfaction">{record.satisfaction ?? null}</Item>
      <Item label="app.complaint.settled">{record.resolvedByReceiver ? translate('app.complaint.resolvedByReceiver') : null}</Item>
      <Item label="app.complaint.outcomeRecordedAt">{formatDateTime(record.outcomeRecordedAt)}</Item>
      <Item label="app.complaint.closedAt">{formatDateTime(record.closedAt)}</Item>
      <Item label="app.complaint.withdrawnAt">{formatDateTime(record.withdrawnAt)}</Item>
      <Item label="app.complaint.archivedAt">{formatDateTime(record.archivedAt)}</Item>
      <Item label="app.complaint.retainUntil">{retainUntilText(record, translate)}</Item>
    </Panel>
  );
};

const ContactsPanel = ({ record }: { record: ComplaintRecord }) => {
  const label = useEnumLabel();
  const translate = useTranslate();
  const contacts = record.contactMoments ?? [];
  return (
    <Panel title="app.complaint.contacts">
      {contacts.length === 0 ? (
        <Empty>{translate('app.complaint.noContacts')}</Empty>
      ) : (
        <SmallTable
          label="app.complaint.contacts"
          columns={[
            'app.complaint.contactKind',
            'app.complaint.contactChannel',
            'app.complaint.contactWhen',
            'app.complaint.contactBy',
            'app.complaint.contactSummary',
          ]}
        >
          {contacts.map((contact) => (
            <TableRow key={contact.id}>
              <TableCell>{label('ContactKind', contact.kind)}</TableCell>
              <TableCell>{label('Channel', contact.channel)}</TableCell>
              <TableCell>{formatDateTime(contact.contactedAt)}</TableCell>
              <TableCell>{contact.by?.name}</TableCell>
              <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{contact.summary}</TableCell>
            </TableRow>
          ))}
        </SmallTable>
      )}
    </Panel>
  );
};

const ComplaintPage = () => {
  const record = useRecordContext<ComplaintRecord>();
  if (!record) return null;
  return (
    <Stack spacing={2} sx={{ mt: 1, mb: 2, ...pageSx }}>
      <ConcernsMeNotice record={record} />
      <RetentionBanner record={record} />
      <ReopenRequestBanner record={record} />
      <Header record={record} />
      <ClockBanner record={record} />
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' },
          alignItems: 'start',
        }}
      >
        <Stack spacing={2}>
          <ComplaintPanel record={record} />
          <ComplainantPanel record={record} />
        </Stack>
        <Stack spacing={2}>
          <DeadlinesPanel record={record} />
          <HandlingPanel record={record} />
          <SatisfactionPanel record={record} />
          <PausesPanel record={record} />
          <StatementsPanel record={record} />
        </Stack>
      </Box>
      {record.objection || record.hearings?.length ? (
        <Box
          sx={{
            display: 'grid',
            gap: 2,
            gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'repeat(2, minmax(0, 1fr))' },
            alignItems: 'start',
          }}
        >
          <ObjectionPanel record={record} />
          <HearingsPanel record={record} />
        </Box>
      ) : null}
      <ReferralsPanel record={record} />
      {record.concernsMe ? null : <LettersPanel record={record} />}
      {record.concernsMe ? null : <AttachmentsPanel record={record} />}
      {record.concernsMe ? null : <ContactsPanel record={record} />}
      {record.concernsMe ? null : <HistoryPanel record={record} />}
    </Stack>
  );
};

/** The complaint page: where it stands, what is due, what happened, and the next steps. */
export const ComplaintShow = () => (
  <Show title={<ComplaintTitle />} actions={false} component="div">
    <ComplaintPage />
  </Show>
);
