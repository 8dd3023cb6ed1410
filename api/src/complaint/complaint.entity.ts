import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import { Category } from '../category/category.entity';
import { Policy, type PolicySnapshot } from '../policy/policy.entity';
import { BaseEntity } from '../shared/base.entity';
import { PERSONAL_DATA_ROLES } from '../shared/roles';
import { Staff } from '../staff/staff.entity';
import { Unit } from '../unit/unit.entity';
import { Complainant } from './complainant.entity';
import { Channel, ComplaintKind, ComplaintStatus, DeadlineKind, oneOfSql, Offer, Verdict } from './complaint.enums';
import { LENGTH } from '../shared/lengths';

@ObjectType({ description: 'A complaint (or a signal) and where it stands in the procedure.' })
@Entity('complaint')
@Index('complaint_reference_key', ['reference'], { unique: true })
@Index('complaint_unit_next_due_idx', ['unitId', 'nextDueAt'])
@Index('complaint_handler_idx', ['handlerId', 'status'])
@Index('complaint_registered_by_idx', ['registeredById'])
@Index('complaint_complainant_idx', ['complainantId'])
@Index('complaint_received_at_idx', ['receivedAt'])
@Index('complaint_status_idx', ['status', 'nextDueAt'])
@Index('complaint_updated_idx', ['updatedAt', 'id'])
@Index('complaint_search_idx', { synchronize: false })
@Index('complaint_open_next_due_idx', ['nextDueAt'], { where: '"next_due_at" IS NOT NULL' })
@Index('complaint_open_received_idx', ['receivedAt'], { where: '"next_due_at" IS NOT NULL' })
@Check('complaint_kind_check', oneOfSql('kind', ComplaintKind))
@Check('complaint_status_check', oneOfSql('status', ComplaintStatus))
@Check('complaint_channel_check', oneOfSql('channel', Channel))
@Check('complaint_verdict_check', `verdict IS NULL OR ${oneOfSql('verdict', Verdict)}`)
@Check(
  'complaint_offer_check',
  `offer <@ ARRAY[${Object.values(Offer)
    .map((offer) => `'${offer}'`)
    .join(', ')}]::varchar[]`,
)
@Check('complaint_legal_hold_check', '(legal_hold_at IS NULL) = (legal_hold_reason IS NULL)')
@Check('complaint_satisfaction_check', 'satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5')
export class Complaint extends BaseEntity {
  @Field({ description: 'KL-YYYY-NNNNNN: per year, without gaps or duplicates.' })
  @Column({ type: 'varchar', length: LENGTH.reference })
  reference: string;

  @Field(() => ComplaintKind)
  @Column({ type: 'varchar', length: 20 })
  kind: ComplaintKind;

  @Field(() => ComplaintStatus)
  @Column({ type: 'varchar', length: 20 })
  status: ComplaintStatus;

  @Field(() => Channel)
  @Column({ type: 'varchar', length: 20 })
  channel: Channel;

  @Field(() => Date, { description: 'When the organisation received it; every receipt deadline counts from here.' })
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Field(() => ID, { nullable: true, description: 'Null for the website.' })
  @Column({ name: 'registered_by_id', type: 'uuid', nullable: true })
  registeredById: string | null;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'registered_by_id', foreignKeyConstraintName: 'complaint_registered_by_fk' })
  registeredBy?: Staff;

  @Field(() => ID)
  @Column({ name: 'complainant_id', type: 'uuid' })
  complainantId: string;

  @ManyToOne(() => Complainant, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complainant_id', foreignKeyConstraintName: 'complaint_complainant_fk' })
  complainant?: Complainant;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'complaint_unit_fk' })
  unit?: Unit;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'category_id', type: 'uuid', nullable: true })
  categoryId: string | null;

  @ManyToOne(() => Category, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'complaint_category_fk' })
  category?: Category;

  @Field(() => ID)
  @Column({ name: 'policy_id', type: 'uuid' })
  policyId: string;

  @ManyToOne(() => Policy, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'policy_id', foreignKeyConstraintName: 'complaint_policy_fk' })
  policy?: Policy;

  /** The policy as it was at receipt; deadlines are computed from this, not from the live policy. */
  @Column({ name: 'policy_snapshot', type: 'jsonb' })
  policySnapshot: PolicySnapshot;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field({ description: 'What the complaint is about, in the words of the complainant or the receiver.' })
  @Column({ type: 'text' })
  description: string;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true, description: 'The service complained about, when it is not (only) an employee.' })
  @Column({ name: 'subject_service', type: 'varchar', length: LENGTH.subjectService, nullable: true })
  subjectService: string | null;

  @Field(() => [ID], { description: 'The employees the complaint is about; none of them may handle it.' })
  @Column({ name: 'subject_staff_ids', type: 'uuid', array: true, default: () => "'{}'" })
  subjectStaffIds: string[];

  @Field(() => ID, { nullable: true })
  @Column({ name: 'handler_id', type: 'uuid', nullable: true })
  handlerId: string | null;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'handler_id', foreignKeyConstraintName: 'complaint_handler_fk' })
  handler?: Staff;

  @Field(() => ID, { nullable: true, description: 'The supervisor or director it was forwarded to.' })
  @Column({ name: 'forwarded_to_id', type: 'uuid', nullable: true })
  forwardedToId: string | null;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'forwarded_to_id', foreignKeyConstraintName: 'complaint_forwarded_to_fk' })
  forwardedTo?: Staff;

  @Field(() => Verdict, { nullable: true })
  @Column({ type: 'varchar', length: 30, nullable: true })
  verdict: Verdict | null;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true, description: 'What caused it.' })
  @Column({ type: 'text', nullable: true })
  cause: string | null;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true, description: 'The solution or measures taken.' })
  @Column({ type: 'text', nullable: true })
  solution: string | null;

  @Field(() => [Offer])
  @Column({ type: 'varchar', length: 30, array: true, default: () => "'{}'" })
  offer: Offer[];

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true, description: 'What prevents it from happening again.' })
  @Column({ name: 'preventive_measure', type: 'text', nullable: true })
  preventiveMeasure: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'assessed_at', type: 'timestamptz', nullable: true })
  assessedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true, description: 'The answer to the complainant, in short.' })
  @Column({ name: 'response_summary', type: 'text', nullable: true })
  responseSummary: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the customer agreed with the outcome (recorded after the response).' })
  @Column({ name: 'customer_agreed', type: 'boolean', nullable: true })
  customerAgreed: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Satisfaction 1–5, when gauged.' })
  @Column({ type: 'smallint', nullable: true })
  satisfaction: number | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'outcome_recorded_at', type: 'timestamptz', nullable: true })
  outcomeRecordedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When an objection was filed (one per complaint).' })
  @Column({ name: 'objection_filed_at', type: 'timestamptz', nullable: true })
  objectionFiledAt: Date | null;

  /** The director the objection went to (of the complaint's unit at filing): the one who decides it. */
  @Field(() => ID, { nullable: true, description: 'The director who decides the objection (null: any DIRECTOR).' })
  @Column({ name: 'objection_director_id', type: 'uuid', nullable: true })
  objectionDirectorId: string | null;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'objection_director_id', foreignKeyConstraintName: 'complaint_objection_director_fk' })
  objectionDirector?: Staff;

  /** The hearing path, kept on the complaint so the procedure can decide from one row. */
  @Field(() => Date, { nullable: true, description: 'The moment of the hearing that is currently scheduled.' })
  @Column({ name: 'hearing_scheduled_at', type: 'timestamptz', nullable: true })
  hearingScheduledAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'hearing_held_at', type: 'timestamptz', nullable: true })
  hearingHeldAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'hearing_waived_at', type: 'timestamptz', nullable: true })
  hearingWaivedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the complainant said (online) they will come to the scheduled hearing.' })
  @Column({ name: 'hearing_accepted_at', type: 'timestamptz', nullable: true })
  hearingAcceptedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the complainant answered the satisfaction survey (satisfactionSurvey has the answer).' })
  @Column({ name: 'survey_answered_at', type: 'timestamptz', nullable: true })
  surveyAnsweredAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Since when the complainant asks to reopen it (an open request: REOPEN grants it, DECLINE_REOPEN_REQUEST declines it).',
  })
  @Column({ name: 'reopen_requested_at', type: 'timestamptz', nullable: true })
  reopenRequestedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'Since when the clock stands still: the complainant was asked for information (null: it runs).' })
  @Column({ name: 'paused_since', type: 'timestamptz', nullable: true })
  pausedSince: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a request for information lapsed unanswered (the complaint is flagged).' })
  @Column({ name: 'pause_lapsed_at', type: 'timestamptz', nullable: true })
  pauseLapsedAt: Date | null;

  @Field(() => Int, { description: 'Working days the clock stood still, all pauses together.' })
  @Column({ name: 'paused_working_days', type: 'int', default: 0 })
  pausedWorkingDays: number;

  @Field(() => Date, { nullable: true, description: 'When the answer was extended (once per complaint).' })
  @Column({ name: 'extended_at', type: 'timestamptz', nullable: true })
  extendedAt: Date | null;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'extension_weeks', type: 'int', nullable: true })
  extensionWeeks: number | null;

  @Field(() => String, { nullable: true, description: 'Why the answer was extended (told to the complainant).' })
  @Column({ name: 'extension_reason', type: 'text', nullable: true })
  extensionReason: string | null;

  @Field({ description: 'The receiver solved it at once, in agreement with the customer (seed 004).' })
  @Column({ name: 'resolved_by_receiver', type: 'boolean', default: false })
  resolvedByReceiver: boolean;

  @Field(() => Int, { nullable: true, description: 'Working days from receipt to the first contact (acknowledgement or answer).' })
  @Column({ name: 'ack_working_days', type: 'int', nullable: true })
  ackWorkingDays: number | null;

  @Field(() => Int, { nullable: true, description: 'Working days from receipt to the (first) response.' })
  @Column({ name: 'response_working_days', type: 'int', nullable: true })
  responseWorkingDays: number | null;

  @Field(() => Int, { nullable: true, description: 'Working days from receipt to closure.' })
  @Column({ name: 'closure_working_days', type: 'int', nullable: true })
  closureWorkingDays: number | null;

  @Field(() => Int, { nullable: true, description: 'As responseWorkingDays, without the working days the clock stood still.' })
  @Column({ name: 'response_net_working_days', type: 'int', nullable: true })
  responseNetWorkingDays: number | null;

  @Field(() => Int, { nullable: true, description: 'As closureWorkingDays, without the working days the clock stood still.' })
  @Column({ name: 'closure_net_working_days', type: 'int', nullable: true })
  closureNetWorkingDays: number | null;

  @Field(() => Date, { nullable: true, description: 'The earliest due moment among its open deadlines.' })
  @Column({ name: 'next_due_at', type: 'timestamptz', nullable: true })
  nextDueAt: Date | null;

  @Field(() => DeadlineKind, { nullable: true, description: 'Which deadline nextDueAt is (the earliest the organisation owes).' })
  @Column({ name: 'next_due_kind', type: 'varchar', length: 30, nullable: true })
  nextDueKind: DeadlineKind | null;

  /** The search document (name, description, service), kept by the database's triggers (migration DailyUse): never written here. */
  @Column({ name: 'search_vector', type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector?: string;

  /** A DIRECTOR's legal hold (DOMAIN.md, Forgetting): while set, the dossier is not anonymised. */
  @Field(() => Date, { nullable: true, description: "Since when a DIRECTOR's legal hold keeps the dossier from being anonymised (null: no hold)." })
  @Column({ name: 'legal_hold_at', type: 'timestamptz', nullable: true })
  legalHoldAt: Date | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'legal_hold_by_id', type: 'uuid', nullable: true })
  legalHoldById: string | null;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'legal_hold_by_id', foreignKeyConstraintName: 'complaint_legal_hold_by_fk' })
  legalHoldBy?: Staff;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true, description: 'Why the dossier is held.' })
  @Column({ name: 'legal_hold_reason', type: 'text', nullable: true })
  legalHoldReason: string | null;

  /** SHA-256 of the complainant's status code (portal/status-code.ts); the code itself is never stored. */
  @Column({ name: 'status_code_hash', type: 'varchar', length: 64, nullable: true, select: false })
  statusCodeHash: string | null;

  @Field(() => Date, { nullable: true, description: "When the complainant's current status code was issued (null: none; the code is shown once)." })
  @Column({ name: 'status_code_issued_at', type: 'timestamptz', nullable: true })
  statusCodeIssuedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When its personal data was removed (retention or erasure; see the retention ledger). Nothing more can be recorded on it.',
  })
  @Column({ name: 'anonymised_at', type: 'timestamptz', nullable: true })
  anonymisedAt: Date | null;
}
