import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { Empty, Panel } from './panel';
import { useEnumLabel } from './chips';
import { formatBytes, formatDateTime, formatDay } from './format';
import type { ComplaintEventRow, ComplaintRecord } from './types';

const asString = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

const kindsOf = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap((item) => (typeof item === 'string' ? [item] : typeof item === 'object' && item && 'kind' in item ? [String(item.kind)] : []))
    : [];

/** What an event's `data` says, in a line in the panel's language; the note text separately. */
const useEventDetails = () => {
  const label = useEnumLabel();
  const translate = useTranslate();
  return (event: ComplaintEventRow): { facts: string[]; text?: string } => {
    const data = event.data ?? {};
    const facts: string[] = [];
    if (asString(data.kind) && event.type === 'CONTACT_RECORDED') facts.push(label('ContactKind', String(data.kind)));
    if (asString(data.kind) && event.type === 'DEADLINE_BREACHED')
      facts.push(translate('app.history.breached', { kind: label('DeadlineKind', String(data.kind)), date: formatDay(String(data.dueDate)) }));
    if (asString(data.channel)) facts.push(translate('app.history.via', { channel: label('Channel', String(data.channel)).toLowerCase() }));
    if (asString(data.toName)) facts.push(translate('app.history.to', { name: String(data.toName) }));
    if (asString(data.handlerName)) facts.push(translate('app.history.handler', { name: String(data.handlerName) }));
    if (asString(data.verdict)) facts.push(label('Verdict', String(data.verdict)));
    if (typeof data.customerAgreed === 'boolean') facts.push(translate(data.customerAgreed ? 'app.history.customerAgreed' : 'app.history.customerDisagreed'));
    if (typeof data.satisfaction === 'number') facts.push(translate('app.history.satisfaction', { score: data.satisfaction }));
    const met = kindsOf(data.deadlinesMet);
    if (met.length) facts.push(translate('app.history.deadlinesMet', { kinds: met.map((kind) => label('DeadlineKind', kind)).join(', ') }));
    if (data.late === true) facts.push(translate('app.history.lateAccepted'));
    if (asString(data.scheduledAt)) facts.push(translate('app.history.at', { moment: formatDateTime(String(data.scheduledAt)) }));
    if (asString(data.to) && event.type === 'HEARING_RESCHEDULED') {
      const to = formatDateTime(String(data.to));
      facts.push(
        asString(data.from) ? translate('app.history.movedFromTo', { from: formatDateTime(String(data.from)), to }) : translate('app.history.movedTo', { to }),
      );
    }
    if (asString(data.form)) facts.push(label('HearingForm', String(data.form)).toLowerCase());
    if (asString(data.heldForm)) facts.push(label('HearingForm', String(data.heldForm)).toLowerCase());
    if (asString(data.chairName)) facts.push(translate('app.history.chair', { name: String(data.chairName) }));
    if (data.subjectEmployeeAttends === true) facts.push(translate('app.history.employeeAttends'));
    if (asString(data.complainantAgreedAt))
      facts.push(translate('app.history.complainantAgreed', { moment: formatDateTime(String(data.complainantAgreedAt)) }));
    if (asString(data.organisationAgreedBy)) facts.push(translate('app.history.organisationAgreed', { name: String(data.organisationAgreedBy) }));
    if (asString(data.outcome) && event.type === 'OBJECTION_DECIDED') facts.push(label('ObjectionOutcome', String(data.outcome)));
    if (asString(data.partyName)) facts.push(translate('app.history.to', { name: String(data.partyName) }));
    if (typeof data.binding === 'boolean') facts.push(translate(data.binding ? 'app.history.binding' : 'app.history.notBinding'));
    if (asString(data.outcomeDate)) facts.push(translate('app.history.outcomeOf', { date: formatDay(String(data.outcomeDate)) }));
    if (asString(data.fileName) && event.type === 'ATTACHMENT_ADDED') {
      facts.push(`${String(data.fileName)}${typeof data.sizeBytes === 'number' ? ` (${formatBytes(data.sizeBytes)})` : ''}`);
    }
    if (asString(data.rule) && event.type === 'ANONYMISED') facts.push(label('RemovalRule', String(data.rule)));
    if (asString(data.heldSince) && event.type === 'LEGAL_HOLD_LIFTED')
      facts.push(translate('app.history.heldSince', { moment: formatDateTime(String(data.heldSince)) }));
    const opened = kindsOf(data.deadlinesOpened);
    if (opened.length) facts.push(translate('app.history.deadlinesOpened', { kinds: opened.map((kind) => label('DeadlineKind', kind)).join(', ') }));
    return {
      facts,
      text: asString(data.text) ?? asString(data.note) ?? asString(data.reason) ?? asString(data.lateAcceptanceReason) ?? asString(data.furtherOptions),
    };
  };
};

export const HistoryPanel = ({ record }: { record: ComplaintRecord }) => {
  const label = useEnumLabel();
  const translate = useTranslate();
  const details = useEventDetails();
  const events = [...(record.history ?? [])].reverse(); // newest first
  return (
    <Panel title="app.history.title">
      {events.length === 0 ? <Empty>{translate('app.history.none')}</Empty> : null}
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
                  {event.actor?.name ??
                    translate(
                      event.data?.by === 'COMPLAINANT'
                        ? 'app.history.complainantOnline'
                        : event.type === 'SUBMITTED'
                          ? 'app.history.website'
                          : 'app.history.system',
                    )}
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
