import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { oneOfSql } from '../complaint/complaint.enums';
import { Staff } from '../staff/staff.entity';
import { LENGTH } from '../shared/lengths';

export enum ApiTokenScope {
  /** BI tools: aggregates and pseudonymised facts, never personal data (the ANALYST role). */
  ANALYST = 'ANALYST',
  /** The organisation's website: submitComplaint from its server, exempt from the per-address limit. */
  WEBSITE = 'WEBSITE',
}
registerEnumType(ApiTokenScope, { name: 'ApiTokenScope' });

@ObjectType({ description: 'A long-lived token for a BI tool or the website; the secret is shown once, stored hashed.' })
@Entity('api_token')
@Index('api_token_hash_key', ['tokenHash'], { unique: true })
@Check('api_token_scope_check', oneOfSql('scope', ApiTokenScope))
export class ApiToken {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field()
  @Column({ type: 'varchar', length: LENGTH.name })
  name: string;

  @Field(() => ApiTokenScope)
  @Column({ type: 'varchar', length: 20 })
  scope: ApiTokenScope;

  /** SHA-256 of the secret (it has 256 random bits: a slow hash adds nothing). */
  @Column({ name: 'token_hash', type: 'varchar', length: 64, select: false })
  tokenHash: string;

  @Field({ description: 'The first characters of the secret, to recognise it.' })
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  @Field(() => ID)
  @Column({ name: 'created_by_id', type: 'uuid' })
  createdById: string;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id', foreignKeyConstraintName: 'api_token_created_by_fk' })
  createdBy?: Staff;

  @Field(() => Date)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
