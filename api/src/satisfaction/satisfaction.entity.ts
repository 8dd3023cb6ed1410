import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Authorized, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { oneOfSql } from '../complaint/complaint.enums';
import { BaseEntity } from '../shared/base.entity';
import { PERSONAL_DATA_ROLES } from '../shared/roles';
import { Staff } from '../staff/staff.entity';

/** What became of the complainant's request to reopen the complaint. */
export enum ReopenDecision {
  /** Reopened (the REOPEN step). */
  GRANTED = 'GRANTED',
  /** Declined by the quality manager, with a reason. */
  DECLINED = 'DECLINED',
}
registerEnumType(ReopenDecision, { name: 'ReopenDecision', description: "What became of the complainant's request to reopen (null: still open)." });

/**
 * The complainant's answer to the satisfaction survey (seed 001: satisfaction is gauged; ISO 10002 keeps the
 * handling apart from the outcome), given online after the answer or the closure, once per complaint. "Not
 * satisfied: please reopen" makes it a request for the quality manager (Signalen's flow), granted by reopening
 * the complaint or declined with a reason.
 */
@ObjectType({ description: "The complainant's answer to the satisfaction survey: the handling and the outcome apart (1–5), and a request to reopen." })
@Entity('satisfaction_survey')
@Index('satisfaction_survey_complaint_key', ['complaintId'], { unique: true })
@Index('satisfaction_survey_open_reopen_idx', ['answeredAt'], { where: 'reopen_requested AND reopen_decision IS NULL' })
@Check('satisfaction_survey_handling_check', 'handling_score BETWEEN 1 AND 5')
@Check('satisfaction_survey_outcome_check', 'outcome_score BETWEEN 1 AND 5')
@Check('satisfaction_survey_decision_check', `reopen_decision IS NULL OR (reopen_requested AND ${oneOfSql('reopen_decision', ReopenDecision)})`)
export class SatisfactionSurvey extends BaseEntity {
  @Field(() => ID)
  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'satisfaction_survey_complaint_fk' })
  complaint?: Complaint;

  @Field(() => Date)
  @Column({ name: 'answered_at', type: 'timestamptz' })
  answeredAt: Date;

  @Field(() => Int, { description: 'How satisfied with the handling: contact, speed, being heard (1–5).' })
  @Column({ name: 'handling_score', type: 'smallint' })
  handlingScore: number;

  @Field(() => Int, { description: 'How satisfied with the outcome: the answer and what was offered (1–5).' })
  @Column({ name: 'outcome_score', type: 'smallint' })
  outcomeScore: number;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true, description: "The complainant's own words." })
  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Field({ description: 'Not satisfied: the complainant asks to reopen the complaint.' })
  @Column({ name: 'reopen_requested', type: 'boolean', default: false })
  reopenRequested: boolean;

  @Field(() => ReopenDecision, { nullable: true })
  @Column({ name: 'reopen_decision', type: 'varchar', length: 20, nullable: true })
  reopenDecision: ReopenDecision | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'reopen_decided_at', type: 'timestamptz', nullable: true })
  reopenDecidedAt: Date | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'reopen_decided_by_id', type: 'uuid', nullable: true })
  reopenDecidedById: string | null;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reopen_decided_by_id', foreignKeyConstraintName: 'satisfaction_survey_decided_by_fk' })
  reopenDecidedBy?: Staff;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true, description: 'Why the request to reopen was declined (told to the complainant).' })
  @Column({ name: 'reopen_decision_note', type: 'text', nullable: true })
  reopenDecisionNote: string | null;
}
