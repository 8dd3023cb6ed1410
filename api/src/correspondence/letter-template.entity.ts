import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { oneOfSql } from '../complaint/complaint.enums';
import { LENGTH } from '../shared/lengths';
import { LetterKind } from './letter-kinds';

/**
 * A version of a letter's wording (Handlebars: `{{complainant.name}}`, `{{#if solution}}…{{/if}}`), for all
 * policies or for one. Saving writes a new version; a letter keeps the text it was sent with.
 * Version 0, the shipped wording, is not a row: default-templates.ts.
 */
@ObjectType({ description: "A letter's wording, versioned; the newest for a kind (and policy) is used for new letters." })
@Entity('letter_template')
@Index('letter_template_version_key', ['kind', 'policyKey', 'version'], { unique: true })
@Check('letter_template_kind_check', oneOfSql('kind', LetterKind))
export class LetterTemplate {
  @Field(() => ID, { nullable: true, description: 'null: the shipped wording (version 0).' })
  @PrimaryGeneratedColumn('uuid')
  id: string | null;

  @Field(() => LetterKind)
  @Column({ type: 'varchar', length: 30 })
  kind: LetterKind;

  @Field(() => String, { nullable: true, description: 'The policy it is for; null: every policy without its own.' })
  @Column({ name: 'policy_key', type: 'varchar', length: LENGTH.key, nullable: true })
  policyKey: string | null;

  @Field(() => Int)
  @Column({ type: 'int' })
  version: number;

  @Field()
  @Column({ type: 'text' })
  subject: string;

  @Field()
  @Column({ type: 'text' })
  body: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @Field(() => Date, { nullable: true })
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date | null;
}
