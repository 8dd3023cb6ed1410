import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Authorized, Field, ID, ObjectType } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { HearingForm, HearingStatus, oneOfSql } from '../complaint/complaint.enums';
import { Objection } from '../objection/objection.entity';
import { BaseEntity } from '../shared/base.entity';
import { PERSONAL_DATA_ROLES } from '../shared/roles';
import { Staff } from '../staff/staff.entity';
import { LENGTH } from '../shared/lengths';

@ObjectType({ description: 'A hearing (hoorzitting, hoor en wederhoor) on an objection.' })
@Entity('hearing')
@Index('hearing_complaint_idx', ['complaintId'])
@Index('hearing_scheduled_idx', ['scheduledAt'], { where: `"status" = 'SCHEDULED'` })
@Check('hearing_status_check', oneOfSql('status', HearingStatus))
@Check('hearing_form_check', oneOfSql('form', HearingForm))
@Check('hearing_held_form_check', `held_form IS NULL OR ${oneOfSql('held_form', HearingForm)}`)
@Check('hearing_subject_consent_check', 'NOT subject_employee_attends OR (complainant_consents AND employee_consents)')
@Check('hearing_settlement_agreed_check', 'settled_at IS NULL OR (complainant_agreed_at IS NOT NULL AND organisation_agreed_by_id IS NOT NULL)')
export class Hearing extends BaseEntity {
  @Field(() => ID)
  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'hearing_complaint_fk' })
  complaint?: Complaint;

  @Field(() => ID)
  @Column({ name: 'objection_id', type: 'uuid' })
  objectionId: string;

  @ManyToOne(() => Objection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'objection_id', foreignKeyConstraintName: 'hearing_objection_fk' })
  objection?: Objection;

  @Field(() => HearingStatus)
  @Column({ type: 'varchar', length: 20 })
  status: HearingStatus;

  @Field(() => Date)
  @Column({ name: 'scheduled_at', type: 'timestamptz' })
  scheduledAt: Date;

  @Field(() => HearingForm)
  @Column({ type: 'varchar', length: 20 })
  form: HearingForm;

  @Field(() => String, { nullable: true, description: 'Address or room; the phone number or video link.' })
  @Column({ type: 'varchar', length: LENGTH.location, nullable: true })
  location: string | null;

  @Field(() => ID, { description: 'Never the employee the complaint is about.' })
  @Column({ name: 'chair_id', type: 'uuid' })
  chairId: string;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'chair_id', foreignKeyConstraintName: 'hearing_chair_fk' })
  chair?: Staff;

  @Field()
  @Column({ name: 'handler_attends', type: 'boolean', default: false })
  handlerAttends: boolean;

  @Field({ description: 'The employee complained about attends: only when both sides agreed.' })
  @Column({ name: 'subject_employee_attends', type: 'boolean', default: false })
  subjectEmployeeAttends: boolean;

  @Field()
  @Column({ name: 'complainant_consents', type: 'boolean', default: false })
  complainantConsents: boolean;

  @Field()
  @Column({ name: 'employee_consents', type: 'boolean', default: false })
  employeeConsents: boolean;

  @Field(() => ID, { nullable: true, description: 'The hearing this one replaced.' })
  @Column({ name: 'rescheduled_from_id', type: 'uuid', nullable: true })
  rescheduledFromId: string | null;

  @ManyToOne(() => Hearing, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'rescheduled_from_id', foreignKeyConstraintName: 'hearing_rescheduled_from_fk' })
  rescheduledFrom?: Hearing;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true })
  @Column({ name: 'reschedule_reason', type: 'text', nullable: true })
  rescheduleReason: string | null;

  @Field(() => Date, { nullable: true, description: 'When the complainant said (online) they will come to this hearing.' })
  @Column({ name: 'complainant_accepted_at', type: 'timestamptz', nullable: true })
  complainantAcceptedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'held_at', type: 'timestamptz', nullable: true })
  heldAt: Date | null;

  @Field(() => HearingForm, { nullable: true, description: 'The form it actually took.' })
  @Column({ name: 'held_form', type: 'varchar', length: 20, nullable: true })
  heldForm: HearingForm | null;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  minutes: string | null;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true, description: 'What was proposed.' })
  @Column({ type: 'text', nullable: true })
  proposal: string | null;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true })
  @Column({ name: 'settlement_terms', type: 'text', nullable: true })
  settlementTerms: string | null;

  @Field(() => Date, { nullable: true, description: 'When the complainant agreed to the settlement.' })
  @Column({ name: 'complainant_agreed_at', type: 'timestamptz', nullable: true })
  complainantAgreedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who agreed to the settlement for the organisation.' })
  @Column({ name: 'organisation_agreed_by_id', type: 'uuid', nullable: true })
  organisationAgreedById: string | null;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_agreed_by_id', foreignKeyConstraintName: 'hearing_organisation_agreed_by_fk' })
  organisationAgreedBy?: Staff;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'organisation_agreed_at', type: 'timestamptz', nullable: true })
  organisationAgreedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  settledAt: Date | null;
}
