import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DeadlineStart } from '../complaint/complaint.enums';
import type { DueExplanationData } from './due-explanation';
import { DeadlineUnit, SkipReason } from './working-calendar';

export enum AdjustmentKind {
  PAUSE = 'PAUSE',
  EXTENSION = 'EXTENSION',
}
registerEnumType(AdjustmentKind, { name: 'AdjustmentKind', description: 'What moved a due date: a pause (waiting for information) or an extension.' });

@ObjectType({ description: 'A day the count passed without counting it, and why.' })
export class SkippedDay {
  @Field({ description: 'YYYY-MM-DD' })
  date: string;

  @Field(() => SkipReason)
  reason: SkipReason;

  @Field({ description: 'zaterdag, Koningsdag, the decree or the closing day.' })
  name: string;
}

@ObjectType({ description: 'A pause or an extension that moved the due date.' })
export class DueAdjustment {
  @Field(() => AdjustmentKind)
  kind: AdjustmentKind;

  @Field(() => Date, { description: 'The pause began, or the extension was given.' })
  from: Date;

  @Field(() => Date, { nullable: true, description: 'The pause ended.' })
  to: Date | null;

  @Field(() => Int, { nullable: true, description: 'A pause of a working-day rule: the working days it lasted.' })
  workingDays: number | null;

  @Field(() => Int, { nullable: true, description: 'A pause of a day or week rule: the calendar days it lasted.' })
  calendarDays: number | null;

  @Field(() => Float, { nullable: true, description: 'A pause of an hour rule: the hours it lasted.' })
  hours: number | null;

  @Field(() => Int, { nullable: true, description: 'An extension: its weeks.' })
  weeks: number | null;

  @Field(() => String, { nullable: true, description: 'An extension: why.' })
  reason: string | null;

  @Field()
  previousDueDate: string;

  @Field()
  dueDate: string;

  @Field(() => [SkippedDay], { description: 'The non-working days the new date had to pass.' })
  skipped: SkippedDay[];
}

@ObjectType({ description: 'Why a deadline is due when it is (DOMAIN.md, Counting time): the rule, the start, the days skipped, the pauses and extension.' })
export class DueExplanation {
  @Field(() => Int)
  amount: number;

  @Field(() => DeadlineUnit)
  unit: DeadlineUnit;

  @Field(() => DeadlineStart)
  startsAt: DeadlineStart;

  @Field(() => Date, { description: 'The moment it counts from.' })
  startedAt: Date;

  @Field(() => String, { nullable: true, description: 'Day and week rules: the date before it was moved to a working day (Atw art. 1).' })
  nominalDate: string | null;

  @Field(() => [SkippedDay], { description: 'The non-working days the count passed.' })
  skipped: SkippedDay[];

  @Field(() => [DueAdjustment])
  adjustments: DueAdjustment[];

  @Field()
  dueDate: string;

  @Field(() => Date)
  dueAt: Date;
}

/** The kept explanation (JSON) as the graph's type. */
export function toDueExplanation(data: DueExplanationData): DueExplanation {
  return {
    amount: data.amount,
    unit: data.unit,
    startsAt: data.startsAt as DeadlineStart,
    startedAt: new Date(data.startedAt),
    nominalDate: data.nominalDate ?? null,
    skipped: data.skipped,
    adjustments: data.adjustments.map((adjustment) => ({
      kind: adjustment.kind as AdjustmentKind,
      from: new Date(adjustment.from),
      to: adjustment.to ? new Date(adjustment.to) : null,
      workingDays: adjustment.workingDays ?? null,
      calendarDays: adjustment.calendarDays ?? null,
      hours: adjustment.hours ?? null,
      weeks: adjustment.weeks ?? null,
      reason: adjustment.reason ?? null,
      previousDueDate: adjustment.previousDueDate,
      dueDate: adjustment.dueDate,
      skipped: adjustment.skipped,
    })),
    dueDate: data.dueDate,
    dueAt: new Date(data.dueAt),
  };
}
