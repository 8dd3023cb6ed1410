import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import { PERSONAL_DATA_ROLES } from '../shared/roles';
import { Staff } from '../staff/staff.entity';
import { Complaint } from './complaint.entity';
import { Channel, oneOfSql, PauseEnd } from './complaint.enums';

/**
 * A request for information to the complainant (opschorting, seed 003): while it is open the organisation's
 * open deadlines stand still; when it ends they move by the time it lasted (calendar/due-explanation.ts).
 */
@ObjectType({ description: 'A request for information to the complainant: the clock stands still until it ends.' })
@Entity('complaint_pause')
@Index('complaint_pause_complaint_idx', ['complaintId', 'requestedAt'])
@Index('complaint_pause_one_open', ['complaintId'], { unique: true, where: '"resumed_at" IS NULL' })
@Index('complaint_pause_lapse_idx', ['lapsesAt'], { where: '"resumed_at" IS NULL' })
@Check('complaint_pause_channel_check', oneOfSql('channel', Channel))
@Check('complaint_pause_ended_by_check', `ended_by IS NULL OR ${oneOfSql('ended_by', PauseEnd)}`)
export class ComplaintPause {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'complaint_pause_complaint_fk' })
  complaint?: Complaint;

  @Field(() => Date, { description: 'When the complainant was asked: the clock stopped here.' })
  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Field(() => ID)
  @Column({ name: 'requested_by_id', type: 'uuid' })
  requestedById: string;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by_id', foreignKeyConstraintName: 'complaint_pause_requested_by_fk' })
  requestedBy?: Staff;

  @Field(() => Channel)
  @Column({ type: 'varchar', length: 20 })
  channel: Channel;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field({ description: 'What was asked.' })
  @Column({ type: 'text' })
  question: string;

  @Field({ description: 'The date the complainant was asked to answer by (YYYY-MM-DD); the clock runs again at its end.' })
  @Column({ name: 'answer_by', type: 'date' })
  answerBy: string;

  @Field(() => Date, { description: 'When the wait lapses unanswered: the end of answerBy.' })
  @Column({ name: 'lapses_at', type: 'timestamptz' })
  lapsesAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the clock ran again (the answer came, the handler resumed, or the wait lapsed).' })
  @Column({ name: 'resumed_at', type: 'timestamptz', nullable: true })
  resumedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Null when the wait lapsed.' })
  @Column({ name: 'resumed_by_id', type: 'uuid', nullable: true })
  resumedById: string | null;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resumed_by_id', foreignKeyConstraintName: 'complaint_pause_resumed_by_fk' })
  resumedBy?: Staff;

  @Field(() => PauseEnd, { nullable: true })
  @Column({ name: 'ended_by', type: 'varchar', length: 20, nullable: true })
  endedBy: PauseEnd | null;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true, description: "The complainant's answer, in short." })
  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Field(() => Int, { nullable: true, description: 'Working days the clock stood still.' })
  @Column({ name: 'paused_working_days', type: 'int', nullable: true })
  pausedWorkingDays: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
