import IconButton from '@mui/material/IconButton';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Fragment, useState } from 'react';
import { DeadlineStatusChip, useEnumLabel } from './chips';
import { formatDateTime, formatDay } from './format';
import { Empty, Panel, SmallTable } from './panel';
import type { ComplaintRecord, DeadlineRow } from './types';

type Explanation = DeadlineRow['explanation'];
type Skipped = Explanation['skipped'];

/** The event a deadline counts from, as the sentence needs it. */
const FROM: Record<string, string> = {
  RECEIPT: 'de ontvangst',
  RESPONSE: 'het antwoord',
  OBJECTION: 'het bezwaar',
  REOPENING: 'de heropening',
  INFORMATION_REQUEST: 'het verzoek om informatie',
  EXTENSION: 'de verdaging',
};

const plural = (amount: number, one: string, many: string) => `${amount} ${amount === 1 ? one : many}`;

const TERMS: Record<string, (amount: number) => string> = {
  WORKING_DAYS: (amount) => plural(amount, 'werkdag', 'werkdagen'),
  CALENDAR_DAYS: (amount) => plural(amount, 'dag', 'dagen'),
  WEEKS: (amount) => plural(amount, 'week', 'weken'),
  HOURS: (amount) => plural(amount, 'uur', 'uur'),
};

/** "Koningsdag (ma 27 apr 2026), 4 weekenddagen": the named days one by one, the weekend days counted. */
export const skippedText = (skipped: Skipped): string => {
  const named = skipped.filter((day) => day.reason !== 'WEEKEND').map((day) => `${day.name} (${formatDay(day.date)})`);
  const weekend = skipped.length - named.length;
  return [...named, ...(weekend ? [plural(weekend, 'weekenddag', 'weekenddagen')] : [])].join(', ');
};

/** The explanation of a due date as sentences, in the order it was reached (DOMAIN.md, Explaining a date). */
export const explanationLines = (kind: string, explanation: Explanation): string[] => {
  const start = `${FROM[explanation.startsAt] ?? explanation.startsAt} op ${formatDateTime(explanation.startedAt)}`;
  const lines: string[] = [];
  if (kind === 'INFORMATION') lines.push(`De klager is gevraagd te antwoorden vóór ${formatDay(explanation.nominalDate)} (${start}).`);
  else if (kind === 'EXTENSION_NOTICE')
    lines.push(`Vóór de oorspronkelijke uiterste datum van het antwoord, ${formatDay(explanation.nominalDate)} (${start}).`);
  else if (explanation.unit === 'SAME_DAY') lines.push(`Dezelfde dag als ${start}.`);
  else lines.push(`${TERMS[explanation.unit]?.(explanation.amount) ?? explanation.amount} na ${start}.`);
  if (explanation.skipped.length) {
    const counted = explanation.unit === 'WORKING_DAYS' || explanation.unit === 'SAME_DAY';
    lines.push(
      counted
        ? `Niet meegeteld: ${skippedText(explanation.skipped)}.`
        : `${formatDay(explanation.nominalDate)} is geen werkdag (${skippedText(explanation.skipped)}): de eerstvolgende werkdag telt (Algemene termijnenwet).`,
    );
  }
  for (const adjustment of explanation.adjustments) {
    const moved = `van ${formatDay(adjustment.previousDueDate)} naar ${formatDay(adjustment.dueDate)}`;
    const passed = adjustment.skipped.length ? `; daarbij niet meegeteld: ${skippedText(adjustment.skipped)}` : '';
    if (adjustment.kind === 'PAUSE') {
      const length =
        adjustment.workingDays !== null && adjustment.workingDays !== undefined
          ? plural(adjustment.workingDays, 'werkdag', 'werkdagen')
          : adjustment.calendarDays !== null && adjustment.calendarDays !== undefined
            ? plural(adjustment.calendarDays, 'dag', 'dagen')
            : `${adjustment.hours ?? 0} uur`;
      lines.push(
        `Stilgestaan van ${formatDateTime(adjustment.from)} tot ${formatDateTime(adjustment.to)} (wachten op de klager): ${length}, verschoven ${moved}${passed}.`,
      );
    } else {
      lines.push(`Verdaagd met ${plural(adjustment.weeks ?? 0, 'week', 'weken')}${adjustment.reason ? ` (${adjustment.reason})` : ''}: ${moved}${passed}.`);
    }
  }
  lines.push(`Uiterlijk ${formatDay(explanation.dueDate)}.`);
  return lines;
};

const DeadlineRows = ({ deadline }: { deadline: DeadlineRow }) => {
  const label = useEnumLabel();
  const [open, setOpen] = useState(false);
  const name = label('DeadlineKind', deadline.kind);
  return (
    <Fragment>
      <TableRow data-kind={deadline.kind} data-status={deadline.status} sx={deadline.status === 'CANCELLED' ? { opacity: 0.6 } : undefined}>
        <TableCell>{name}</TableCell>
        <TableCell sx={{ whiteSpace: 'nowrap' }} title={formatDateTime(deadline.dueAt)}>
          {formatDay(deadline.dueDate)}
          <IconButton
            size="small"
            aria-expanded={open}
            aria-label={`Waarom ${name.toLowerCase()} op ${formatDay(deadline.dueDate)}?`}
            onClick={() => setOpen((was) => !was)}
          >
            <Typography component="span" variant="caption" sx={{ fontWeight: 'bold', px: 0.5 }}>
              ?
            </Typography>
          </IconButton>
        </TableCell>
        <TableCell>
          <DeadlineStatusChip deadline={deadline} />
          {deadline.metAt ? (
            <Typography variant="caption" color="text.secondary" component="div">
              {formatDateTime(deadline.metAt)}
            </Typography>
          ) : null}
        </TableCell>
      </TableRow>
      {open ? (
        <TableRow data-explains={deadline.kind}>
          <TableCell colSpan={3} sx={{ bgcolor: 'action.hover' }}>
            <Typography variant="caption" component="ul" sx={{ m: 0, pl: 2 }} aria-label={`Uitleg ${name.toLowerCase()}`}>
              {explanationLines(deadline.kind, deadline.explanation).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </Typography>
          </TableCell>
        </TableRow>
      ) : null}
    </Fragment>
  );
};

/** The complaint's deadlines, each with why it is due when it is (the "?" beside the date). */
export const DeadlinesPanel = ({ record }: { record: ComplaintRecord }) => {
  const deadlines = record.deadlines ?? [];
  return (
    <Panel title="Termijnen">
      {deadlines.length === 0 ? (
        <Empty>Geen termijnen{record.kind === 'SIGNAL' ? ': een melding loopt geen procedure' : ''}.</Empty>
      ) : (
        <SmallTable label="Termijnen" columns={['Termijn', 'Uiterlijk', 'Status']}>
          {deadlines.map((deadline) => (
            <DeadlineRows key={deadline.id} deadline={deadline} />
          ))}
        </SmallTable>
      )}
    </Panel>
  );
};
