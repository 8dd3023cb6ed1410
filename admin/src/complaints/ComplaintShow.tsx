import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Show, useRecordContext } from 'react-admin';
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
import { ReopenRequestBanner, SatisfactionPanel } from './SatisfactionPanel';

const ComplaintTitle = () => {
  const record = useRecordContext<ComplaintRecord>();
  return <>{record ? `Klacht ${record.reference}` : 'Klacht'}</>;
};

const Header = ({ record }: { record: ComplaintRecord }) => {
  const label = useEnumLabel();
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1.5, mb: 1 }}>
          <Typography variant="h5" component="h1">
            {record.reference}
          </Typography>
          <ComplaintStatusChip status={record.status} />
          {record.kind === 'SIGNAL' ? <Chip size="small" variant="outlined" label="Melding" /> : null}
          {record.policy ? <Chip size="small" variant="outlined" label={`Regeling: ${record.policy.name}`} /> : null}
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Ontvangen {formatDateTime(record.receivedAt)} via {label('Channel', record.channel).toLowerCase()}
          {record.registeredBy ? `, geregistreerd door ${record.registeredBy.name}` : ''}
        </Typography>
        <ComplaintActions record={record} />
      </CardContent>
    </Card>
  );
};

const ComplaintPanel = ({ record }: { record: ComplaintRecord }) => (
  <Panel title="Klacht">
    <Item label="Omschrijving">{record.description}</Item>
    <Item label="Eenheid">{record.unit?.name}</Item>
    <Item label="Categorie">{record.category?.name}</Item>
    <Item label="Klachtbehandelaar">{record.handler ? <StaffLink staff={record.handler} /> : 'Nog niet toegewezen'}</Item>
    <Item label="Doorgestuurd naar">{record.forwardedTo ? <StaffLink staff={record.forwardedTo} /> : null}</Item>
    <Item label="Betrokken medewerkers">
      {record.subjects?.length
        ? record.subjects.map((staff, index) => (
            <span key={staff.id}>
              {index > 0 ? ', ' : ''}
              <StaffLink staff={staff} />
            </span>
          ))
        : null}
    </Item>
    <Item label="Betrokken dienst">{record.subjectService}</Item>
  </Panel>
);

const ComplainantPanel = ({ record }: { record: ComplaintRecord }) => {
  const label = useEnumLabel();
  const person = record.complainant;
  return (
    <Panel title="Klager">
      {person ? (
        <>
          <Item label="Naam">{person.name}</Item>
          <Item label="Relatie">{label('ComplainantRelation', person.relation)}</Item>
          <Item label="E-mailadres">{person.email ? <a href={`mailto:${person.email}`}>{person.email}</a> : null}</Item>
          <Item label="Telefoonnummer">{person.phone}</Item>
          <Item label="Postadres">{person.postalAddress}</Item>
          <Item label="Organisatie">{person.organisation}</Item>
          <Item label="Namens">{person.onBehalfOf}</Item>
        </>
      ) : (
        <Empty>Geen gegevens</Empty>
      )}
      <StatusCodeItem record={record} />
    </Panel>
  );
};

const HandlingPanel = ({ record }: { record: ComplaintRecord }) => {
  const label = useEnumLabel();
  const nothingYet = !record.assessedAt && !record.respondedAt && !record.outcomeRecordedAt && !record.closedAt && !record.withdrawnAt && !record.archivedAt;
  return (
    <Panel title="Beoordeling en afhandeling">
      {nothingYet ? <Empty>Nog niet beoordeeld of beantwoord.</Empty> : null}
      <Item label="Oordeel">{label('Verdict', record.verdict)}</Item>
      <Item label="Oorzaak">{record.cause}</Item>
      <Item label="Oplossing">{record.solution}</Item>
      <Item label="Aanbod">{record.offer?.length ? record.offer.map((offer) => label('Offer', offer)).join(', ') : null}</Item>
      <Item label="Preventieve maatregel">{record.preventiveMeasure}</Item>
      <Item label="Beoordeeld op">{formatDateTime(record.assessedAt)}</Item>
      <Item label="Antwoord aan de klager">{record.responseSummary}</Item>
      <Item label="Beantwoord op">{formatDateTime(record.respondedAt)}</Item>
      <Item label="Klant akkoord">{record.customerAgreed === true ? 'Ja' : record.customerAgreed === false ? 'Nee' : null}</Item>
      <Item label="Tevredenheid, gepeild door medewerker (1–5)">{record.satisfaction ?? null}</Item>
      <Item label="Afgehandeld">{record.resolvedByReceiver ? 'Direct opgelost door de ontvanger, met akkoord van de klant' : null}</Item>
      <Item label="Resultaat vastgelegd op">{formatDateTime(record.outcomeRecordedAt)}</Item>
      <Item label="Afgesloten op">{formatDateTime(record.closedAt)}</Item>
      <Item label="Ingetrokken op">{formatDateTime(record.withdrawnAt)}</Item>
      <Item label="Gearchiveerd op">{formatDateTime(record.archivedAt)}</Item>
      <Item label="Bewaard tot">{retainUntilText(record)}</Item>
    </Panel>
  );
};

const ContactsPanel = ({ record }: { record: ComplaintRecord }) => {
  const label = useEnumLabel();
  const contacts = record.contactMoments ?? [];
  return (
    <Panel title="Contactmomenten">
      {contacts.length === 0 ? (
        <Empty>Nog geen contact met de klager vastgelegd.</Empty>
      ) : (
        <SmallTable label="Contactmomenten" columns={['Soort', 'Kanaal', 'Wanneer', 'Door', 'Samenvatting']}>
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
    <Stack spacing={2} sx={{ mt: 1, mb: 2 }}>
      <ConcernsMeNotice record={record} />
      <RetentionBanner record={record} />
      <ReopenRequestBanner record={record} />
      <Header record={record} />
      <ClockBanner record={record} />
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' },
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
            gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' },
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
