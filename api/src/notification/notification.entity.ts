import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Complaint } from '../complaint/complaint.entity';
import { oneOfSql } from '../complaint/complaint.enums';
import { Staff } from '../staff/staff.entity';

export enum NotificationKind {
  /** A complaint names you (Awb 9:9: the employee concerned is told). */
  SUBJECT_OF_COMPLAINT = 'SUBJECT_OF_COMPLAINT',
  /** The answer to a complaint about you was extended (Awb 9:11, lid 2). */
  EXTENDED = 'EXTENDED',
  /** The complaint about you was answered: its findings (Awb 9:12). */
  FINDINGS = 'FINDINGS',
  /** You are the complaint's handler now. */
  ASSIGNED = 'ASSIGNED',
  /** A complaint was passed on to you. */
  FORWARDED = 'FORWARDED',
  /** A deadline you owe is near (the policy's lead). */
  REMINDER = 'REMINDER',
  /** A deadline you owe passed unmet. */
  BREACHED = 'BREACHED',
  /** A deadline someone you answer for owes passed unmet (data.level 1 or 2). */
  ESCALATED = 'ESCALATED',
  /** The complainant objected to the answer. */
  OBJECTION_FILED = 'OBJECTION_FILED',
  /** A hearing you chair or handle is tomorrow. */
  HEARING_TOMORROW = 'HEARING_TOMORROW',
  /** The working day's digest: what is overdue, due today and due this week. */
  DIGEST = 'DIGEST',
  /** The complainant answered the request for information (online): the clock runs again. */
  INFORMATION_RECEIVED = 'INFORMATION_RECEIVED',
  /** The complainant accepted (data.accepted) or waived the hearing online. */
  HEARING_ANSWERED = 'HEARING_ANSWERED',
  /** The complainant, not satisfied, asks to reopen the complaint: the quality manager decides. */
  REOPEN_REQUESTED = 'REOPEN_REQUESTED',
}
registerEnumType(NotificationKind, { name: 'NotificationKind' });

/**
 * A message to a member of staff, stored per recipient (read or not). `key` makes it once-only: the watch's
 * reminders, escalations and digests carry one (deadline, due moment, recipient), so a second run, a second
 * instance or a run after a crash finds it there and adds nothing.
 */
@ObjectType({ description: 'A message to you: about a complaint (assigned, forwarded, a reminder, a breach, an objection, a hearing), or the digest.' })
@Entity('notification')
@Index('notification_staff_idx', ['staffId', 'createdAt'])
@Unique('notification_key_key', ['key'])
@Check('notification_kind_check', oneOfSql('kind', NotificationKind))
export class Notification {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @ManyToOne(() => Staff, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_id', foreignKeyConstraintName: 'notification_staff_fk' })
  staff?: Staff;

  @Field(() => ID, { nullable: true, description: 'The complaint it is about (none for the digest).' })
  @Column({ name: 'complaint_id', type: 'uuid', nullable: true })
  complaintId: string | null;

  @ManyToOne(() => Complaint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'notification_complaint_fk' })
  complaint?: Complaint;

  @Field(() => NotificationKind)
  @Column({ type: 'varchar', length: 30 })
  kind: NotificationKind;

  @Field(() => ID, { nullable: true, description: 'The deadline a reminder, breach or escalation is about.' })
  @Column({ name: 'deadline_id', type: 'uuid', nullable: true })
  deadlineId: string | null;

  /** Once-only: what it is for (e.g. REMINDER:<deadline>:<due moment>:<recipient>); null for messages a step sends once by itself. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  key: string | null;

  @Field(() => GraphQLJSONObject, { description: 'What it says, as data: the deadline kind and due date, the level of an escalation, the digest lists.' })
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @Field(() => Date)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
