import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEnumLabel } from './chips';
import { formatDateTime, formatDay } from './format';
import { Empty, Item, Panel, StaffLink } from './panel';
import type { ComplaintRecord } from './types';

/**
 * Where the clock stands, above the page: standing still for the complainant's information (until when),
 * run out without an answer (what may follow), extended (and whether the complainant was told).
 */
export const ClockBanner = ({ record }: { record: ComplaintRecord }) => {
  const open = record.pauses?.find((pause) => !pause.resumedAt);
  const notice = record.deadlines?.find((deadline) => deadline.kind === 'EXTENSION_NOTICE' && !deadline.cancelledAt);
  return (
    <>
      {open ? (
        <Alert severity="info" role="status" data-clock="paused">
          De termijnen staan stil sinds {formatDateTime(record.pausedSince)}: de klager is om informatie gevraagd en kan antwoorden tot en met{' '}
          {formatDay(open.answerBy)}. Daarna lopen ze vanzelf weer.
        </Alert>
      ) : null}
      {!open && record.pauseLapsedAt && record.closedAt === null && record.withdrawnAt === null ? (
        <Alert severity="warning" role="status" data-clock="lapsed">
          Het verzoek om informatie is op {formatDateTime(record.pauseLapsedAt)} onbeantwoord verlopen; de termijnen lopen weer.
          {record.policy?.closeWhenUnanswered ? ' De regeling staat toe de klacht te sluiten wegens het uitblijven van een reactie.' : ''}
        </Alert>
      ) : null}
      {record.extendedAt ? (
        <Alert severity={notice && !notice.metAt ? 'warning' : 'info'} role="status" data-clock="extended">
          Het antwoord is op {formatDateTime(record.extendedAt)} verdaagd met {record.extensionWeeks} weken: {record.extensionReason}
          {notice && !notice.metAt ? ` De klager moet dit uiterlijk ${formatDay(notice.dueDate)} schriftelijk horen.` : ''}
        </Alert>
      ) : null}
    </>
  );
};

/** The requests for information: what was asked, until when, and how each ended. */
export const PausesPanel = ({ record }: { record: ComplaintRecord }) => {
  const label = useEnumLabel();
  const pauses = record.pauses ?? [];
  if (pauses.length === 0) return null;
  return (
    <Panel title="Informatie opgevraagd">
      {pauses.map((pause) => (
        <Box
          key={pause.id}
          component="section"
          aria-label={`Informatieverzoek ${formatDay(pause.requestedAt)}`}
          sx={{ mb: 2 }}
          data-ended={pause.endedBy ?? 'OPEN'}
        >
          <Item label="Gevraagd">{`${formatDateTime(pause.requestedAt)} via ${label('Channel', pause.channel).toLowerCase()}, antwoord vóór ${formatDay(pause.answerBy)}`}</Item>
          <Item label="Door">{pause.requestedBy ? <StaffLink staff={pause.requestedBy} /> : null}</Item>
          <Item label="Vraag">{pause.question}</Item>
          <Item label="Afloop">
            {pause.resumedAt
              ? `${label('PauseEnd', pause.endedBy ?? '')} op ${formatDateTime(pause.resumedAt)}; stilgestaan: ${pause.pausedWorkingDays ?? 0} werkdagen`
              : 'Nog geen antwoord: de termijnen staan stil'}
          </Item>
          <Item label="Antwoord">{pause.answer}</Item>
        </Box>
      ))}
      <Typography variant="caption" color="text.secondary">
        Samen {record.pausedWorkingDays} werkdagen stilgestaan; de doorlooptijden in de cijfers staan er met en zonder deze dagen.
      </Typography>
    </Panel>
  );
};

/** The sides of the story of the employees the complaint names (hoor en wederhoor). */
export const StatementsPanel = ({ record }: { record: ComplaintRecord }) => {
  const statements = record.statements ?? [];
  if (statements.length === 0 && !record.subjects?.length) return null;
  return (
    <Panel title="Kant van de medewerker">
      {statements.length === 0 ? <Empty>Nog niet vastgelegd.</Empty> : null}
      {statements.map((statement) => (
        <Item key={statement.id} label={`${statement.staff?.name ?? ''}, ${formatDateTime(statement.recordedAt)}`}>
          {statement.text}
        </Item>
      ))}
    </Panel>
  );
};

/** Shown to an employee the complaint names: what they see, and what they may do. */
export const ConcernsMeNotice = ({ record }: { record: ComplaintRecord }) =>
  record.concernsMe ? (
    <Alert severity="info" data-view="concerned">
      Deze klacht gaat over u. U ziet de klacht zelf en waar die staat, niet de contactgegevens van de klager of het interne overleg; de bevindingen ziet u
      zodra de klager antwoord heeft. U kunt uw kant van het verhaal vastleggen; die hoort bij het dossier.
    </Alert>
  ) : null;
