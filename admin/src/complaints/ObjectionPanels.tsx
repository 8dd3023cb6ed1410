import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ChipProps } from '@mui/material/Chip';
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
  const objection = record.objection;
  if (!objection) return null;
  // who accepted a late objection: the actor of the OBJECTION_FILED event
  const filedBy = record.history?.find((event) => event.type === 'OBJECTION_FILED')?.actor;
  return (
    <Panel title="Bezwaar">
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1, mb: 1.5 }}>
        {objection.late ? <Chip size="small" color="warning" label="Te laat ingediend" /> : null}
        {objection.outcome ? (
          <Chip
            size="small"
            color={OUTCOME_COLOURS[objection.outcome] ?? 'default'}
            label={`Beslissing: ${label('ObjectionOutcome', objection.outcome).toLowerCase()}`}
          />
        ) : null}
        {objection.settledAt ? <Chip size="small" color="success" label="Geschikt" /> : null}
        {objection.hearingWaivedAt ? <Chip size="small" variant="outlined" label="Afgezien van hoorzitting" /> : null}
        {!objection.outcome && !objection.settledAt && record.status === 'OBJECTED' ? (
          <Chip size="small" color="info" variant="outlined" label="Loopt" />
        ) : null}
        {!objection.outcome && !objection.settledAt && record.referrals?.length ? <Chip size="small" variant="outlined" label="Extern verwezen" /> : null}
      </Stack>
      <Item label="Ontvangen op">{`${formatDateTime(objection.receivedAt)}, ${label('Channel', objection.channel).toLowerCase()}`}</Item>
      <Item label="Gronden">{objection.grounds}</Item>
      <Item label="Te laat aanvaard">{objection.late ? `${objection.lateAcceptanceReason ?? ''}${filedBy ? ` (door ${filedBy.name})` : ''}` : null}</Item>
      <Item label="Directeur (beslist)">{objection.director ? <StaffLink staff={objection.director} /> : null}</Item>
      <Item label="Afgezien van hoorzitting op">{formatDateTime(objection.hearingWaivedAt)}</Item>
      <Item label="Notitie bij afzien">{objection.waiverNote}</Item>
      <Item label="Geschikt op">{formatDateTime(objection.settledAt)}</Item>
      <Item label="Beslissing">{label('ObjectionOutcome', objection.outcome)}</Item>
      <Item label="Motivering">{objection.reasoning}</Item>
      <Item label="Verdere mogelijkheden voor de klager">{objection.furtherOptions}</Item>
      <Item label="Besloten">
        {objection.decidedAt ? (
          <>
            {formatDateTime(objection.decidedAt)}
            {objection.decidedBy ? (
              <>
                {' door '}
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

const attendanceOf = (hearing: HearingRow): string => {
  const present = ['klager', 'voorzitter'];
  if (hearing.handlerAttends) present.push('klachtbehandelaar');
  if (hearing.subjectEmployeeAttends) present.push('medewerker over wie de klacht gaat');
  return present.join(', ');
};

const consentOf = (hearing: HearingRow): string | null =>
  hearing.complainantConsents || hearing.employeeConsents || hearing.subjectEmployeeAttends
    ? `klager ${hearing.complainantConsents ? 'stemt in' : 'stemt niet in'}, medewerker ${hearing.employeeConsents ? 'stemt in' : 'stemt niet in'}`
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
  const settled = hearing.settledAt || hearing.settlementTerms;
  return (
    <>
      <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1 }}>
        <Chip
          size="small"
          color={HEARING_STATUS_COLOURS[hearing.status] ?? 'default'}
          variant={hearing.status === 'RESCHEDULED' ? 'outlined' : 'filled'}
          label={lapsed ? 'Vervallen' : label('HearingStatus', hearing.status)}
        />
        <Typography variant="subtitle2" component="span">
          {formatDateTime(hearing.scheduledAt)}
        </Typography>
        <Typography variant="body2" color="text.secondary" component="span">
          {label('HearingForm', hearing.form)}
          {hearing.location ? ` — ${hearing.location}` : ''}
        </Typography>
        {settled ? <Chip size="small" color="success" variant="outlined" label="Schikking" /> : null}
      </Stack>
      <Box
        sx={{
          display: 'grid',
          columnGap: 2,
          gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, minmax(0, 1fr))' },
        }}
      >
        <Item label="Voorzitter">
          <StaffLink staff={hearing.chair} />
        </Item>
        <Item label="Aanwezig">{attendanceOf(hearing)}</Item>
        <Item label="Instemming aanwezigheid medewerker">{consentOf(hearing)}</Item>
        <Item label="Klager komt">{hearing.complainantAcceptedAt ? `bevestigd op ${formatDateTime(hearing.complainantAcceptedAt)} (online)` : null}</Item>
        <Item label="Verzet">{replaced ? `van ${formatDateTime(replaced.scheduledAt)}${movedReason ? `: ${movedReason}` : ''}` : null}</Item>
        <Item label="Vervallen">{lapsed ? (hearing.rescheduleReason ?? 'ja') : null}</Item>
        <Item label="Gehouden">
          {hearing.heldAt ? `${formatDateTime(hearing.heldAt)}${hearing.heldForm ? `, ${label('HearingForm', hearing.heldForm).toLowerCase()}` : ''}` : null}
        </Item>
      </Box>
      <Item label="Verslag">{hearing.minutes}</Item>
      <Item label="Voorstel">{hearing.proposal}</Item>
      <Item label="Schikking">{hearing.settlementTerms}</Item>
      {settled ? (
        <Box sx={{ display: 'grid', columnGap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, minmax(0, 1fr))' } }}>
          <Item label="Klager akkoord op">{formatDateTime(hearing.complainantAgreedAt)}</Item>
          <Item label="Akkoord namens de organisatie">
            {hearing.organisationAgreedBy ? <StaffLink staff={hearing.organisationAgreedBy} /> : null}
            {hearing.organisationAgreedAt ? ` op ${formatDateTime(hearing.organisationAgreedAt)}` : null}
          </Item>
        </Box>
      ) : null}
    </>
  );
};

/** Hoorzittingen: every hearing of the objection, the rescheduled ones included, oldest first. */
export const HearingsPanel = ({ record }: { record: ComplaintRecord }) => {
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
    <Panel title="Hoorzittingen">
      {hearings.length === 0 ? (
        <Empty>{record.objection?.hearingWaivedAt ? 'De klager heeft afgezien van een hoorzitting.' : 'Nog geen hoorzitting gepland.'}</Empty>
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
  return (
    <>
      <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1 }}>
        <Typography variant="subtitle2" component="span">
          {referral.party.name}
        </Typography>
        <Typography variant="body2" color="text.secondary" component="span">
          {label('ExternalPartyKind', referral.party.kind)}
        </Typography>
        {referral.binding ? <Chip size="small" color="secondary" label="Bindend" /> : <Chip size="small" variant="outlined" label="Niet bindend" />}
        {referral.outcomeRecordedAt ? (
          <Chip size="small" color="success" label="Uitkomst bekend" />
        ) : (
          <Chip size="small" color="info" variant="outlined" label="Wacht op uitkomst" />
        )}
      </Stack>
      <Item label="Verwezen">
        {formatDateTime(referral.referredAt)}
        {referral.referredBy ? (
          <>
            {' door '}
            <StaffLink staff={referral.referredBy} />
          </>
        ) : null}
      </Item>
      <Item label="Reden">{referral.reason}</Item>
      <Item label="Meegestuurd">{referral.whatSent}</Item>
      <Item label="Uitkomst">{referral.outcome}</Item>
      <Item label="Datum uitkomst">{formatDay(referral.outcomeDate)}</Item>
      <Item label="Uitkomst vastgelegd op">{formatDateTime(referral.outcomeRecordedAt)}</Item>
    </>
  );
};

/** Doorverwijzingen: to whom, whether the ruling binds, why, what was sent, and the outcome. */
export const ReferralsPanel = ({ record }: { record: ComplaintRecord }) => {
  const referrals = record.referrals ?? [];
  if (referrals.length === 0) return null;
  return (
    <Panel title="Doorverwijzingen">
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
