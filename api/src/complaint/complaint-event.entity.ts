import { Check, Column, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Authorized, Field, ID, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { PERSONAL_DATA_ROLES } from '../shared/roles';
import { Staff } from '../staff/staff.entity';
import { Complaint } from './complaint.entity';
import { ComplaintEventType, ComplaintStatus, oneOfSql } from './complaint.enums';

/** Append-only: the request role may only insert, and a trigger refuses UPDATE, DELETE and TRUNCATE to everyone. */
@ObjectType({ description: "One step in a complaint's history; written in the same transaction as the change it records." })
@Entity('complaint_event')
@Index('complaint_event_complaint_idx', ['complaintId', 'seq'])
@Check('complaint_event_type_check', oneOfSql('type', ComplaintEventType))
export class ComplaintEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'complaint_event_complaint_fk' })
  complaint?: Complaint;

  /** Order of writing: events of one transaction share their moment. */
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq: string;

  @Field(() => ComplaintEventType)
  @Column({ type: 'varchar', length: 30 })
  type: ComplaintEventType;

  @Field(() => Date)
  @Column({ type: 'timestamptz' })
  at: Date;

  @Field(() => ID, { nullable: true, description: 'Null: the website.' })
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'complaint_event_actor_fk' })
  actor?: Staff;

  @Field(() => ComplaintStatus, { nullable: true })
  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus: ComplaintStatus | null;

  @Field(() => ComplaintStatus, { nullable: true })
  @Column({ name: 'to_status', type: 'varchar', length: 20, nullable: true })
  toStatus: ComplaintStatus | null;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => GraphQLJSONObject, { description: 'What the step recorded (note text, deadlines met and opened, ...).' })
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  /**
   * The hash chain (migration LeastPrivilege): SHA-256 of the previous event's hash and this event's
   * content, set by the database on insert; verifyHistory recomputes it. The app never writes either.
   */
  @Column({ name: 'prev_hash', type: 'bytea', nullable: true, select: false, insert: false, update: false })
  prevHash: Buffer | null;

  @Column({ type: 'bytea', select: false, insert: false, update: false })
  hash: Buffer;
}
