import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ChipProps } from '@mui/material/Chip';
import { useTranslate, type TranslateFunction } from 'react-admin';
import { useEnumLabel } from './chips';
import { formatDateTime, formatDay } from './format';
import { Empty, Item, Panel, StaffLink } from './panel';
import type { ComplaintRecord, HearingRow, ReferralRow } from './types';

/** The sections of the complaint page for steps 7–9: objection, hearings, external referrals. */

const OUTCOME_COLOURS: Record<string, ChipProps['color']> = {
  UPHELD: 'success',
  PARTLY_UPHELD: 'warning',
  REJECTED: 'default',
};

/** Bezwaar: when and how it came in, late or not, and how it ended (settled, decided). */
export const ObjectionPanel = ({ record }: { record: ComplaintRecord }) => {
  const label = useEnumLabel();
  const translate = useTranslate();
  const objection = record.objection;
  if (!objection) return null;
  // who accepted a late objection: the actor of the OBJECTION_FILED event
  const filedBy = record.history?.find((event) => event.type === 'OBJECTION_FILED')?.actor;
  return (
    <Panel title="app.objection.title">
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, mb: 1.5 }}>
        {objection.late ? <Chip size="small" color="warning" label={translate('app.objection.late')} /> : null}
        {objection.outcome ? (
          <Chip
            size="small"
            color={OUTCOME_COLOURS[objection.outcome] ?? 'default'}
            label={translate('app.objection.decisionChip', { outcome: label('ObjectionOutcome', objection.outcome).toLowerCase() })}
          />
        ) : null}
        {objection.settledAt ? <Chip size="small" color="success" label={translate('app.objection.settled')} /> : null}
        {objection.hearingWaivedAt ? <Chip size="small" variant="outlined" label={translate('app.objection.waived')} /> : null}
        {!objection.outcome && !objection.settledAt && record.status === 'OBJECTED' ? (
          <Chip size="small" color="info" variant="outlined" label={translate('app.objection.running')} />
        ) : null}
        {!objection.outcome && !objection.settledAt && record.referrals?.length ? (
          <Chip size="small" variant="outlined" label={translate('app.objection.referred')} />
        ) : null}
      </Stack>
      <Item label="app.objection.receivedAt">{`${formatDateTime(objection.receivedAt)}, ${label('Channel', objection.channel).toLowerCase()}`}</Item>
      <Item label="app.objection.grounds">{objection.grounds}</Item>
      <Item label="app.objection.lateAccepted">
        {objection.late ? `${objection.lateAcceptanceReason ?? ''}${filedBy ? ` (${translate('app.common.by', { name: filedBy.name })})` : ''}` : null}
      </Item>
      <Item label="app.objection.director">{objection.director ? <StaffLink staff={objection.director} /> : null}</Item>
      <Item label="app.objection.waivedAt">{formatDateTime(objection.hearingWaivedAt)}</Item>
      <Item label="app.objection.waiverNote">{objection.waiverNote}</Item>
      <Item label="app.objection.settledAt">{formatDateTime(objection.settledAt)}</Item>
      <Item label="app.objection.decision">{label('ObjectionOutcome', objection.outcome)}</Item>
      <Item label="app.objection.reasoning">{objection.reasoning}</Item>
      <Item label="app.objection.furtherOptions">{objection.furtherOptions}</Item>
      <Item label="app.objection.decided">
        {objection.decidedAt ? (
          <>
            {formatDateTime(objection.decidedAt)}
            {objection.decidedBy ? (
              <>
                {` ${translate('app.objection.by')} `}
                <StaffLink staff={objection.decidedBy} />
              </>
            ) : null}
          </>
        ) : null}
      </Item>
    </Panel>
  );
};

const HEARING_STATUS_COLOURS: Record<string, ChipProps['color']> = {
  SCHEDULED: 'info',
  HELD: 'success',
  RESCHEDULED: 'default',
};

const attendanceOf = (hearing: HearingRow, translate: TranslateFunction): string => {
  const present = ['app.hearing.presentComplainant', 'app.hearing.presentChair'];
  if (hearing.handlerAttends) present.push('app.hearing.presentHandler');
  if (hearing.subjectEmployeeAttends) present.push('app.hearing.presentEmployee');
  return present.map((key) => translate(key)).join(', ');
};

const consentOf = (hearing: HearingRow, translate: TranslateFunction): string | null =>
  hearing.complainantConsents || hearing.employeeConsents || hearing.subjectEmployeeAttends
    ? translate('app.hearing.consent', {
        complainant: translate(hearing.complainantConsents ? 'app.hearing.consents' : 'app.hearing.doesNotConsent'),
        employee: translate(hearing.employeeConsents ? 'app.hearing.consents' : 'app.hearing.doesNotConsent'),
      })
    : null;

const HearingItem = ({
  hearing,
  replaced,
  movedReason,
  lapsed,
}: {
  hearing: HearingRow;
  /** The hearing this one replaced, when it was rescheduled. */
  replaced?: HearingRow;
  /** Why it was moved here (from the HEARING_RESCHEDULED event). */
  movedReason?: string;
  /** Set aside without a successor (the complainant waived the hearing). */
  lapsed: boolean;
}) => {
  const label = useEnumLabel();
  const translate = useTranslate();
  const settled = hearing.settledAt || hearing.settlementTerms;
  return (
    <>
      <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1 }}>
        <Chip
          size="small"
          color={HEARING_STATUS_COLOURS[hearing.status] ?? 'default'}
          variant={hearing.status === 'RESCHEDULED' ? 'outlined' : 'filled'}
          label={lapsed ? label('HearingStatus', 'CANCELLED') : label('HearingStatus', hearing.status)}
        />
        <Typography variant="subtitle2" component="span">
          {formatDateTime(hearing.scheduledAt)}
        </Typography>
        <Typography variant="body2" color="text.secondary" component="span">
          {label('HearingForm', hearing.form)}
          {hearing.location ? ` — ${hearing.location}` : ''}
        </Typography>
        {settled ? <Chip size="small" color="success" variant="outlined" label={translate('app.hearing.settlement')} /> : null}
      </Stack>
      <Box
        sx={{
          display: 'grid',
          columnGap: 2,
          gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, minmax(0, 1fr))' },
        }}
      >
        <Item label="app.hearing.chair">
          <StaffLink staff={hearing.chair} />
        </Item>
        <Item label="app.hearing.present">{attendanceOf(hearing, translate)}</Item>
        <Item label="app.hearing.consentLabel">{consentOf(hearing, translate)}</Item>
        <Item label="app.hearing.complainantComes">
          {hearing.complainantAcceptedAt ? translate('app.hearing.confirmedOnline', { at: formatDateTime(hearing.complainantAcceptedAt) }) : null}
        </Item>
        <Item label="app.hearing.moved">
          {replaced ? translate('app.hearing.movedFrom', { from: formatDateTime(replaced.scheduledAt) }) + (movedReason ? `: ${movedReason}` : '') : null}
        </Item>
        <Item label="app.hearing.lapsed">{lapsed ? (hearing.rescheduleReason ?? translate('app.common.yes').toLowerCase()) : null}</Item>
        <Item label="app.hearing.held">
          {hearing.heldAt ? `${formatDateTime(hearing.heldAt)}${hearing.heldForm ? `, ${label('HearingForm', hearing.heldForm).toLowerCase()}` : ''}` : null}
        </Item>
      </Box>
      <Item label="app.hearing.minutes">{hearing.minutes}</Item>
      <Item label="app.hearing.proposal">{hearing.proposal}</Item>
      <Item label="app.hearing.settlement">{hearing.settlementTerms}</Item>
      {settled ? (
        <Box sx={{ display: 'grid', columnGap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, minmax(0, 1fr))' } }}>
          <Item label="app.hearing.complainantAgreedAt">{formatDateTime(hearing.complainantAgreedAt)}</Item>
          <Item label="app.hearing.organisationAgreed">
            {hearing.organisationAgreedBy ? <StaffLink staff={hearing.organisationAgreedBy} /> : null}
            {hearing.organisationAgreedAt ? ` ${translate('app.hearing.on', { at: formatDateTime(hearing.organisationAgreedAt) })}` : null}
          </Item>
        </Box>
      ) : null}
    </>
  );
};

/** Hoorzittingen: every hearing of the objection, the rescheduled ones included, oldest first. */
export const HearingsPanel = ({ record }: { record: ComplaintRecord }) => {
  const translate = useTranslate();
  const hearings = record.hearings ?? [];
  if (!record.objection && hearings.length === 0) return null;
  const byId = new Map(hearings.map((hearing) => [hearing.id, hearing]));
  const replacedIds = new Set(hearings.map((hearing) => hearing.rescheduledFromId).filter(Boolean));
  // the reason a hearing was moved, as the step recorded it (waiving overwrites rescheduleReason)
  const movedReasons = new Map(
    (record.history ?? [])
      .filter((event) => event.type === 'HEARING_RESCHEDULED' && typeof event.data?.hearingId === 'string')
      .map((event) => [String(event.data?.hearingId), typeof event.data?.reason === 'string' ? event.data.reason : undefined]),
  );
  return (
    <Panel title="app.hearing.title">
      {hearings.length === 0 ? (
        <Empty>{translate(record.objection?.hearingWaivedAt ? 'app.hearing.waived' : 'app.hearing.none')}</Empty>
      ) : (
        <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {hearings.map((hearing, index) => (
            <Box component="li" key={hearing.id} data-status={hearing.status}>
              {index > 0 ? <Divider sx={{ my: 1.5 }} /> : null}
              <HearingItem
                hearing={hearing}
                replaced={hearing.rescheduledFromId ? byId.get(hearing.rescheduledFromId) : undefined}
                movedReason={movedReasons.get(hearing.id) ?? undefined}
                lapsed={hearing.status === 'RESCHEDULED' && !replacedIds.has(hearing.id)}
              />
            </Box>
          ))}
        </Box>
      )}
    </Panel>
  );
};

const ReferralItem = ({ referral }: { referral: ReferralRow }) => {
  const label = useEnumLabel();
  const translate = useTranslate();
  return (
    <>
      <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1 }}>
        <Typography variant="subtitle2" component="span">
          {referral.party.name}
        </Typography>
        <Typography variant="body2" color="text.secondary" component="span">
          {label('ExternalPartyKind', referral.party.kind)}
        </Typography>
        {referral.binding ? (
          <Chip size="small" color="secondary" label={translate('app.referral.binding')} />
        ) : (
          <Chip size="small" variant="outlined" label={translate('app.referral.notBinding')} />
        )}
        {referral.outcomeRecordedAt ? (
          <Chip size="small" color="success" label={translate('app.referral.outcomeKnown')} />
        ) : (
          <Chip size="small" color="info" variant="outlined" label={translate('app.referral.awaitingOutcome')} />
        )}
      </Stack>
      <Item label="app.referral.referred">
        {formatDateTime(referral.referredAt)}
        {referral.referredBy ? (
          <>
            {` ${translate('app.objection.by')} `}
            <StaffLink staff={referral.referredBy} />
          </>
        ) : null}
      </Item>
      <Item label="app.referral.reason">{referral.reason}</Item>
      <Item label="app.referral.whatSent">{referral.whatSent}</Item>
      <Item label="app.referral.outcome">{referral.outcome}</Item>
      <Item label="app.referral.outcomeDate">{formatDay(referral.outcomeDate)}</Item>
      <Item label="app.referral.outcomeRecordedAt">{formatDateTime(referral.outcomeRecordedAt)}</Item>
    </>
  );
};

/** Doorverwijzingen: to whom, whether the ruling binds, why, what was sent, and the outcome. */
export const ReferralsPanel = ({ record }: { record: ComplaintRecord }) => {
  const referrals = record.referrals ?? [];
  if (referrals.length === 0) return null;
  return (
    <Panel title="app.referral.title">
      <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {referrals.map((referral, index) => (
          <Box component="li" key={referral.id} data-open={referral.outcomeRecordedAt ? 'false' : 'true'}>
            {index > 0 ? <Divider sx={{ my: 1.5 }} /> : null}
            <ReferralItem referral={referral} />
          </Box>
        ))}
      </Box>
    </Panel>
  );
};
