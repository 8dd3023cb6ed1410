import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { useEnumLabel } from './chips';
import { formatDateTime, formatDay } from './format';
import { Empty, Item, Panel, StaffLink } from './panel';
import { amountText } from './amounts';
import type { ComplaintRecord } from './types';

/**
 * Where the clock stands, above the page: standing still for the complainant's information (until when),
 * run out without an answer (what may follow), extended (and whether the complainant was told).
 */
export const ClockBanner = ({ record }: { record: ComplaintRecord }) => {
  const translate = useTranslate();
  const open = record.pauses?.find((pause) => !pause.resumedAt);
  const notice = record.deadlines?.find((deadline) => deadline.kind === 'EXTENSION_NOTICE' && !deadline.cancelledAt);
  return (
    <>
      {open ? (
        <Alert severity="info" role="status" data-clock="paused">
          {translate('app.clock.paused', { since: formatDateTime(record.pausedSince), answerBy: formatDay(open.answerBy) })}
        </Alert>
      ) : null}
      {!open && record.pauseLapsedAt && record.closedAt === null && record.withdrawnAt === null ? (
        <Alert severity="warning" role="status" data-clock="lapsed">
          {translate('app.clock.lapsed', { at: formatDateTime(record.pauseLapsedAt) })}
          {record.policy?.closeWhenUnanswered ? ` ${translate('app.clock.mayClose')}` : ''}
        </Alert>
      ) : null}
      {record.extendedAt ? (
        <Alert severity={notice && !notice.metAt ? 'warning' : 'info'} role="status" data-clock="extended">
          {translate('app.clock.extended', {
            at: formatDateTime(record.extendedAt),
            weeks: amountText('WEEKS', record.extensionWeeks ?? 0, translate),
            reason: record.extensionReason ?? '',
          })}
          {notice && !notice.metAt ? ` ${translate('app.clock.noticeDue', { date: formatDay(notice.dueDate) })}` : ''}
        </Alert>
      ) : null}
    </>
  );
};

/** The requests for information: what was asked, until when, and how each ended. */
export const PausesPanel = ({ record }: { record: ComplaintRecord }) => {
  const label = useEnumLabel();
  const translate = useTranslate();
  const pauses = record.pauses ?? [];
  if (pauses.length === 0) return null;
  return (
    <Panel title="app.clock.pausesTitle">
      {pauses.map((pause) => (
        <Box
          key={pause.id}
          component="section"
          aria-label={translate('app.clock.pause', { date: formatDay(pause.requestedAt) })}
          sx={{ mb: 2 }}
          data-ended={pause.endedBy ?? 'OPEN'}
        >
          <Item label="app.clock.requested">
            {translate('app.clock.requestedText', {
              at: formatDateTime(pause.requestedAt),
              channel: label('Channel', pause.channel).toLowerCase(),
              answerBy: formatDay(pause.answerBy),
            })}
          </Item>
          <Item label="app.clock.by">{pause.requestedBy ? <StaffLink staff={pause.requestedBy} /> : null}</Item>
          <Item label="app.clock.question">{pause.question}</Item>
          <Item label="app.clock.ending">
            {pause.resumedAt
              ? translate('app.clock.ended', {
                  how: label('PauseEnd', pause.endedBy ?? ''),
                  at: formatDateTime(pause.resumedAt),
                  days: amountText('WORKING_DAYS', pause.pausedWorkingDays ?? 0, translate),
                })
              : translate('app.clock.noAnswerYet')}
          </Item>
          <Item label="app.clock.answer">{pause.answer}</Item>
        </Box>
      ))}
      <Typography variant="caption" color="text.secondary">
        {translate('app.clock.pausedTotal', { days: amountText('WORKING_DAYS', record.pausedWorkingDays ?? 0, translate) })}
      </Typography>
    </Panel>
  );
};

/** The sides of the story of the employees the complaint names (hoor en wederhoor). */
export const StatementsPanel = ({ record }: { record: ComplaintRecord }) => {
  const translate = useTranslate();
  const statements = record.statements ?? [];
  if (statements.length === 0 && !record.subjects?.length) return null;
  return (
    <Panel title="app.clock.statementsTitle">
      {statements.length === 0 ? <Empty>{translate('app.clock.noStatement')}</Empty> : null}
      {statements.map((statement) => (
        <Item key={statement.id} label={`${statement.staff?.name ?? ''}, ${formatDateTime(statement.recordedAt)}`}>
          {statement.text}
        </Item>
      ))}
    </Panel>
  );
};

/** Shown to an employee the complaint names: what they see, and what they may do. */
export const ConcernsMeNotice = ({ record }: { record: ComplaintRecord }) => {
  const translate = useTranslate();
  return record.concernsMe ? (
    <Alert severity="info" data-view="concerned">
      {translate('app.clock.concernsMe')}
    </Alert>
  ) : null;
};
