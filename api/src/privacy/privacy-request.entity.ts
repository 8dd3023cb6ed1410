import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { oneOfSql } from '../complaint/complaint.enums';
import { BaseEntity } from '../shared/base.entity';
import { Staff } from '../staff/staff.entity';
import { PrivacyRequestKind, PrivacyRequestStatus } from './privacy.enums';

/**
 * A complainant's request to see (art. 15) or erase (art. 17) what is kept about them, recorded by a
 * QUALITY_MANAGER or DIRECTOR through one of their complaints; the complainant's other complaints are found
 * by their identity (the same e-mail address, phone number or pseudonym), never by a similar name.
 */
@ObjectType({ description: "A complainant's access or erasure request (AVG art. 15, 17)." })
@Entity('privacy_request')
@Index('privacy_request_received_idx', ['receivedAt'])
@Index('privacy_request_complaint_idx', ['complaintId'])
@Check('privacy_request_kind_check', oneOfSql('kind', PrivacyRequestKind))
@Check('privacy_request_status_check', oneOfSql('status', PrivacyRequestStatus))
export class PrivacyRequest extends BaseEntity {
  @Field(() => PrivacyRequestKind)
  @Column({ type: 'varchar', length: 20 })
  kind: PrivacyRequestKind;

  @Field(() => PrivacyRequestStatus)
  @Column({ type: 'varchar', length: 20, default: PrivacyRequestStatus.RECORDED })
  status: PrivacyRequestStatus;

  @Field(() => ID, { description: 'The complaint the request was made through: it identifies the complainant.' })
  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'privacy_request_complaint_fk' })
  complaint?: Complaint;

  @Field(() => Date, { description: 'When the complainant asked: the answer is due within a month (art. 12(3)).' })
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Field(() => ID)
  @Column({ name: 'recorded_by_id', type: 'uuid' })
  recordedById: string;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by_id', foreignKeyConstraintName: 'privacy_request_recorded_by_fk' })
  recordedBy?: Staff;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'carried_out_at', type: 'timestamptz', nullable: true })
  carriedOutAt: Date | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'carried_out_by_id', type: 'uuid', nullable: true })
  carriedOutById: string | null;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'carried_out_by_id', foreignKeyConstraintName: 'privacy_request_carried_out_by_fk' })
  carriedOutBy?: Staff;

  @Field(() => [ID], { description: "The complainant's complaints it covered when it was carried out." })
  @Column({ name: 'complaint_ids', type: 'uuid', array: true, default: () => "'{}'" })
  complaintIds: string[];
}
