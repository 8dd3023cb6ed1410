import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { Policy } from '../policy/policy.entity';
import { BaseEntity } from '../shared/base.entity';
import { Staff } from '../staff/staff.entity';
import { LENGTH } from '../shared/lengths';

@ObjectType({ description: 'An organisational unit (region, branch) with its director and, optionally, its own policy.' })
@Entity('organisational_unit')
@Index('organisational_unit_code_key', ['code'], { unique: true })
export class Unit extends BaseEntity {
  @Field({ description: 'Short code, e.g. NOORD.' })
  @Column({ type: 'varchar', length: LENGTH.code })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: LENGTH.name })
  name: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'director_id', type: 'uuid', nullable: true })
  directorId: string | null;

  @ManyToOne(() => Staff, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'director_id', foreignKeyConstraintName: 'organisational_unit_director_fk' })
  director?: Staff;

  @Field(() => ID, { nullable: true, description: "Null: the organisation's default policy." })
  @Column({ name: 'policy_id', type: 'uuid', nullable: true })
  policyId: string | null;

  @ManyToOne(() => Policy, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'policy_id', foreignKeyConstraintName: 'organisational_unit_policy_fk' })
  policy?: Policy;

  @Field()
  @Column({ type: 'boolean', default: true })
  active: boolean;
}
