import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Authorized, Field, ID, ObjectType } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { BaseEntity } from '../shared/base.entity';
import { PERSONAL_DATA_ROLES } from '../shared/roles';
import { Staff } from '../staff/staff.entity';
import { ExternalParty } from './external-party.entity';

@ObjectType({ description: 'A referral to an external party: when and why, what was sent, and later the outcome.' })
@Entity('referral')
@Index('referral_complaint_idx', ['complaintId'])
@Index('referral_open_idx', ['referredAt'], { where: '"outcome_recorded_at" IS NULL' })
export class Referral extends BaseEntity {
  @Field(() => ID)
  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'referral_complaint_fk' })
  complaint?: Complaint;

  @Field(() => ID)
  @Column({ name: 'party_id', type: 'uuid' })
  partyId: string;

  @ManyToOne(() => ExternalParty, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'party_id', foreignKeyConstraintName: 'referral_party_fk' })
  party?: ExternalParty;

  @Field(() => Date)
  @Column({ name: 'referred_at', type: 'timestamptz' })
  referredAt: Date;

  @Field(() => ID)
  @Column({ name: 'referred_by_id', type: 'uuid' })
  referredById: string;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referred_by_id', foreignKeyConstraintName: 'referral_referred_by_fk' })
  referredBy?: Staff;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field()
  @Column({ type: 'text' })
  reason: string;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field({ description: 'What was sent to the party (dossier, letters, ...).' })
  @Column({ name: 'what_sent', type: 'text' })
  whatSent: string;

  @Field({ description: 'Copied from the party at referral: its outcome binds and closes the complaint.' })
  @Column({ type: 'boolean' })
  binding: boolean;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the date of the outcome (ruling, report).' })
  @Column({ name: 'outcome_date', type: 'date', nullable: true })
  outcomeDate: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'outcome_recorded_at', type: 'timestamptz', nullable: true })
  outcomeRecordedAt: Date | null;
}
