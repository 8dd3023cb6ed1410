import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Staff } from '../staff/staff.entity';
import { LENGTH } from '../shared/lengths';

export enum AuditAction {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  DELETED = 'DELETED',
}
registerEnumType(AuditAction, { name: 'AuditAction' });

/** One change to the organisation's set-up, written with the change; append-only (migration AuditTrail). */
@ObjectType({ description: 'Who changed which record of the set-up, when, and what changed (never a password).' })
@Entity('audit_event')
@Index('audit_event_entity_idx', ['entity', 'entityId', 'at'])
@Index('audit_event_actor_idx', ['actorId', 'at'])
@Check('audit_event_action_check', `"action" IN ('CREATED', 'UPDATED', 'DELETED')`)
export class AuditEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => Date)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Field(() => ID, { nullable: true, description: 'Null: the system (the first ADMIN at start).' })
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'audit_event_actor_fk' })
  actor?: Staff;

  @Field({ description: 'Staff, Unit, Category, Policy, CalendarDay, ExternalParty, ApiToken, Review, Measure.' })
  @Column({ type: 'varchar', length: LENGTH.auditEntity })
  entity: string;

  @Field({ description: 'The id of the record (a date for a closing day).' })
  @Column({ name: 'entity_id', type: 'varchar', length: LENGTH.auditEntityId })
  entityId: string;

  @Field(() => AuditAction)
  @Column({ type: 'varchar', length: 20 })
  action: AuditAction;

  @Field(() => GraphQLJSONObject, { description: 'Created: the values; updated: { field: { from, to } } of what changed.' })
  @Column({ type: 'jsonb', default: () => "'{}'" })
  changes: Record<string, unknown>;
}
