import { Check, Column, Entity, Index } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { ExternalPartyKind, oneOfSql } from '../complaint/complaint.enums';
import { BaseEntity } from '../shared/base.entity';
import { LENGTH } from '../shared/lengths';

@ObjectType({ description: 'A mediator, the Nationale ombudsman, another competent body or external party (kept by ADMIN).' })
@Entity('external_party')
@Index('external_party_name_key', ['name'], { unique: true })
@Check('external_party_kind_check', oneOfSql('kind', ExternalPartyKind))
export class ExternalParty extends BaseEntity {
  @Field()
  @Column({ type: 'varchar', length: LENGTH.name })
  name: string;

  @Field(() => ExternalPartyKind)
  @Column({ type: 'varchar', length: 20 })
  kind: ExternalPartyKind;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: LENGTH.phone, nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: LENGTH.email, nullable: true })
  email: string | null;

  @Field({ description: 'Its ruling binds all parties (e.g. an MfN-registered mediator, seed 004).' })
  @Column({ type: 'boolean', default: false })
  binding: boolean;

  @Field()
  @Column({ type: 'boolean', default: true })
  active: boolean;
}
