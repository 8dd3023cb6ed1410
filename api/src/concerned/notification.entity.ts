import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
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
}
registerEnumType(NotificationKind, { name: 'NotificationKind' });

/** A message to a member of staff about a complaint; a letter too once letters exist. */
@ObjectType({ description: 'A message to you about a complaint (the employee concerned is told of it, of an extension, of its findings).' })
@Entity('notification')
@Index('notification_staff_idx', ['staffId', 'createdAt'])
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

  @Field(() => ID)
  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'notification_complaint_fk' })
  complaint?: Complaint;

  @Field(() => NotificationKind)
  @Column({ type: 'varchar', length: 30 })
  kind: NotificationKind;

  @Field(() => Date)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
