import type { DataSource } from 'typeorm';
import type { Caller } from '../shared/caller';
import type { Clock } from '../shared/clock';
import { FieldCode, NotFoundError, problem, UserInputError } from '../shared/errors';
import { pageOf, whereEquals, whereIds } from '../shared/list-query';
import type { Page } from '../shared/pagination';
import { Complaint } from './complaint.entity';
import { DueWindow, type ComplaintListArgs, type DeadlineCountFilter, type DeadlineListArgs } from './complaint-list.input';
import type { DeadlineCounts } from './deadline.entity';
import { COMPLAINT_ALIAS, complaintPage, type PagePreload } from './complaint-page';
import { searchComplaints, searchMatch, type ComplaintSearchResult } from './complaint-search';
import { owedByOrganisationSql, owedBySql } from './complaint.procedure';
import { Deadline } from './deadline.entity';
import { maySee, restrictToVisible, seesEveryComplaint } from './visibility';

const SORT_COLUMNS = {
  receivedAt: 'receivedAt',
  reference: 'reference',
  status: 'status',
  nextDueAt: 'nextDueAt',
  updatedAt: 'updatedAt',
} as const satisfies Record<string, keyof Complaint>;

/** Reading complaints: one by id or reference, lists and the deadline lists, each as the caller may see them. */
export class ComplaintQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Search from anywhere (complaint-search.ts): ranked, as the caller may see them. */
  search(caller: Caller, q: string, first: number): Promise<ComplaintSearchResult> {
    return searchComplaints(this.dataSource, caller, q, first);
  }

  /** A complaint the caller may see; anything else answers as if it did not exist. */
  async get(caller: Caller, by: { id?: string | null; reference?: string | null }): Promise<Complaint> {
    const where = by.id ? { id: by.id } : by.reference ? { reference: by.reference.trim().toUpperCase() } : undefined;
    if (!where) throw new UserInputError('Give an id or a reference.', { id: problem(FieldCode.ID_OR_REFERENCE_REQUIRED, 'id or reference is required') });
    const complaint = await this.dataSource.getRepository(Complaint).findOneBy(where);
    if (!complaint || !maySee(complaint, caller)) throw new NotFoundError('Complaint', by.id ?? by.reference ?? '');
    return complaint;
  }

  /** One statement: the page, the total and (with `preload`) the relations its query asks for (complaint-page.ts). */
  async list(caller: Caller, args: ComplaintListArgs, preload?: PagePreload): Promise<Page<Complaint>> {
    const now = this.clock.now().toJSDate();
    const query = this.dataSource.getRepository(Complaint).createQueryBuilder(COMPLAINT_ALIAS);
    restrictToVisible(query, caller);
    const filter = args.filter ?? {};
    whereIds(query, 'complaint.id', filter.ids);
    if (filter.status?.length) query.andWhere('complaint.status = ANY(:status)', { status: filter.status });
    whereEquals(query, {
      'complaint.kind': filter.kind,
      'complaint.unit_id': filter.unitId,
      'complaint.handler_id': filter.handlerId,
      'complaint.category_id': filter.categoryId,
      'complaint.registered_by_id': filter.registeredById,
      'complaint.channel': filter.channel,
    });
    if (filter.receivedFrom) query.andWhere('complaint.received_at >= :receivedFrom', { receivedFrom: filter.receivedFrom });
    if (filter.receivedTo) query.andWhere('complaint.received_at <= :receivedTo', { receivedTo: filter.receivedTo });
    if (filter.overdue === true) query.andWhere('complaint.next_due_at < :now', { now });
    if (filter.overdue === false) query.andWhere('(complaint.next_due_at IS NULL OR complaint.next_due_at >= :now)', { now });
    if (filter.paused === true) query.andWhere('complaint.paused_since IS NOT NULL');
    if (filter.paused === false) query.andWhere('complaint.paused_since IS NULL');
    if (filter.reopenRequested === true) query.andWhere('complaint.reopen_requested_at IS NOT NULL');
    if (filter.reopenRequested === false) query.andWhere('complaint.reopen_requested_at IS NULL');
    if (filter.dueBefore) query.andWhere('complaint.next_due_at <= :dueBefore', { dueBefore: filter.dueBefore });
    if (filter.q?.trim()) {
      // the search box's match: words of the name, description and service, a reference or its number, an e-mail address
      const match = searchMatch('complaint', filter.q);
      query.andWhere(match ? match.where : 'false', match?.parameters ?? {});
    }
    return complaintPage(this.dataSource, query, args, { column: SORT_COLUMNS[args.sortField], order: args.sortOrder }, preload);
  }

  /** Open deadlines: overdue, due later today, due later this week; per handler and unit. One statement. */
  async listDeadlines(caller: Caller, args: DeadlineListArgs): Promise<Page<Deadline>> {
    const filter = args.filter ?? {};
    const query = this.openDeadlines(caller, filter);
    if (filter.due) {
      const [from, to] = this.window(filter.due);
      // a deadline that stands still is not due: it moves when the clock runs again
      query.andWhere('deadline.paused_at IS NULL');
      if (from) query.andWhere('deadline.due_at >= :from', { from });
      query.andWhere('deadline.due_at < :to', { to });
    }
    // The objection window is the complainant's term, not work for the organisation: only when asked for.
    if (filter.kind) query.andWhere('deadline.kind = :kind', { kind: filter.kind });
    else query.andWhere(owedByOrganisationSql('deadline.kind'));
    whereIds(query, 'deadline.id', filter.ids);
    return pageOf(query, args, 'deadline.due_at', args.sortOrder, 'deadline.id');
  }

  /** How many of the organisation's open deadlines fall in each window (the tabs' counts). One statement. */
  async countDeadlines(caller: Caller, filter: DeadlineCountFilter): Promise<DeadlineCounts> {
    const [, overdueUntil] = this.window(DueWindow.OVERDUE);
    const [, todayUntil] = this.window(DueWindow.TODAY);
    const [, weekUntil] = this.window(DueWindow.LATER_THIS_WEEK);
    const counts = (await this.openDeadlines(caller, filter)
      .andWhere('deadline.paused_at IS NULL')
      .andWhere(owedByOrganisationSql('deadline.kind'))
      .andWhere('deadline.due_at < :weekUntil', { weekUntil })
      .select('count(*) FILTER (WHERE deadline.due_at < :overdueUntil)::int', 'overdue')
      .addSelect('count(*) FILTER (WHERE deadline.due_at >= :overdueUntil AND deadline.due_at < :todayUntil)::int', 'today')
      .addSelect('count(*) FILTER (WHERE deadline.due_at >= :todayUntil)::int', 'laterThisWeek')
      .setParameters({ overdueUntil, todayUntil })
      .getRawOne()) as DeadlineCounts;
    return counts;
  }

  /** The open deadlines the caller may see, of a handler or unit when asked. */
  private openDeadlines(caller: Caller, filter: DeadlineCountFilter) {
    const query = this.dataSource.getRepository(Deadline).createQueryBuilder('deadline').where('deadline.met_at IS NULL AND deadline.cancelled_at IS NULL');
    // The complaint is joined only when needed: for everyone else it makes PostgreSQL walk all complaints.
    if (!seesEveryComplaint(caller) || filter.handlerId || filter.unitId) {
      query.innerJoin(Complaint, 'complaint', 'complaint.id = deadline.complaint_id');
      restrictToVisible(query, caller);
    }
    whereEquals(query, { 'complaint.handler_id': filter.handlerId, 'complaint.unit_id': filter.unitId });
    if (filter.owedBy)
      // who owes it as Mijn werk and the deadline watch count it
      query.andWhere(
        `deadline.id IN (SELECT d.id FROM deadline d JOIN complaint c ON c.id = d.complaint_id LEFT JOIN organisational_unit u ON u.id = c.unit_id
          WHERE d.met_at IS NULL AND d.cancelled_at IS NULL AND ${owedBySql('owedBy')})`,
        { owedBy: filter.owedBy },
      );
    return query;
  }

  /** A window's bounds now: [from (none: since ever), until (exclusive)], on the Amsterdam clock. */
  private window(due: DueWindow): [Date | null, Date] {
    const now = this.clock.now();
    const endOfToday = now.startOf('day').plus({ days: 1 }).toJSDate();
    switch (due) {
      case DueWindow.OVERDUE:
        return [null, now.toJSDate()];
      case DueWindow.TODAY:
        return [now.toJSDate(), endOfToday];
      case DueWindow.LATER_THIS_WEEK:
        return [endOfToday, now.startOf('week').plus({ weeks: 1 }).toJSDate()];
    }
  }
}
