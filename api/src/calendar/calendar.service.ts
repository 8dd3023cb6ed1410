import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import type { Caller } from '../shared/caller';
import { whereEquals, whereIds } from '../shared/list-query';
import type { Page } from '../shared/pagination';
import { ReferenceData } from '../shared/reference-data';
import { CalendarDay } from './calendar-day.entity';
import type { CalendarDayListArgs, CreateCalendarDayInput, NonWorkingDay } from './calendar.input';
import { statutoryHolidays } from './working-calendar';

/** Decree days and the organisation's closing days (the statutory days are computed: working-calendar.ts). */
export class CalendarService extends ReferenceData<CalendarDay> {
  constructor(dataSource: DataSource, audit: AuditService) {
    super(dataSource, audit, CalendarDay, { label: 'calendar day', auditName: 'CalendarDay', key: 'date' });
  }

  list(args: CalendarDayListArgs): Promise<Page<CalendarDay>> {
    const { filter } = args;
    return this.page(args, 'day', 'date', (query) => {
      whereEquals(query, { 'extract(year FROM day.date)': filter?.year, 'day.kind': filter?.kind });
      whereIds(query, 'day.date::text', filter?.ids);
    });
  }

  create(caller: Caller, input: CreateCalendarDayInput): Promise<CalendarDay> {
    return this.insertRow(caller, input);
  }

  remove(caller: Caller, date: string): Promise<CalendarDay> {
    return this.removeRow(caller, date);
  }

  /** Statutory, decree and closing days of a year, in date order. */
  async nonWorkingDays(year: number): Promise<NonWorkingDay[]> {
    const closed = await this.dataSource.getRepository(CalendarDay).createQueryBuilder('day').where('extract(year FROM day.date) = :year', { year }).getMany();
    const days: NonWorkingDay[] = [...statutoryHolidays(year)].map(([date, name]) => ({ date, name, kind: 'STATUTORY' }));
    days.push(...closed.map((day) => ({ date: day.date, name: day.description, kind: day.kind })));
    return days.sort((a, b) => a.date.localeCompare(b.date));
  }
}
