import { Check, Column, Entity, Index } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { DeadlineUnit } from '../calendar/working-calendar';
import { DeadlineKind, DeadlineStart, ForwardTarget, oneOfSql, ReferralKind } from '../complaint/complaint.enums';
import { BaseEntity } from '../shared/base.entity';
import { LENGTH } from '../shared/lengths';

@ObjectType({ description: 'One deadline a policy sets: its kind, its term and the event it is counted from.' })
export class DeadlineRule {
  @Field(() => DeadlineKind)
  kind: DeadlineKind;

  @Field(() => Int)
  amount: number;

  @Field(() => DeadlineUnit)
  unit: DeadlineUnit;

  @Field(() => DeadlineStart)
  startsAt: DeadlineStart;
}

/** What a complaint keeps of its policy when it is received: later edits of the policy do not touch it. */
export interface PolicySnapshot {
  key: string;
  forwardTo: ForwardTarget | null;
  receiverMayResolve: boolean;
  referral: ReferralKind | null;
  rules: DeadlineRule[];
}

@ObjectType({ description: 'A complaint procedure as data: its deadlines and routing (the presets come from the seeds).' })
@Entity('policy')
@Index('policy_key_key', ['key'], { unique: true })
@Index('policy_one_default', ['isDefault'], { unique: true, where: '"is_default"' })
@Check('policy_forward_to_check', `forward_to IS NULL OR ${oneOfSql('forward_to', ForwardTarget)}`)
@Check('policy_referral_check', `referral IS NULL OR ${oneOfSql('referral', ReferralKind)}`)
export class Policy extends BaseEntity {
  @Field({ description: 'Stable key, e.g. focus, procedure-klachten, reintegratie, reset-partner.' })
  @Column({ type: 'varchar', length: LENGTH.key })
  key: string;

  @Field()
  @Column({ type: 'varchar', length: LENGTH.name })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => ForwardTarget, { nullable: true, description: 'Whom the receiver forwards to; null: no forwarding step.' })
  @Column({ name: 'forward_to', type: 'varchar', length: 20, nullable: true })
  forwardTo: ForwardTarget | null;

  @Field({ description: 'The receiver may resolve the complaint directly; doing so meets FORWARD.' })
  @Column({ name: 'receiver_may_resolve', type: 'boolean', default: false })
  receiverMayResolve: boolean;

  @Field(() => ReferralKind, { nullable: true, description: 'Where the complainant can go when it is not resolved internally.' })
  @Column({ type: 'varchar', length: 20, nullable: true })
  referral: ReferralKind | null;

  @Field({ description: "The organisation's default, used for units without a policy of their own." })
  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault: boolean;

  @Field(() => [DeadlineRule])
  @Column({ type: 'jsonb', default: () => "'[]'" })
  rules: DeadlineRule[];

  snapshot(): PolicySnapshot {
    return { key: this.key, forwardTo: this.forwardTo, receiverMayResolve: this.receiverMayResolve, referral: this.referral, rules: this.rules };
  }
}
