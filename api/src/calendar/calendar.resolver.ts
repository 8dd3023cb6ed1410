import { IsEnum, IsInt, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import type { DataSource } from 'typeorm';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Extensions,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { RequestContext } from '../context';
import { PageArgs, PageOf, type Page } from '../shared/pagination';
import { ReferenceData } from '../shared/reference-data';
import { Role } from '../shared/roles';
import { CalendarDay, ClosedDayKind } from './calendar-day.entity';
import { CALENDAR_YEARS, statutoryHolidays } from './working-calendar';
import { IsLocalDate } from '../shared/validators';
import { LENGTH } from '../shared/lengths';

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
export class CalendarDayListArgs extends PageArgs {
  @Field(() => CalendarDayFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: CalendarDayFilter;
}

@ObjectType()
export class CalendarDayPage extends PageOf(CalendarDay) {}

@ObjectType({ description: 'A weekday that is not a working day, for whatever reason.' })
export class NonWorkingDay {
  @Field()
  date: string;

  @Field()
  name: string;

  @Field({ description: 'STATUTORY (Algemene termijnenwet), DECREE or CLOSING.' })
  kind: string;
}

export class CalendarService extends ReferenceData<CalendarDay> {
  constructor(dataSource: DataSource) {
    super(dataSource, CalendarDay, 'calendar day', 'date');
  }

  list(args: CalendarDayListArgs): Promise<Page<CalendarDay>> {
    const { filter } = args;
    return this.page(args, 'day', 'date', (query) => {
      if (filter?.year) query.andWhere('extract(year FROM day.date) = :year', { year: filter.year });
      if (filter?.kind) query.andWhere('day.kind = :kind', { kind: filter.kind });
      if (filter?.ids) query.andWhere('day.date::text IN (:...ids)', { ids: filter.ids.length ? filter.ids : [null] });
    });
  }

  async remove(date: string): Promise<CalendarDay> {
    const day = await this.get(date);
    await this.dataSource.getRepository(CalendarDay).delete({ date });
    return day;
  }

  /** Statutory, decree and closing days of a year, in date order. */
  async nonWorkingDays(year: number): Promise<NonWorkingDay[]> {
    const closed = await this.dataSource.getRepository(CalendarDay).createQueryBuilder('day').where('extract(year FROM day.date) = :year', { year }).getMany();
    const days: NonWorkingDay[] = [...statutoryHolidays(year)].map(([date, name]) => ({ date, name, kind: 'STATUTORY' }));
    days.push(...closed.map((day) => ({ date: day.date, name: day.description, kind: day.kind })));
    return days.sort((a, b) => a.date.localeCompare(b.date));
  }
}

@Resolver(() => CalendarDay)
export class CalendarResolver {
  @FieldResolver(() => ID, { description: 'The date, as the id.' })
  id(@Root() day: CalendarDay): string {
    return day.date;
  }

  @Authorized()
  @Extensions({ idFormat: 'date' })
  @Query(() => CalendarDay, { nullable: true })
  async calendarDay(@Arg('id', () => ID) id: string, @Ctx() { services }: RequestContext): Promise<CalendarDay> {
    return services.calendar.get(id);
  }

  @Authorized()
  @Query(() => CalendarDayPage, { description: 'Decree days and closing days (the statutory days are computed: see nonWorkingDays).' })
  async calendarDayList(@Args(() => CalendarDayListArgs) args: CalendarDayListArgs, @Ctx() { services }: RequestContext): Promise<CalendarDayPage> {
    return services.calendar.list(args);
  }

  @Authorized()
  @Query(() => [NonWorkingDay], { description: 'Every weekday of a year that is not a working day.' })
  async nonWorkingDays(@Args(() => YearArgs) { year }: YearArgs, @Ctx() { services }: RequestContext): Promise<NonWorkingDay[]> {
    return services.calendar.nonWorkingDays(year);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CalendarDay, { description: 'Counts for deadlines opened from now on.' })
  async createCalendarDay(
    @Arg('input', () => CreateCalendarDayInput) input: CreateCalendarDayInput,
    @Ctx() { services }: RequestContext,
  ): Promise<CalendarDay> {
    return services.calendar.create(input);
  }

  @Authorized(Role.ADMIN)
  @Extensions({ idFormat: 'date' })
  @Mutation(() => CalendarDay)
  async deleteCalendarDay(@Arg('id', () => ID) id: string, @Ctx() { services }: RequestContext): Promise<CalendarDay> {
    return services.calendar.remove(id);
  }
}
