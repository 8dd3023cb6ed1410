import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Authorized, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { oneOfSql } from '../complaint/complaint.enums';
import { BaseEntity } from '../shared/base.entity';
import { PERSONAL_DATA_ROLES } from '../shared/roles';
import { Staff } from '../staff/staff.entity';

export enum ReviewStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(ReviewStatus, { name: 'ReviewStatus' });

export enum MeasureStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
}
registerEnumType(MeasureStatus, { name: 'MeasureStatus' });

@ObjectType({ description: 'The half-yearly review of all complaints (klachteninventarisatie): figures, findings, measures.' })
@Entity('review')
@Index('review_period_idx', ['periodStart'])
@Check('review_status_check', oneOfSql('status', ReviewStatus))
@Check('review_period_check', 'period_end > period_start')
export class Review extends BaseEntity {
  @Field({ description: 'First day of the period (YYYY-MM-DD).' })
  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Field({ description: 'Last day of the period (YYYY-MM-DD).' })
  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  @Field(() => ReviewStatus)
  @Column({ type: 'varchar', length: 20 })
  status: ReviewStatus;

  @Field(() => ID)
  @Column({ name: 'opened_by_id', type: 'uuid' })
  openedById: string;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'opened_by_id', foreignKeyConstraintName: 'review_opened_by_fk' })
  openedBy?: Staff;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true, description: 'What management found: trends and structural causes.' })
  @Column({ type: 'text', nullable: true })
  findings: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}

@ObjectType({ description: 'A preventive measure taken in a review, with an owner and a due date, followed up until done.' })
@Entity('measure')
@Index('measure_review_idx', ['reviewId'])
@Index('measure_open_due_idx', ['dueDate'], { where: `"status" = 'OPEN'` })
@Check('measure_status_check', oneOfSql('status', MeasureStatus))
export class Measure extends BaseEntity {
  @Field(() => ID)
  @Column({ name: 'review_id', type: 'uuid' })
  reviewId: string;

  @ManyToOne(() => Review, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'review_id', foreignKeyConstraintName: 'measure_review_fk' })
  review?: Review;

  @Field()
  @Column({ type: 'text' })
  description: string;

  @Field(() => ID)
  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'measure_owner_fk' })
  owner?: Staff;

  @Field({ description: 'YYYY-MM-DD' })
  @Column({ name: 'due_date', type: 'date' })
  dueDate: string;

  @Field(() => MeasureStatus)
  @Column({ type: 'varchar', length: 20 })
  status: MeasureStatus;

  @Field(() => [ID], { description: 'The complaints behind it.' })
  @Column({ name: 'complaint_ids', type: 'uuid', array: true, default: () => "'{}'" })
  complaintIds: string[];

  @Field(() => String, { nullable: true, description: 'Follow-up notes until done.' })
  @Column({ name: 'follow_up', type: 'text', nullable: true })
  followUp: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt: Date | null;
}
