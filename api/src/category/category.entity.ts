import { Column, Entity, Index } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../shared/base.entity';
import { LENGTH } from '../shared/lengths';

@ObjectType({ description: 'What a complaint is about (configurable; the seeds give the first ones).' })
@Entity('category')
@Index('category_key_key', ['key'], { unique: true })
export class Category extends BaseEntity {
  @Field()
  @Column({ type: 'varchar', length: LENGTH.key })
  key: string;

  @Field()
  @Column({ type: 'varchar', length: LENGTH.name })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Field(() => Int)
  @Column({ name: 'sort_order', type: 'int', default: 0 })
  sortOrder: number;

  @Field()
  @Column({ type: 'boolean', default: true })
  active: boolean;
}
