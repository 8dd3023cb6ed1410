import { DateTime } from 'luxon';
import { IsNull, type DataSource } from 'typeorm';
import { Complaint } from '../complaint/complaint.entity';
import { ComplaintAction } from '../complaint/complaint.procedure';
import type { ProcedureEngine } from '../complaint/procedure-engine';
import { restrictToVisible } from '../complaint/visibility';
import type { Caller } from '../shared/caller';
import type { Clock } from '../shared/clock';
import { ZONE } from '../shared/clock';
import { FieldCode, problem, UserInputError } from '../shared/errors';
import { pageOf, whereEquals, whereIds } from '../shared/list-query';
import type { Page } from '../shared/pagination';
import { ExternalParty } from './external-party.entity';
import { Referral } from './referral.entity';
import type { ReferInput, ReferralListArgs, ReferralOutcomeInput } from './referral.input';

/** Step 9: referral to a mediator, the Nationale ombudsman or another party, and its outcome. */
export class ReferralService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: ProcedureEngine,
    private readonly clock: Clock,
  ) {}

  async refer(caller: Caller, id: string, version: number, input: ReferInput) {
    const referredAt = this.engine.pastMoment(input.referredAt, 'referredAt');
    return this.engine.step(caller, id, version, ComplaintAction.REFER, async (complaint, manager) => {
      const party = await manager.getRepository(ExternalParty).findOneBy({ id: input.partyId, active: true });
      if (!party)
        throw new UserInputError(
          'There is no active external party with this id.',
          { partyId: problem(FieldCode.NO_ACTIVE_PARTY, 'no active external party with this id') },
          'UNKNOWN_REFERENCE',
        );
      const referral = manager.getRepository(Referral).create({
        complaintId: complaint.id,
        partyId: party.id,
        referredAt: referredAt.toJSDate(),
        referredById: caller.id,
        reason: input.reason.trim(),
        whatSent: input.whatSent.trim(),
        binding: party.binding,
      });
      await manager.getRepository(Referral).save(referral);
      return { at: referredAt, data: { referralId: referral.id, partyId: party.id, partyName: party.name, partyKind: party.kind, binding: party.binding } };
    });
  }

  async recordOutcome(caller: Caller, id: string, version: number, input: ReferralOutcomeInput) {
    const outcomeDate = DateTime.fromISO(input.outcomeDate, { zone: ZONE });
    if (outcomeDate.startOf('day') > this.clock.now().startOf('day')) {
      throw new UserInputError(
        'The outcome date lies in the future.',
        { outcomeDate: problem(FieldCode.IN_THE_FUTURE, 'lies in the future') },
        'IN_THE_FUTURE',
      );
    }
    return this.engine.step(caller, id, version, ComplaintAction.RECORD_REFERRAL_OUTCOME, async (complaint, manager) => {
      const referral = await manager
        .getRepository(Referral)
        .findOneOrFail({ where: { complaintId: complaint.id, outcomeRecordedAt: IsNull() }, order: { referredAt: 'DESC' } });
      const now = this.clock.now().toJSDate();
      await manager
        .getRepository(Referral)
        .update({ id: referral.id }, { outcome: input.outcome.trim(), outcomeDate: input.outcomeDate, outcomeRecordedAt: now });
      // A binding ruling (an MfN mediator's) closes the complaint with that outcome; a report leaves it closed for follow-up.
      complaint.closedAt = now;
      return { data: { referralId: referral.id, outcomeDate: input.outcomeDate, binding: referral.binding } };
    });
  }

  /** Referrals of complaints the caller may see; open ones first when asked. One statement. */
  async list(caller: Caller, args: ReferralListArgs): Promise<Page<Referral>> {
    const query = this.dataSource
      .getRepository(Referral)
      .createQueryBuilder('referral')
      .innerJoin(Complaint, 'complaint', 'complaint.id = referral.complaint_id')
      .innerJoin(ExternalParty, 'party', 'party.id = referral.party_id');
    restrictToVisible(query, caller, 'complaint', { naming: 'exclude' });
    const filter = args.filter ?? {};
    if (filter.open === true) query.andWhere('referral.outcome_recorded_at IS NULL');
    if (filter.open === false) query.andWhere('referral.outcome_recorded_at IS NOT NULL');
    whereEquals(query, { 'referral.party_id': filter.partyId, 'party.kind': filter.kind });
    whereIds(query, 'referral.id', filter.ids);
    return pageOf(query, args, 'referral.referred_at', args.sortOrder, 'referral.id');
  }
}
