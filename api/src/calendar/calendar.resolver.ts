import { Arg, Args, Authorized, Ctx, Extensions, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { PageOf } from '../shared/pagination';
import { ReferenceDataResolver } from '../shared/reference-data.resolver';
import { caller, type RequestContext } from '../shared/request-context';
import { Role } from '../shared/roles';
import { CalendarDay } from './calendar-day.entity';
import { CalendarDayListArgs, CreateCalendarDayInput, NonWorkingDay, YearArgs } from './calendar.input';

@ObjectType()
export class CalendarDayPage extends PageOf(CalendarDay) {}

@Resolver(() => CalendarDay)
export class CalendarResolver extends ReferenceDataResolver({
  entity: CalendarDay,
  page: CalendarDayPage,
  listArgs: CalendarDayListArgs,
  createInput: CreateCalendarDayInput,
  names: { one: 'calendarDay', list: 'calendarDayList', create: 'createCalendarDay' },
  descriptions: {
    list: 'Decree days and closing days (the statutory days are computed: see nonWorkingDays).',
    create: 'Counts for deadlines opened from now on.',
  },
  service: (services) => services.calendar,
  read: [],
  idFormat: 'date',
}) {
  @FieldResolver(() => ID, { description: 'The date, as the id.' })
  id(@Root() day: CalendarDay): string {
    return day.date;
  }

  @Authorized()
  @Query(() => [NonWorkingDay], { description: 'Every weekday of a year that is not a working day.' })
  async nonWorkingDays(@Args(() => YearArgs) { year }: YearArgs, @Ctx() { services }: RequestContext): Promise<NonWorkingDay[]> {
    return services.calendar.nonWorkingDays(year);
  }

  @Authorized(Role.ADMIN)
  @Extensions({ idFormat: 'date' })
  @Mutation(() => CalendarDay)
  async deleteCalendarDay(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<CalendarDay> {
    return context.services.calendar.remove(caller(context), id);
  }
}
