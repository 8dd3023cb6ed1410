import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { oneOfSql } from '../complaint/complaint.enums';
import { LENGTH } from '../shared/lengths';

export enum ClosedDayKind {
  /** Equated to a statutory holiday by decree (Algemene termijnenwet art. 3, lid 3). */
  DECREE = 'DECREE',
  /** The organisation's own closing day. */
  CLOSING = 'CLOSING',
}
registerEnumType(ClosedDayKind, { name: 'ClosedDayKind' });

@ObjectType({ description: 'A weekday that is not a working day besides the statutory holidays, which are computed.' })
@Entity('calendar_day')
@Check('calendar_day_kind_check', oneOfSql('kind', ClosedDayKind))
export class CalendarDay {
  @Field({ description: 'YYYY-MM-DD' })
  @PrimaryColumn({ type: 'date' })
  date: string;

  @Field(() => ClosedDayKind)
  @Column({ type: 'varchar', length: 20 })
  kind: ClosedDayKind;

  @Field()
  @Column({ type: 'varchar', length: LENGTH.name })
  description: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
