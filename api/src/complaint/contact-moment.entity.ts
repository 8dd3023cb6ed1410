import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Authorized, Field, ID, ObjectType } from 'type-graphql';
import { PERSONAL_DATA_ROLES } from '../shared/roles';
import { Staff } from '../staff/staff.entity';
import { Complaint } from './complaint.entity';
import { Channel, ContactKind, oneOfSql } from './complaint.enums';

@ObjectType({ description: 'Contact with the complainant: the acknowledgement, a progress update, or other.' })
@Entity('contact_moment')
@Index('contact_moment_complaint_idx', ['complaintId', 'contactedAt'])
@Check('contact_moment_kind_check', oneOfSql('kind', ContactKind))
@Check('contact_moment_channel_check', oneOfSql('channel', Channel))
export class ContactMoment {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'contact_moment_complaint_fk' })
  complaint?: Complaint;

  @Field(() => ContactKind)
  @Column({ type: 'varchar', length: 20 })
  kind: ContactKind;

  @Field(() => Channel)
  @Column({ type: 'varchar', length: 20 })
  channel: Channel;

  @Field(() => Date)
  @Column({ name: 'contacted_at', type: 'timestamptz' })
  contactedAt: Date;

  @Field(() => ID, { nullable: true, description: 'Who made contact; null: the system (the automatic confirmation of receipt).' })
  @Column({ name: 'by_id', type: 'uuid', nullable: true })
  byId: string | null;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'by_id', foreignKeyConstraintName: 'contact_moment_by_fk' })
  by?: Staff;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
