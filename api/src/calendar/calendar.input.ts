import { IsEnum, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { ArgsType, Extensions, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LENGTH } from '../shared/lengths';
import { IsLocalDate } from '../shared/validators';
import { ClosedDayKind } from './calendar-day.entity';
import { CALENDAR_YEARS } from './working-calendar';
import { ListArgs } from '../shared/list-args';

@InputType({ description: "A decree day or one of the organisation's own closing days." })
export class CreateCalendarDayInput {
  @Field({ description: 'YYYY-MM-DD' })
  @IsLocalDate()
  date: string;

  @Field(() => ClosedDayKind, { defaultValue: ClosedDayKind.CLOSING })
  @IsEnum(ClosedDayKind)
  kind: ClosedDayKind = ClosedDayKind.CLOSING;

  @Field()
  @Length(1, LENGTH.name)
  description: string;
}

@InputType()
export class CalendarDayFilter {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(CALENDAR_YEARS.first)
  @Max(CALENDAR_YEARS.last)
  year?: number;

  @Field(() => ClosedDayKind, { nullable: true })
  @IsOptional()
  kind?: ClosedDayKind;

  @Field(() => [ID], { nullable: true, description: 'Dates, YYYY-MM-DD.' })
  @Extensions({ idFormat: 'date' })
  @IsOptional()
  ids?: string[];
}

/** The years the calendar counts (every date the product accepts lies in them). */
@ArgsType()
export class YearArgs {
  @Field(() => Int)
  @IsInt()
  @Min(CALENDAR_YEARS.first)
  @Max(CALENDAR_YEARS.last)
  year: number;
}

@ArgsType()
export class CalendarDayListArgs extends ListArgs(CalendarDayFilter) {}

@ObjectType({ description: 'A weekday that is not a working day, for whatever reason.' })
export class NonWorkingDay {
  @Field()
  date: string;

  @Field()
  name: string;

  @Field({ description: 'STATUTORY (Algemene termijnenwet), DECREE or CLOSING.' })
  kind: string;
}
