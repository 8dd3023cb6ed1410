import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { oneOfSql } from '../complaint/complaint.enums';

export enum OutboxStatus {
  /** Waiting for its (next) attempt. */
  QUEUED = 'QUEUED',
  /** Taken by a sender; back to QUEUED if that sender died. */
  SENDING = 'SENDING',
  /** Accepted by the mail server: messageId and response are the proof of dispatch. */
  SENT = 'SENT',
  /** Refused for good, or every attempt failed: visible, and can be sent again. */
  FAILED = 'FAILED',
}
registerEnumType(OutboxStatus, { name: 'OutboxStatus' });

/**
 * A message to send, written in the transaction of the step that causes it and sent afterwards by the
 * outbox job, with retries and backoff; nothing is lost when the mail server is down or not configured.
 */
@ObjectType({ description: 'A message in the outbox: what is to be sent to whom, and what became of it.' })
@Entity('outbox_message')
@Index('outbox_due_idx', ['nextAttemptAt'], { where: `"status" IN ('QUEUED', 'SENDING')` })
@Index('outbox_complaint_idx', ['complaintId'])
@Check('outbox_message_status_check', oneOfSql('status', OutboxStatus))
export class OutboxMessage {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'complaint_id', type: 'uuid', nullable: true })
  complaintId: string | null;

  @Field(() => ID, { nullable: true, description: 'The letter it carries (its PDF is attached).' })
  @Column({ name: 'letter_id', type: 'uuid', nullable: true })
  letterId: string | null;

  @Field({ description: '"Name" <address>.' })
  @Column({ name: 'to_address', type: 'text' })
  to: string;

  @Field()
  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text' })
  html: string;

  /** An iCalendar invitation to attach (hearing invitations). */
  @Column({ type: 'text', nullable: true })
  ics: string | null;

  @Field(() => OutboxStatus)
  @Column({ type: 'varchar', length: 10, default: OutboxStatus.QUEUED })
  status: OutboxStatus;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** The sender that took it (SENDING): only that sender records what became of it. */
  @Column({ type: 'uuid', nullable: true })
  claim: string | null;

  @Field(() => Date)
  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  @Field(() => String, { nullable: true })
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Field(() => String, { nullable: true, description: "The mail server's Message-ID for it." })
  @Column({ name: 'message_id', type: 'text', nullable: true })
  messageId: string | null;

  @Field(() => String, { nullable: true, description: "The mail server's answer (proof of dispatch)." })
  @Column({ name: 'smtp_response', type: 'text', nullable: true })
  smtpResponse: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Field(() => Date)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
