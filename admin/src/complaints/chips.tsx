import Chip, { type ChipProps } from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import { useTranslate } from 'react-admin';
import { humanise } from '../i18n/domain-labels';
import { amsterdamDay, formatDateTime, formatDay } from './format';
import type { ComplaintRecord, DeadlineRow } from './types';

/** The Dutch label of an enum value (see i18n/domain-labels.ts). */
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

export const ComplaintStatusChip = ({ status }: { status: string | null | undefined }) => {
  const label = useEnumLabel();
  if (!status) return null;
  return <Chip size="small" color={STATUS_COLOURS[status] ?? 'default'} label={label('ComplaintStatus', status)} data-status={status} />;
};

/**
 * A deadline's state: "Open" (blue), "Gehaald" (green, with when, and "te laat" when after its
 * due moment), "Verlopen" (red).
 */
/** A deadline's state: met (late or not), breached, open — or cancelled because moot, or standing still during a pause. */
export const DeadlineStatusChip = ({
  deadline,
}: {
  deadline: Pick<DeadlineRow, 'status' | 'metAt' | 'late'> & Partial<Pick<DeadlineRow, 'cancelledAt' | 'pausedAt'>>;
}) => {
  const label = useEnumLabel();
  const text = label('DeadlineStatus', deadline.status);
  if (deadline.status === 'CANCELLED') {
    return (
      <Tooltip title={`Vervallen op ${formatDateTime(deadline.cancelledAt)}: niet meer van toepassing`}>
        <Chip size="small" variant="outlined" label="Vervallen" data-status="CANCELLED" />
      </Tooltip>
    );
  }
  if (deadline.status === 'PAUSED') {
    return (
      <Tooltip title={`Staat stil sinds ${formatDateTime(deadline.pausedAt)}: de klager is om informatie gevraagd`}>
        <Chip size="small" variant="outlined" color="secondary" label="Staat stil" data-status="PAUSED" />
      </Tooltip>
    );
  }
  if (deadline.status === 'MET') {
    return (
      <Tooltip title={deadline.metAt ? `Gehaald op ${formatDateTime(deadline.metAt)}` : ''}>
        <Chip size="small" variant="outlined" color={deadline.late ? 'warning' : 'success'} label={deadline.late ? `${text}, te laat` : text} />
      </Tooltip>
    );
  }
  return (
    <Chip
      size="small"
      color={deadline.status === 'BREACHED' ? 'error' : 'info'}
      variant={deadline.status === 'BREACHED' ? 'filled' : 'outlined'}
      label={text}
    />
  );
};

/**
 * The list's deadline column: red "Te laat" when an open deadline is past due, orange "Vandaag"
 * when one is due today (Amsterdam), else the earliest due date.
 */
export const DeadlineBadge = ({ record }: { record: ComplaintRecord }) => {
  const label = useEnumLabel();
  // what is owed now: not met, not moot, not standing still
  const open = (record.deadlines ?? []).filter((deadline) => deadline.status === 'PENDING' || deadline.status === 'BREACHED');
  const earliest = [...open].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  const describe = (deadline: DeadlineRow | undefined) => (deadline ? `${label('DeadlineKind', deadline.kind)}: ${formatDateTime(deadline.dueAt)}` : '');
  const breached = open.find((deadline) => deadline.status === 'BREACHED');
  if (breached) {
    return (
      <Tooltip title={describe(breached)}>
        <Chip size="small" color="error" label="Te laat" />
      </Tooltip>
    );
  }
  const today = amsterdamDay();
  const dueToday = open.find((deadline) => deadline.dueDate === today);
  if (dueToday) {
    return (
      <Tooltip title={describe(dueToday)}>
        <Chip size="small" color="warning" label="Vandaag" />
      </Tooltip>
    );
  }
  if (earliest) {
    return (
      <Tooltip title={describe(earliest)}>
        <span>{formatDay(earliest.dueDate)}</span>
      </Tooltip>
    );
  }
  return record.nextDueAt ? <span>{formatDateTime(record.nextDueAt)}</span> : <span>—</span>;
};
