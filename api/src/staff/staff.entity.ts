import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Authorized, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../shared/base.entity';
import { ALL_ROLES, Permission, permissionsOf, Role, SELF, STAFF_DIRECTORY } from '../shared/roles';
import type { Unit } from '../unit/unit.entity';
import { LENGTH } from '../shared/lengths';

/** The language the admin panel speaks to a member of staff: Dutch by default, English on request. */
export enum Language {
  NL = 'NL',
  EN = 'EN',
}
registerEnumType(Language, { name: 'Language', description: 'The language of the admin panel: Dutch (default) or English.' });

/** Personal data of an employee: readable by colleagues, ADMIN and themselves, never by ANALYST or a token. */
@ObjectType({ description: 'A member of staff who signs in to the back office.' })
@Entity('staff')
@Index('staff_email_key', ['email'], { unique: true })
@Check('staff_roles_check', `roles <@ ARRAY[${ALL_ROLES.map((role) => `'${role}'`).join(', ')}]::varchar[] AND cardinality(roles) > 0`)
@Check('staff_email_lower_check', `email = lower(email)`)
@Check('staff_language_check', `language IN ('NL', 'EN')`)
export class Staff extends BaseEntity {
  @Authorized([...STAFF_DIRECTORY, SELF])
  @Field()
  @Column({ type: 'varchar', length: LENGTH.name })
  name: string;

  @Authorized([...STAFF_DIRECTORY, SELF])
  @Field({ description: 'Sign-in name; stored in lower case, unique.' })
  @Column({ type: 'varchar', length: LENGTH.email })
  email: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 200, select: false })
  passwordHash: string;

  @Authorized([...STAFF_DIRECTORY, SELF])
  @Field(() => [Role])
  @Column({ type: 'varchar', length: 32, array: true })
  roles: Role[];

  @Authorized([...STAFF_DIRECTORY, SELF])
  @Field(() => [Permission], { description: 'The parts of the product these roles may use (with what each role includes): what the admin shows.' })
  get permissions(): Permission[] {
    return permissionsOf(this.roles ?? []);
  }

  @Authorized([...STAFF_DIRECTORY, SELF])
  @Field({ description: 'An inactive account cannot sign in; its history stays.' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Bumped on password change or deactivation: tokens issued before it stop working. */
  @Column({ name: 'session_version', type: 'int', default: 0 })
  sessionVersion: number;

  @Authorized([...STAFF_DIRECTORY, SELF])
  @Field(() => ID, { nullable: true, description: 'The unit (region) this member of staff works in.' })
  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId: string | null;

  @ManyToOne('Unit', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'staff_unit_fk' })
  unit?: Unit;

  @Authorized([...STAFF_DIRECTORY, SELF])
  @Field(() => ID, { nullable: true, description: 'Direct supervisor: where the receiver forwards a complaint (policy focus).' })
  @Column({ name: 'supervisor_id', type: 'uuid', nullable: true })
  supervisorId: string | null;

  @ManyToOne(() => Staff, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'supervisor_id', foreignKeyConstraintName: 'staff_supervisor_fk' })
  supervisor?: Staff;

  @Authorized([...STAFF_DIRECTORY, SELF])
  @Field(() => Date, { nullable: true })
  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @Authorized([SELF])
  @Field(() => Language, { description: 'The language of their admin panel (their own choice; setMyLanguage).' })
  @Column({ type: 'varchar', length: 2, default: Language.NL })
  language: Language;
}
