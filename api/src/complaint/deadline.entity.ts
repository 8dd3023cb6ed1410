import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { DueExplanationData } from '../calendar/due-explanation';
import { DeadlineUnit } from '../calendar/working-calendar';
import { Complaint } from './complaint.entity';
import { DeadlineKind, DeadlineStart, DeadlineStatus, oneOfSql } from './complaint.enums';

@ObjectType({ description: 'A deadline on a complaint: due when, and whether it was met.' })
@Entity('deadline')
@Index('deadline_open_due_idx', ['dueAt'], { where: '"met_at" IS NULL AND "cancelled_at" IS NULL' })
@Index('deadline_complaint_idx', ['complaintId', 'kind'])
// the watch's sweeps (api/src/jobs/deadline-watch.ts): each reads only what is still to do
@Index('deadline_breach_due_idx', ['dueAt'], { where: '"met_at" IS NULL AND "cancelled_at" IS NULL AND "breached_at" IS NULL' })
@Index('deadline_remind_due_idx', ['remindAt'], { where: '"reminded_at" IS NULL AND "met_at" IS NULL AND "cancelled_at" IS NULL' })
@Index('deadline_escalate_again_idx', ['secondEscalationAt'], { where: '"second_escalated_at" IS NULL AND "met_at" IS NULL AND "cancelled_at" IS NULL' })
@Check('deadline_kind_check', oneOfSql('kind', DeadlineKind))
@Check('deadline_unit_check', oneOfSql('unit', DeadlineUnit))
@Check('deadline_starts_at_check', oneOfSql('starts_at', DeadlineStart))
export class Deadline {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'deadline_complaint_fk' })
  complaint?: Complaint;

  @Field(() => DeadlineKind)
  @Column({ type: 'varchar', length: 30 })
  kind: DeadlineKind;

  @Field(() => Int, { description: 'The term, as the policy set it at receipt.' })
  @Column({ type: 'int' })
  amount: number;

  @Field(() => DeadlineUnit)
  @Column({ type: 'varchar', length: 20 })
  unit: DeadlineUnit;

  @Field(() => DeadlineStart)
  @Column({ name: 'starts_at', type: 'varchar', length: 20 })
  startsAt: DeadlineStart;

  @Field(() => Date, { description: 'The moment of the event it counts from.' })
  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Field(() => Date, { description: 'The end of the due date in Amsterdam (or the exact hour for an hours term).' })
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Field({ description: 'YYYY-MM-DD, Europe/Amsterdam.' })
  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'met_at', type: 'timestamptz', nullable: true })
  metAt: Date | null;

  /** No longer relevant (the complaint was withdrawn, or a reopening replaced it); kept for the record. */
  @Field(() => Date, { nullable: true })
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  /** When whoever owes the step is to be reminded (the policy's lead before the due moment); null: not at all. */
  @Field(() => Date, { nullable: true, description: 'When whoever owes it is reminded (the policy sets how long before it is due).' })
  @Column({ name: 'remind_at', type: 'timestamptz', nullable: true })
  remindAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the reminder went out.' })
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  /** Recorded by the watch the moment it passed unmet (the history gets a DEADLINE_BREACHED event dated then). */
  @Field(() => Date, { nullable: true, description: 'When it passed unmet, as recorded (and escalated) by the watch.' })
  @Column({ name: 'breached_at', type: 'timestamptz', nullable: true })
  breachedAt: Date | null;

  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  /** When a breach still open is escalated again (the policy's working days after it); null: once only. */
  @Column({ name: 'second_escalation_at', type: 'timestamptz', nullable: true })
  secondEscalationAt: Date | null;

  @Column({ name: 'second_escalated_at', type: 'timestamptz', nullable: true })
  secondEscalatedAt: Date | null;

  /** Since when it stands still (its complaint waits for the complainant's information); moved on resume. */
  @Field(() => Date, { nullable: true, description: 'Since when it stands still: the complainant was asked for information. Its due date moves on resume.' })
  @Column({ name: 'paused_at', type: 'timestamptz', nullable: true })
  pausedAt: Date | null;

  /** How the due date was reached (calendar/due-explanation.ts); null for deadlines from before explanations were kept. */
  @Column({ type: 'jsonb', nullable: true })
  explanation: DueExplanationData | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  statusAt(now: Date): DeadlineStatus {
    if (this.metAt) return DeadlineStatus.MET;
    // missed before it became moot: it stays missed (and counts so)
    if (this.cancelledAt) return this.cancelledAt > this.dueAt ? DeadlineStatus.BREACHED : DeadlineStatus.CANCELLED;
    // a paused deadline cannot lapse: it moves by the paused time when the clock runs again
    if (this.pausedAt) return DeadlineStatus.PAUSED;
    return now > this.dueAt ? DeadlineStatus.BREACHED : DeadlineStatus.PENDING;
  }
}

@ObjectType({ description: "How many of the organisation's open deadlines fall in each window (the deadline tabs)." })
export class DeadlineCounts {
  @Field(() => Int, { description: 'Past their due moment.' })
  overdue: number;

  @Field(() => Int, { description: 'Due later today.' })
  today: number;

  @Field(() => Int, { description: 'Due after today, by the end of the week.' })
  laterThisWeek: number;
}
