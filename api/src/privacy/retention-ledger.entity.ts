import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Complaint } from '../complaint/complaint.entity';
import { oneOfSql } from '../complaint/complaint.enums';
import { Staff } from '../staff/staff.entity';
import { LENGTH } from '../shared/lengths';
import { RemovalRule } from './privacy.enums';
import { PrivacyRequest } from './privacy-request.entity';

/**
 * The deletion ledger (Signalen's): one entry per anonymised dossier — what was removed (table and column
 * counts), when and under which rule — never the removed data itself. Written only by the database function
 * anonymise_complaint (migration Privacy); append-only for everyone, the request role may only read it.
 */
@ObjectType({ description: 'What was removed from which dossier, when and under which rule (never the removed data).' })
@Entity('retention_ledger')
@Index('retention_ledger_at_idx', ['at'])
@Index('retention_ledger_complaint_key', ['complaintId'], { unique: true })
@Check('retention_ledger_rule_check', oneOfSql('rule', RemovalRule))
export class RetentionLedgerEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'retention_ledger_complaint_fk' })
  complaint?: Complaint;

  @Field({ description: "The dossier's reference: it stays, it names no one." })
  @Column({ type: 'varchar', length: LENGTH.reference })
  reference: string;

  @Field(() => Date)
  @Column({ type: 'timestamptz' })
  at: Date;

  @Field(() => RemovalRule)
  @Column({ type: 'varchar', length: 20 })
  rule: RemovalRule;

  @Field(() => Int, { nullable: true, description: "RETENTION: the policy's retention period that had passed, in months." })
  @Column({ name: 'retention_months', type: 'int', nullable: true })
  retentionMonths: number | null;

  @Field(() => ID, { nullable: true, description: 'ERASURE_REQUEST: the request it carried out.' })
  @Column({ name: 'privacy_request_id', type: 'uuid', nullable: true })
  privacyRequestId: string | null;

  @ManyToOne(() => PrivacyRequest, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'privacy_request_id', foreignKeyConstraintName: 'retention_ledger_request_fk' })
  privacyRequest?: PrivacyRequest;

  @Field(() => ID, { nullable: true, description: 'Who carried out the erasure; null: the retention job.' })
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'retention_ledger_actor_fk' })
  actor?: Staff;

  @Field(() => GraphQLJSONObject, { description: 'Per table (and column), how many values were removed or replaced: counts only.' })
  @Column({ type: 'jsonb' })
  removed: Record<string, number>;

  @Field(() => Int, { description: 'History events whose personal parts were redacted (and whose hash chain was recomputed).' })
  @Column({ name: 'events_redacted', type: 'int' })
  eventsRedacted: number;

  /** The history's last hash before and after the redaction: verifyHistory's chain restarts from a reviewed rewrite. */
  @Column({ name: 'history_hash_before', type: 'bytea', nullable: true })
  historyHashBefore: Buffer | null;

  @Column({ name: 'history_hash_after', type: 'bytea', nullable: true })
  historyHashAfter: Buffer | null;
}
