import Chip, { type ChipProps } from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import { useTranslate } from 'react-admin';
import { humanise } from '../i18n/domain-labels';
import { amsterdamDay, formatDateTime, formatDay } from './format';
import type { ComplaintRow, DeadlineRow } from './types';

/** The label of an enum value in the panel's language (see i18n/domain-labels.ts). */
export const useEnumLabel = () => {
  const translate = useTranslate();
  return (enumName: string, value: string | null | undefined): string => (value ? translate(`enums.${enumName}.${value}`, { _: humanise(value) }) : '');
};

const STATUS_COLOURS: Record<string, ChipProps['color']> = {
  RECEIVED: 'info',
  FORWARDED: 'info',
  ACKNOWLEDGED: 'primary',
  IN_PROGRESS: 'primary',
  REOPENED: 'warning',
  OBJECTED: 'warning',
  REFERRED: 'warning',
  RESPONDED: 'secondary',
  CLOSED: 'success',
  ARCHIVED: 'default',
  WITHDRAWN: 'default',
};

/** The chips are spans, so they may stand in a line of text (a card's secondary line is a paragraph). */
export const ComplaintStatusChip = ({ status }: { status: string | null | undefined }) => {
  const label = useEnumLabel();
  if (!status) return null;
  return <Chip component="span" size="small" color={STATUS_COLOURS[status] ?? 'default'} label={label('ComplaintStatus', status)} data-status={status} />;
};

/** A deadline's state: met (late or not), breached, open — or cancelled because moot, or standing still during a pause. */
export const DeadlineStatusChip = ({
  deadline,
}: {
  deadline: Pick<DeadlineRow, 'status' | 'metAt' | 'late'> & Partial<Pick<DeadlineRow, 'cancelledAt' | 'pausedAt'>>;
}) => {
  const label = useEnumLabel();
  const translate = useTranslate();
  const text = label('DeadlineStatus', deadline.status);
  if (deadline.status === 'CANCELLED') {
    return (
      <Tooltip title={translate('app.chips.cancelledAt', { date: formatDateTime(deadline.cancelledAt) })}>
        <Chip component="span" size="small" variant="outlined" label={text} data-status="CANCELLED" />
      </Tooltip>
    );
  }
  if (deadline.status === 'PAUSED') {
    return (
      <Tooltip title={translate('app.chips.pausedSince', { date: formatDateTime(deadline.pausedAt) })}>
        <Chip component="span" size="small" variant="outlined" color="secondary" label={text} data-status="PAUSED" />
      </Tooltip>
    );
  }
  if (deadline.status === 'MET') {
    return (
      <Tooltip title={deadline.metAt ? translate('app.chips.metAt', { date: formatDateTime(deadline.metAt) }) : ''}>
        <Chip
          component="span"
          size="small"
          variant="outlined"
          color={deadline.late ? 'warning' : 'success'}
          label={deadline.late ? translate('app.chips.metLate', { status: text }) : text}
        />
      </Tooltip>
    );
  }
  return (
    <Chip
      component="span"
      size="small"
      color={deadline.status === 'BREACHED' ? 'error' : 'info'}
      variant={deadline.status === 'BREACHED' ? 'filled' : 'outlined'}
      label={text}
    />
  );
};

/** "2 werkdagen te laat", "vandaag verlopen": how late a deadline is, in working days (the API counts them). */
export const useLateness = () => {
  const translate = useTranslate();
  return (workingDaysLate: number | null | undefined): string =>
    workingDaysLate === null || workingDaysLate === undefined
      ? ''
      : workingDaysLate === 0
        ? translate('app.deadlines.lateToday')
        : translate('app.deadlines.lateWorkingDays', { smart_count: workingDaysLate });
};

/**
 * The list's deadline column, naming the deadline: red "Antwoord: 2 werkdagen te laat" when the next one the
 * organisation owes is past due, orange "Antwoord: vandaag" when it is due today (Amsterdam), else its kind and date;
 * the exact moment in the tooltip. From the complaint's own row (nextDueAt, nextDueKind): no deadlines are read.
 */
export const DeadlineBadge = ({ record }: { record: Pick<ComplaintRow, 'nextDueAt' | 'nextDueKind' | 'nextDueWorkingDaysLate'> }) => {
  const label = useEnumLabel();
  const lateness = useLateness();
  const translate = useTranslate();
  if (!record.nextDueAt) return <span>—</span>;
  const kind = label('DeadlineKind', record.nextDueKind);
  const moment = formatDateTime(record.nextDueAt);
  const late = record.nextDueWorkingDaysLate;
  const chip = (color: ChipProps['color'], text: string) => (
    <Tooltip title={moment}>
      <Chip component="span" size="small" color={color} label={`${kind}: ${text}`} data-due={color === 'error' ? 'late' : 'today'} />
    </Tooltip>
  );
  if (late !== null && late !== undefined) return chip('error', lateness(late));
  if (amsterdamDay(record.nextDueAt) === amsterdamDay()) return chip('warning', translate('app.deadlines.dueToday'));
  return (
    <Tooltip title={moment}>
      <span style={{ whiteSpace: 'nowrap' }}>
        {kind}: {formatDay(amsterdamDay(record.nextDueAt))}
      </span>
    </Tooltip>
  );
};
