import IconButton from '@mui/material/IconButton';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Fragment, useState } from 'react';
import { useTranslate, type TranslateFunction } from 'react-admin';
import { amountText } from './amounts';
import { DeadlineStatusChip, useEnumLabel } from './chips';
import { formatDateTime, formatDay } from './format';
import { Empty, Panel, SmallTable } from './panel';
import type { ComplaintRecord, DeadlineRow } from './types';

type Explanation = DeadlineRow['explanation'];
type Skipped = Explanation['skipped'];

/** The event a deadline counts from, as the sentence needs it ("de ontvangst"). */
const FROM: Record<string, string> = {
  RECEIPT: 'app.explanation.from.RECEIPT',
  RESPONSE: 'app.explanation.from.RESPONSE',
  OBJECTION: 'app.explanation.from.OBJECTION',
  REOPENING: 'app.explanation.from.REOPENING',
  INFORMATION_REQUEST: 'app.explanation.from.INFORMATION_REQUEST',
  EXTENSION: 'app.explanation.from.EXTENSION',
};

/** "Koningsdag (ma 27 apr 2026), 4 weekenddagen": the named days one by one (their names are the API's), the weekend days counted. */
export const skippedText = (skipped: Skipped, translate: TranslateFunction): string => {
  const named = skipped.filter((day) => day.reason !== 'WEEKEND').map((day) => `${day.name} (${formatDay(day.date)})`);
  const weekend = skipped.length - named.length;
  return [...named, ...(weekend ? [translate('app.explanation.weekendDays', { smart_count: weekend })] : [])].join(', ');
};

/** The explanation of a due date as sentences, in the order it was reached (DOMAIN.md, Explaining a date). */
export const explanationLines = (kind: string, explanation: Explanation, translate: TranslateFunction): string[] => {
  const from = FROM[explanation.startsAt];
  const start = translate('app.explanation.start', { event: from ? translate(from) : explanation.startsAt, moment: formatDateTime(explanation.startedAt) });
  const lines: string[] = [];
  const nominal = formatDay(explanation.nominalDate);
  if (kind === 'INFORMATION') lines.push(translate('app.explanation.information', { date: nominal, start }));
  else if (kind === 'EXTENSION_NOTICE') lines.push(translate('app.explanation.extensionNotice', { date: nominal, start }));
  else if (explanation.unit === 'SAME_DAY') lines.push(translate('app.explanation.sameDay', { start }));
  else lines.push(translate('app.explanation.term', { term: amountText(explanation.unit, explanation.amount, translate), start }));
  if (explanation.skipped.length) {
    const counted = explanation.unit === 'WORKING_DAYS' || explanation.unit === 'SAME_DAY';
    const days = skippedText(explanation.skipped, translate);
    lines.push(counted ? translate('app.explanation.notCounted', { days }) : translate('app.explanation.notAWorkingDay', { date: nominal, days }));
  }
  for (const adjustment of explanation.adjustments) {
    const moved = translate('app.explanation.moved', { from: formatDay(adjustment.previousDueDate), to: formatDay(adjustment.dueDate) });
    const passed = adjustment.skipped.length ? translate('app.explanation.passed', { days: skippedText(adjustment.skipped, translate) }) : '';
    if (adjustment.kind === 'PAUSE') {
      const length =
        adjustment.workingDays !== null && adjustment.workingDays !== undefined
          ? amountText('WORKING_DAYS', adjustment.workingDays, translate)
          : adjustment.calendarDays !== null && adjustment.calendarDays !== undefined
            ? amountText('CALENDAR_DAYS', adjustment.calendarDays, translate)
            : amountText('HOURS', adjustment.hours ?? 0, translate);
      lines.push(translate('app.explanation.paused', { from: formatDateTime(adjustment.from), to: formatDateTime(adjustment.to), length, moved, passed }));
    } else {
      const weeks = amountText('WEEKS', adjustment.weeks ?? 0, translate);
      const reason = adjustment.reason ? ` (${adjustment.reason})` : '';
      lines.push(translate('app.explanation.extended', { weeks, reason, moved, passed }));
    }
  }
  lines.push(translate('app.explanation.dueBy', { date: formatDay(explanation.dueDate) }));
  return lines;
};

const DeadlineRows = ({ deadline }: { deadline: DeadlineRow }) => {
  const label = useEnumLabel();
  const translate = useTranslate();
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
            aria-label={translate('app.deadlinesPanel.why', { name: name.toLowerCase(), date: formatDay(deadline.dueDate) })}
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
            <Typography
              variant="caption"
              component="ul"
              sx={{ m: 0, pl: 2 }}
              aria-label={translate('app.deadlinesPanel.explanation', { name: name.toLowerCase() })}
            >
              {explanationLines(deadline.kind, deadline.explanation, translate).map((line) => (
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
  const translate = useTranslate();
  const deadlines = record.deadlines ?? [];
  return (
    <Panel title="app.deadlinesPanel.title">
      {deadlines.length === 0 ? (
        <Empty>{translate(record.kind === 'SIGNAL' ? 'app.deadlinesPanel.noneForSignal' : 'app.deadlinesPanel.none')}</Empty>
      ) : (
        <SmallTable label="app.deadlinesPanel.title" columns={['app.deadlinesPanel.kind', 'app.deadlinesPanel.dueBy', 'app.deadlinesPanel.status']}>
          {deadlines.map((deadline) => (
            <DeadlineRows key={deadline.id} deadline={deadline} />
          ))}
        </SmallTable>
      )}
    </Panel>
  );
};
