import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Authorized, Field, ID, ObjectType } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { Channel, ObjectionOutcome, oneOfSql } from '../complaint/complaint.enums';
import { BaseEntity } from '../shared/base.entity';
import { PERSONAL_DATA_ROLES } from '../shared/roles';
import { Staff } from '../staff/staff.entity';

@ObjectType({ description: "The complainant's written objection (bezwaar) to the response, to the director of the unit." })
@Entity('objection')
@Index('objection_complaint_key', ['complaintId'], { unique: true })
@Check('objection_channel_check', oneOfSql('channel', Channel))
@Check('objection_outcome_check', `outcome IS NULL OR ${oneOfSql('outcome', ObjectionOutcome)}`)
export class Objection extends BaseEntity {
  @Field(() => ID)
  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'objection_complaint_fk' })
  complaint?: Complaint;

  @Field(() => Date, { description: 'When the written objection was received.' })
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Field(() => Channel)
  @Column({ type: 'varchar', length: 20 })
  channel: Channel;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field({ description: 'Why the complainant disagrees.' })
  @Column({ type: 'text' })
  grounds: string;

  @Field({ description: 'Received after the objection window closed (and accepted by a DIRECTOR).' })
  @Column({ type: 'boolean', default: false })
  late: boolean;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'late_accepted_by_id', type: 'uuid', nullable: true })
  lateAcceptedById: string | null;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'late_accepted_by_id', foreignKeyConstraintName: 'objection_late_accepted_by_fk' })
  lateAcceptedBy?: Staff;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true })
  @Column({ name: 'late_acceptance_reason', type: 'text', nullable: true })
  lateAcceptanceReason: string | null;

  @Field(() => ID, { nullable: true, description: 'The director of the unit: who decides.' })
  @Column({ name: 'director_id', type: 'uuid', nullable: true })
  directorId: string | null;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'director_id', foreignKeyConstraintName: 'objection_director_fk' })
  director?: Staff;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'hearing_waived_at', type: 'timestamptz', nullable: true })
  hearingWaivedAt: Date | null;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true })
  @Column({ name: 'waiver_note', type: 'text', nullable: true })
  waiverNote: string | null;

  @Field(() => ObjectionOutcome, { nullable: true })
  @Column({ type: 'varchar', length: 20, nullable: true })
  outcome: ObjectionOutcome | null;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true, description: 'The reasons of the final decision.' })
  @Column({ type: 'text', nullable: true })
  reasoning: string | null;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true, description: 'The further options open to the complainant (mediator, ombudsman, ...).' })
  @Column({ name: 'further_options', type: 'text', nullable: true })
  furtherOptions: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'decided_by_id', type: 'uuid', nullable: true })
  decidedById: string | null;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by_id', foreignKeyConstraintName: 'objection_decided_by_fk' })
  decidedBy?: Staff;

  @Field(() => Date, { nullable: true, description: 'Settled at a hearing, agreed by both parties.' })
  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  settledAt: Date | null;
}
