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

@ObjectType({ description: 'A length of time, counted as DOMAIN.md counts time.' })
export class TermOfTime {
  @Field(() => Int)
  amount: number;

  @Field(() => DeadlineUnit)
  unit: DeadlineUnit;
}

/** What a complaint keeps of its policy when it is received: later edits of the policy do not touch it. */
export interface PolicySnapshot {
  key: string;
  forwardTo: ForwardTarget | null;
  receiverMayResolve: boolean;
  referral: ReferralKind | null;
  rules: DeadlineRule[];
  /** The longest the clock may stand still waiting for the complainant; null: no pausing. (Absent in snapshots from before pausing: as null.) */
  maxPause?: TermOfTime | null;
  /** After an unanswered request lapsed, the complaint may be closed for lack of response. */
  closeWhenUnanswered?: boolean;
  /** The longest extension of the answer, in weeks; null: no extension. */
  extensionWeeks?: number | null;
  /** A letter or e-mail goes to the unit's director at intake (seed 002). */
  writtenToManagement?: boolean;
  /** How long before a deadline whoever owes the step is reminded (working days or hours); null or absent: not reminded. */
  reminder?: TermOfTime | null;
  /** Working days after a breach before it is escalated a second time; null or absent: once only. */
  secondEscalationWorkingDays?: number | null;
  /** A complaint from the website with an e-mail address gets the confirmation of receipt at once. */
  autoAcknowledge?: boolean;
  /** That automatic confirmation is the first contact (meets ACKNOWLEDGE); else a person still calls or writes. */
  autoAcknowledgementCounts?: boolean;
  /** A HANDLER of the complaint's unit may pick it up from the unassigned queue (absent in older snapshots: no). */
  selfAssignment?: boolean;
}

/** DOMAIN.md, Forgetting: a closed dossier is kept two years by default; the bounds of the setting. */
export const DEFAULT_RETENTION_MONTHS = 24;
export const RETENTION_MONTHS = { min: 1, max: 240 } as const;

@ObjectType({ description: 'A complaint procedure as data: its deadlines and routing (the presets come from the seeds).' })
@Entity('policy')
@Index('policy_key_key', ['key'], { unique: true })
@Index('policy_one_default', ['isDefault'], { unique: true, where: '"is_default"' })
@Check('policy_forward_to_check', `forward_to IS NULL OR ${oneOfSql('forward_to', ForwardTarget)}`)
@Check('policy_referral_check', `referral IS NULL OR ${oneOfSql('referral', ReferralKind)}`)
@Check(
  'policy_max_pause_check',
  `(max_pause_amount IS NULL) = (max_pause_unit IS NULL) AND (max_pause_unit IS NULL OR ${oneOfSql('max_pause_unit', DeadlineUnit)})`,
)
@Check('policy_extension_weeks_check', 'extension_weeks IS NULL OR extension_weeks BETWEEN 1 AND 26')
@Check('policy_reminder_check', "(reminder_amount IS NULL) = (reminder_unit IS NULL) AND (reminder_unit IS NULL OR reminder_unit IN ('WORKING_DAYS', 'HOURS'))")
@Check('policy_retention_months_check', `retention_months BETWEEN ${RETENTION_MONTHS.min} AND ${RETENTION_MONTHS.max}`)
@Check('policy_second_escalation_check', 'second_escalation_working_days IS NULL OR second_escalation_working_days BETWEEN 1 AND 60')
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

  @Column({ name: 'max_pause_amount', type: 'int', nullable: true })
  maxPauseAmount: number | null;

  @Column({ name: 'max_pause_unit', type: 'varchar', length: 20, nullable: true })
  maxPauseUnit: DeadlineUnit | null;

  @Field(() => TermOfTime, {
    nullable: true,
    description: 'The longest the clock may stand still while the complainant is asked for information; null: no pausing.',
  })
  get maxPause(): TermOfTime | null {
    return this.maxPauseAmount !== null && this.maxPauseUnit !== null ? { amount: this.maxPauseAmount, unit: this.maxPauseUnit } : null;
  }

  @Field({ description: 'When a request for information lapsed unanswered, the complaint may be closed for lack of response (with a reasoned note).' })
  @Column({ name: 'close_when_unanswered', type: 'boolean', default: false })
  closeWhenUnanswered: boolean;

  @Field(() => Int, { nullable: true, description: 'The longest extension of the answer, in weeks (Awb 9:11: 4); null: no extension.' })
  @Column({ name: 'extension_weeks', type: 'int', nullable: true })
  extensionWeeks: number | null;

  @Field({ description: 'A complaint received by letter or e-mail goes to the director of its unit at intake (seed 002).' })
  @Column({ name: 'written_to_management', type: 'boolean', default: false })
  writtenToManagement: boolean;

  @Column({ name: 'reminder_amount', type: 'int', nullable: true })
  reminderAmount: number | null;

  @Column({ name: 'reminder_unit', type: 'varchar', length: 20, nullable: true })
  reminderUnit: DeadlineUnit | null;

  @Field(() => TermOfTime, {
    nullable: true,
    description: 'How long before a deadline whoever owes the step is reminded (working days or hours); null: no reminders.',
  })
  get reminder(): TermOfTime | null {
    return this.reminderAmount !== null && this.reminderUnit !== null ? { amount: this.reminderAmount, unit: this.reminderUnit } : null;
  }

  @Field(() => Int, { nullable: true, description: 'Working days after a breach before it is escalated again (to the director); null: once only.' })
  @Column({ name: 'second_escalation_working_days', type: 'int', nullable: true })
  secondEscalationWorkingDays: number | null;

  @Field({ description: 'A complaint from the website with an e-mail address gets the confirmation of receipt at once.' })
  @Column({ name: 'auto_acknowledge', type: 'boolean', default: true })
  autoAcknowledge: boolean;

  @Field({ description: 'The automatic confirmation is the first contact (meets ACKNOWLEDGE); false: a person still makes contact.' })
  @Column({ name: 'auto_acknowledgement_counts', type: 'boolean', default: false })
  autoAcknowledgementCounts: boolean;

  @Field({ description: "A HANDLER of a complaint's unit may pick it up from the unassigned queue (else a DIRECTOR assigns)." })
  @Column({ name: 'self_assignment', type: 'boolean', default: false })
  selfAssignment: boolean;

  @Field({ description: "The complainant's status page names the complaint's handler (as the policy is now); false: it names no one of the staff." })
  @Column({ name: 'status_page_names_handler', type: 'boolean', default: false })
  statusPageNamesHandler: boolean;

  @Field(() => Int, {
    description: 'How many months a closed dossier is kept before it is anonymised (AVG; seed 003). Counted from closure or withdrawal.',
  })
  @Column({ name: 'retention_months', type: 'int', default: DEFAULT_RETENTION_MONTHS })
  retentionMonths: number;

  snapshot(): PolicySnapshot {
    return {
      key: this.key,
      forwardTo: this.forwardTo,
      receiverMayResolve: this.receiverMayResolve,
      referral: this.referral,
      rules: this.rules,
      maxPause: this.maxPause,
      closeWhenUnanswered: this.closeWhenUnanswered,
      extensionWeeks: this.extensionWeeks,
      writtenToManagement: this.writtenToManagement,
      reminder: this.reminder,
      secondEscalationWorkingDays: this.secondEscalationWorkingDays,
      autoAcknowledge: this.autoAcknowledge,
      autoAcknowledgementCounts: this.autoAcknowledgementCounts,
      selfAssignment: this.selfAssignment,
    };
  }
}
