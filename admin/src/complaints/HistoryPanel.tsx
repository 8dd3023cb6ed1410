import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Empty, Panel } from './panel';
import { useEnumLabel } from './chips';
import { formatBytes, formatDateTime, formatDay } from './format';
import type { ComplaintEventRow, ComplaintRecord } from './types';

const asString = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

const kindsOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap((item) => (typeof item === 'string' ? [item] : typeof item === 'object' && item && 'kind' in item ? [String(item.kind)] : []))
    : [];

/** What an event's `data` says, in a line of Dutch; the note text separately. */
const useEventDetails = () => {
  const label = useEnumLabel();
  return (event: ComplaintEventRow): { facts: string[]; text?: string } => {
    const data = event.data ?? {};
    const facts: string[] = [];
    if (asString(data.kind) && event.type === 'CONTACT_RECORDED') facts.push(label('ContactKind', String(data.kind)));
    if (asString(data.kind) && event.type === 'DEADLINE_BREACHED')
      facts.push(`${label('DeadlineKind', String(data.kind))}, uiterlijk ${formatDay(String(data.dueDate))}: niet op tijd`);
    if (asString(data.channel)) facts.push(`via ${label('Channel', String(data.channel)).toLowerCase()}`);
    if (asString(data.toName)) facts.push(`naar ${String(data.toName)}`);
    if (asString(data.handlerName)) facts.push(`behandelaar ${String(data.handlerName)}`);
    if (asString(data.verdict)) facts.push(label('Verdict', String(data.verdict)));
    if (typeof data.customerAgreed === 'boolean') facts.push(data.customerAgreed ? 'klant akkoord' : 'klant niet akkoord');
    if (typeof data.satisfaction === 'number') facts.push(`tevredenheid ${data.satisfaction}`);
    const met = kindsOf(data.deadlinesMet);
    if (met.length) facts.push(`termijn gehaald: ${met.map((kind) => label('DeadlineKind', kind)).join(', ')}`);
    if (data.late === true) facts.push('te laat, aanvaard');
    if (asString(data.scheduledAt)) facts.push(`op ${formatDateTime(String(data.scheduledAt))}`);
    if (asString(data.to) && event.type === 'HEARING_RESCHEDULED') {
      facts.push(`${asString(data.from) ? `van ${formatDateTime(String(data.from))} ` : ''}naar ${formatDateTime(String(data.to))}`);
    }
    if (asString(data.form)) facts.push(label('HearingForm', String(data.form)).toLowerCase());
    if (asString(data.heldForm)) facts.push(label('HearingForm', String(data.heldForm)).toLowerCase());
    if (asString(data.chairName)) facts.push(`voorzitter ${String(data.chairName)}`);
    if (data.subjectEmployeeAttends === true) facts.push('medewerker aanwezig');
    if (asString(data.complainantAgreedAt)) facts.push(`klager akkoord ${formatDateTime(String(data.complainantAgreedAt))}`);
    if (asString(data.organisationAgreedBy)) facts.push(`akkoord namens de organisatie: ${String(data.organisationAgreedBy)}`);
    if (asString(data.outcome) && event.type === 'OBJECTION_DECIDED') facts.push(label('ObjectionOutcome', String(data.outcome)));
    if (asString(data.partyName)) facts.push(`naar ${String(data.partyName)}`);
    if (typeof data.binding === 'boolean') facts.push(data.binding ? 'bindend' : 'niet bindend');
    if (asString(data.outcomeDate)) facts.push(`uitkomst van ${formatDay(String(data.outcomeDate))}`);
    if (asString(data.fileName) && event.type === 'ATTACHMENT_ADDED') {
      facts.push(`${String(data.fileName)}${typeof data.sizeBytes === 'number' ? ` (${formatBytes(data.sizeBytes)})` : ''}`);
    }
    if (asString(data.rule) && event.type === 'ANONYMISED') facts.push(label('RemovalRule', String(data.rule)));
    if (asString(data.heldSince) && event.type === 'LEGAL_HOLD_LIFTED') facts.push(`bewaarplicht sinds ${formatDateTime(String(data.heldSince))}`);
    const opened = kindsOf(data.deadlinesOpened);
    if (opened.length) facts.push(`termijnen: ${opened.map((kind) => label('DeadlineKind', kind)).join(', ')}`);
    return {
      facts,
      text: asString(data.text) ?? asString(data.note) ?? asString(data.reason) ?? asString(data.lateAcceptanceReason) ?? asString(data.furtherOptions),
    };
  };
};

export const HistoryPanel = ({ record }: { record: ComplaintRecord }) => {
  const label = useEnumLabel();
  const details = useEventDetails();
  const events = [...(record.history ?? [])].reverse(); // newest first
  return (
    <Panel title="Geschiedenis">
      {events.length === 0 ? <Empty>Geen gebeurtenissen.</Empty> : null}
      <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {events.map((event, index) => {
          const { facts, text } = details(event);
          const moved = event.toStatus && event.fromStatus !== event.toStatus;
          return (
            <Box component="li" key={event.id} data-type={event.type}>
              {index > 0 ? <Divider sx={{ my: 1 }} /> : null}
              <Stack direction="row" sx={{ alignItems: 'baseline', flexWrap: 'wrap', columnGap: 1 }}>
                <Typography variant="subtitle2" component="span">
                  {label('ComplaintEventType', event.type)}
                </Typography>
                <Typography variant="caption" color="text.secondary" component="span">
                  {formatDateTime(event.at)}
                  {' — '}
                  {event.actor?.name ?? (event.data?.by === 'COMPLAINANT' ? 'de klager, online' : event.type === 'SUBMITTED' ? 'website' : 'systeem')}
                </Typography>
              </Stack>
              {moved ? (
                <Typography variant="body2" component="div">
                  {event.fromStatus ? `${label('ComplaintStatus', event.fromStatus)} → ` : ''}
                  {label('ComplaintStatus', event.toStatus)}
                </Typography>
              ) : null}
              {facts.length ? (
                <Typography variant="body2" color="text.secondary" component="div">
                  {facts.join('; ')}
                </Typography>
              ) : null}
              {text ? (
                <Typography variant="body2" component="blockquote" sx={{ m: 0, mt: 0.5, pl: 1, borderLeft: 3, borderColor: 'divider', whiteSpace: 'pre-wrap' }}>
                  {text}
                </Typography>
              ) : null}
            </Box>
          );
        })}
      </Box>
    </Panel>
  );
};
