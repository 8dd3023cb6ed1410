import { Check, Column, Entity, Index } from 'typeorm';
import { Authorized, Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../shared/base.entity';
import { PERSONAL_DATA_ROLES } from '../shared/roles';
import { ComplainantRelation, oneOfSql } from './complaint.enums';
import { LENGTH } from '../shared/lengths';

@ObjectType({ description: 'Who complains. Personal data: hidden from ANALYST and BI tokens.' })
@Entity('complainant')
@Index('complainant_pseudonym_idx', ['pseudonym'])
@Check('complainant_relation_check', oneOfSql('relation', ComplainantRelation))
@Check('complainant_contact_check', `email IS NOT NULL OR phone IS NOT NULL OR postal_address IS NOT NULL OR anonymised_at IS NOT NULL`)
export class Complainant extends BaseEntity {
  @Authorized(PERSONAL_DATA_ROLES)
  @Field()
  @Column({ type: 'varchar', length: LENGTH.name })
  name: string;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: LENGTH.email, nullable: true })
  email: string | null;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: LENGTH.phone, nullable: true })
  phone: string | null;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true, description: 'Postal address, for letters.' })
  @Column({ name: 'postal_address', type: 'varchar', length: LENGTH.postalAddress, nullable: true })
  postalAddress: string | null;

  @Field(() => ComplainantRelation)
  @Column({ type: 'varchar', length: 20 })
  relation: ComplainantRelation;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true, description: 'The organisation the complainant belongs to (e.g. the employer).' })
  @Column({ type: 'varchar', length: LENGTH.name, nullable: true })
  organisation: string | null;

  /** HMAC of the complainant's e-mail address (else phone, else name): the same person gets the same pseudonym. */
  @Column({ type: 'varchar', length: 64 })
  pseudonym: string;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field(() => String, { nullable: true, description: 'On whose behalf the complaint is made, when not the complainant.' })
  @Column({ name: 'on_behalf_of', type: 'varchar', length: LENGTH.name, nullable: true })
  onBehalfOf: string | null;

  /** Set by anonymise_complaint (migration Privacy): name, contact details and pseudonym are gone. */
  @Column({ name: 'anonymised_at', type: 'timestamptz', nullable: true })
  anonymisedAt: Date | null;
}
