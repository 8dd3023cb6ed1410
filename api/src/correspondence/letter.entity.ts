import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { oneOfSql } from '../complaint/complaint.enums';
import { LetterKind } from './letter-kinds';
import { LENGTH } from '../shared/lengths';

export enum LetterChannel {
  /** By e-mail through the outbox, the PDF attached. */
  EMAIL = 'EMAIL',
  /** Printed and posted: sent once the one who posted it says so. */
  POST = 'POST',
}
registerEnumType(LetterChannel, { name: 'LetterChannel' });

/** A letter to the complainant as it was written: its text never changes after, nor its PDF once rendered (letter-renderer.ts). */
@ObjectType({ description: 'A letter to the complainant: as written (text and PDF), how it went out, and when.' })
@Entity('letter')
@Index('letter_complaint_idx', ['complaintId', 'createdAt'])
@Check('letter_kind_check', oneOfSql('kind', LetterKind))
@Check('letter_channel_check', oneOfSql('channel', LetterChannel))
export class Letter {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID)
  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @ManyToOne(() => Complaint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'letter_complaint_fk' })
  complaint?: Complaint;

  @Field(() => LetterKind)
  @Column({ type: 'varchar', length: 30 })
  kind: LetterKind;

  @Field(() => Int, { description: 'The template version it was written with (0: the shipped wording).' })
  @Column({ name: 'template_version', type: 'int' })
  templateVersion: number;

  @Field(() => LetterChannel)
  @Column({ type: 'varchar', length: 10 })
  channel: LetterChannel;

  @Field({ description: 'The e-mail address, or the name and postal address.' })
  @Column({ type: 'text' })
  recipient: string;

  @Field()
  @Column({ type: 'text' })
  subject: string;

  @Field({ description: 'The text as sent, paragraphs separated by blank lines.' })
  @Column({ type: 'text' })
  body: string;

  /** Rendered from the text when first read (letter-renderer.ts); null until then, and once the dossier was anonymised. */
  @Column({ type: 'bytea', nullable: true })
  pdf: Buffer | null;

  /** Who signs it, as the PDF shows (null for letters rendered when written, before LettersRenderedWhenRead). */
  @Column({ name: 'signed_by', type: 'varchar', length: LENGTH.name, nullable: true })
  signedBy: string | null;

  /** The date it carries (ISO), as the PDF shows. */
  @Column({ type: 'date', nullable: true })
  dated: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @Field(() => Date)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'E-mail: when the mail server accepted it; post: when it was posted.' })
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who posted it (post only).' })
  @Column({ name: 'posted_by_id', type: 'uuid', nullable: true })
  postedById: string | null;

  @Field(() => ID, { nullable: true, description: 'Its message in the outbox (e-mail only).' })
  @Column({ name: 'outbox_id', type: 'uuid', nullable: true })
  outboxId: string | null;
}
