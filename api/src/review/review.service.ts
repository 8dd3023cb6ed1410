import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { Complaint } from '../complaint/complaint.entity';
import type { Caller } from '../shared/caller';
import type { Clock } from '../shared/clock';
import { ZONE } from '../shared/clock';
import { AuditAction } from '../audit/audit-event.entity';
import { changesBetween, createdValues, type AuditService } from '../audit/audit.service';
import { FieldCode, NotFoundError, problem, UserInputError } from '../shared/errors';
import { lockVersion } from '../shared/optimistic-lock';
import { pageOf } from '../shared/list-query';
import type { Page } from '../shared/pagination';
import { Staff } from '../staff/staff.entity';
import type { StatsService } from '../stats/stats.service';
import type { StatisticsRow } from '../stats/stats.types';
import { Measure, MeasureStatus, Review, ReviewStatus } from './review.entity';
import { reviewReport } from './review-report';
import { trend } from './trends';
import type { MeasureInput, MeasureListArgs, MeasureUpdateInput, OpenReviewInput, ReviewFigures, ReviewListArgs, TrendDimension } from './review.types';

/** The half-yearly review (seeds 001, 002, 004): figures next to the previous period, trends, findings and measures. */
export class ReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readDataSource: DataSource,
    private readonly stats: StatsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async get(id: string): Promise<Review> {
    const review = await this.dataSource.getRepository(Review).findOneBy({ id });
    if (!review) throw new NotFoundError('Review', id);
    return review;
  }

  list(args: ReviewListArgs): Promise<Page<Review>> {
    return pageOf(this.dataSource.getRepository(Review).createQueryBuilder('review'), args, 'review.period_start', args.sortOrder, 'review.id');
  }

  async open(caller: Caller, input: OpenReviewInput): Promise<Review> {
    const start = DateTime.fromISO(input.periodStart, { zone: ZONE });
    const end = DateTime.fromISO(input.periodEnd, { zone: ZONE });
    if (end <= start)
      throw new UserInputError('The period ends before it starts.', {
        periodEnd: problem(FieldCode.BEFORE_START, 'must be after periodStart', { after: 'periodStart' }),
      });
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Review);
      const review = await repository.save(
        repository.create({ periodStart: input.periodStart, periodEnd: input.periodEnd, status: ReviewStatus.OPEN, openedById: caller.id, findings: null }),
      );
      await this.audit.record(
        manager,
        caller,
        'Review',
        review.id,
        AuditAction.CREATED,
        createdValues({ periodStart: input.periodStart, periodEnd: input.periodEnd }),
      );
      return review;
    });
  }

  async update(caller: Caller, id: string, version: number, findings: string): Promise<Review> {
    return this.dataSource.transaction(async (manager) => {
      const review = await lockVersion(manager, Review, id, version, 'review');
      if (review.status === ReviewStatus.CLOSED)
        throw new UserInputError('This review is closed.', { findings: problem(FieldCode.REVIEW_CLOSED, 'the review is closed') }, 'REVIEW_CLOSED');
      await this.audit.record(manager, caller, 'Review', id, AuditAction.UPDATED, changesBetween(review, { findings: findings.trim() }));
      review.findings = findings.trim();
      return manager.getRepository(Review).save(review);
    });
  }

  async close(caller: Caller, id: string): Promise<Review> {
    return this.dataSource.transaction(async (manager) => {
      const review = await manager.getRepository(Review).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!review) throw new NotFoundError('Review', id);
      if (!review.findings)
        throw new UserInputError(
          'Record the findings before closing the review.',
          { findings: problem(FieldCode.FINDINGS_REQUIRED, 'is required to close') },
          'FINDINGS_REQUIRED',
        );
      const closedAt = this.clock.now().toJSDate();
      await this.audit.record(manager, caller, 'Review', id, AuditAction.UPDATED, changesBetween(review, { status: ReviewStatus.CLOSED, closedAt }));
      review.status = ReviewStatus.CLOSED;
      review.closedAt = closedAt;
      return manager.getRepository(Review).save(review);
    });
  }

  /**
   * The period as [start of its first day, start of the day after its last) in Amsterdam, and the
   * period before it: the same number of months when the period is whole months (a half-year
   * against the previous half-year), else the same number of days.
   */
  private period(review: Review) {
    const start = DateTime.fromISO(review.periodStart, { zone: ZONE }).startOf('day');
    const end = DateTime.fromISO(review.periodEnd, { zone: ZONE }).plus({ days: 1 }).startOf('day');
    const wholeMonths = start.day === 1 && end.day === 1;
    const months = Math.round(end.diff(start, 'months').months);
    const previousStart = wholeMonths ? start.minus({ months }) : start.minus({ days: Math.round(end.diff(start, 'days').days) });
    const days = (from: DateTime, to: DateTime) => Math.round(to.diff(from, 'days').days);
    return { start, end, days: days(start, end), previousStart, previousEnd: start, previousDays: days(previousStart, start) };
  }

  async figures(review: Review): Promise<ReviewFigures> {
    const { start, end, days, previousStart, previousEnd, previousDays } = this.period(review);
    const only = (rows: StatisticsRow[]) => rows[0];
    const [current, previous] = await Promise.all([
      this.stats.statistics({ from: start.toJSDate(), to: end.toJSDate(), groupBy: [] }).then(only),
      this.stats.statistics({ from: previousStart.toJSDate(), to: previousEnd.toJSDate(), groupBy: [] }).then(only),
    ]);
    // Counts per category, unit and employee complained about, in both periods: one statement, aggregates only.
    const rows = (await this.readDataSource.query(
      `WITH scoped AS (
         SELECT c.*, (c.received_at >= $3) AS is_current FROM complaint c
         WHERE c.kind = 'COMPLAINT' AND c.received_at >= $1 AND c.received_at < $2
       )
       SELECT 'CATEGORY' AS dimension, coalesce(cat.key, '-') AS key, coalesce(cat.name, 'Zonder categorie') AS label,
              count(*) FILTER (WHERE is_current)::int AS current, count(*) FILTER (WHERE NOT is_current)::int AS previous
       FROM scoped c LEFT JOIN category cat ON cat.id = c.category_id GROUP BY 1, 2, 3
       UNION ALL
       SELECT 'UNIT', coalesce(u.code, '-'), coalesce(u.name, 'Zonder eenheid'),
              count(*) FILTER (WHERE is_current)::int, count(*) FILTER (WHERE NOT is_current)::int
       FROM scoped c LEFT JOIN organisational_unit u ON u.id = c.unit_id GROUP BY 1, 2, 3
       UNION ALL
       SELECT 'EMPLOYEE', s.id::text, s.name,
              count(*) FILTER (WHERE is_current)::int, count(*) FILTER (WHERE NOT is_current)::int
       FROM scoped c CROSS JOIN LATERAL unnest(c.subject_staff_ids) AS subject(id) JOIN staff s ON s.id = subject.id GROUP BY 1, 2, 3`,
      [previousStart.toJSDate(), end.toJSDate(), start.toJSDate()],
    )) as Array<{ dimension: TrendDimension; key: string; label: string; current: number; previous: number }>;
    const trends = rows
      .map((row) => trend(row.dimension, row.key, row.label, row.current, row.previous, days, previousDays))
      .sort((a, b) => Number(b.flagged) - Number(a.flagged) || a.pValue - b.pValue || b.current - a.current);
    return {
      periodStart: start.toISODate()!,
      periodEnd: review.periodEnd,
      previousStart: previousStart.toISODate()!,
      previousEnd: previousEnd.minus({ days: 1 }).toISODate()!,
      current,
      previous,
      trends,
    };
  }

  async addMeasure(caller: Caller, reviewId: string, input: MeasureInput): Promise<Measure> {
    const review = await this.get(reviewId);
    if (review.status === ReviewStatus.CLOSED)
      throw new UserInputError('This review is closed.', { reviewId: problem(FieldCode.REVIEW_CLOSED, 'the review is closed') }, 'REVIEW_CLOSED');
    if (!(await this.dataSource.getRepository(Staff).existsBy({ id: input.ownerId, active: true }))) {
      throw new UserInputError(
        'There is no active staff member with this id.',
        { ownerId: problem(FieldCode.NO_ACTIVE_STAFF, 'no active staff member with this id') },
        'UNKNOWN_REFERENCE',
      );
    }
    const complaintIds = [...new Set(input.complaintIds ?? [])];
    if (complaintIds.length && (await this.dataSource.getRepository(Complaint).countBy({ id: In(complaintIds) })) !== complaintIds.length) {
      throw new UserInputError(
        'One of the complaints does not exist.',
        { complaintIds: problem(FieldCode.DOES_NOT_EXIST, 'one of them does not exist') },
        'UNKNOWN_REFERENCE',
      );
    }
    const values = {
      reviewId,
      description: input.description.trim(),
      ownerId: input.ownerId,
      dueDate: input.dueDate,
      status: MeasureStatus.OPEN,
      complaintIds,
      followUp: null,
    };
    return this.dataSource.transaction(async (manager) => {
      const measure = await manager.getRepository(Measure).save(manager.getRepository(Measure).create(values));
      await this.audit.record(manager, caller, 'Measure', measure.id, AuditAction.CREATED, createdValues(values));
      return measure;
    });
  }

  async updateMeasure(caller: Caller, id: string, version: number, input: MeasureUpdateInput): Promise<Measure> {
    return this.dataSource.transaction(async (manager) => {
      const measure = await lockVersion(manager, Measure, id, version, 'measure');
      const before = { ...measure };
      const changed = this.changedMeasure(measure, input);
      await this.audit.record(manager, caller, 'Measure', id, AuditAction.UPDATED, changesBetween(before, { ...changed }));
      return manager.getRepository(Measure).save(changed);
    });
  }

  private changedMeasure(measure: Measure, input: MeasureUpdateInput): Measure {
    if (input.followUp != null) measure.followUp = input.followUp.trim();
    if (input.dueDate != null) measure.dueDate = input.dueDate;
    if (input.done === true && measure.status !== MeasureStatus.DONE) {
      measure.status = MeasureStatus.DONE;
      measure.doneAt = this.clock.now().toJSDate();
    }
    if (input.done === false) {
      measure.status = MeasureStatus.OPEN;
      measure.doneAt = null;
    }
    return measure;
  }

  listMeasures(args: MeasureListArgs): Promise<Page<Measure>> {
    const query = this.dataSource.getRepository(Measure).createQueryBuilder('measure');
    const filter = args.filter ?? {};
    if (filter.reviewId) query.andWhere('measure.review_id = :reviewId', { reviewId: filter.reviewId });
    if (filter.ownerId) query.andWhere('measure.owner_id = :ownerId', { ownerId: filter.ownerId });
    if (filter.open === true) query.andWhere(`measure.status = 'OPEN'`);
    if (filter.open === false) query.andWhere(`measure.status = 'DONE'`);
    if (filter.overdue) query.andWhere(`measure.status = 'OPEN' AND measure.due_date < :today`, { today: this.clock.now().toISODate() });
    if (filter.ids) query.andWhere('measure.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : [null] });
    return pageOf(query, args, 'measure.due_date', args.sortOrder, 'measure.id');
  }

  /** The review as a readable Markdown report: figures, trends, findings, measures. */
  async report(review: Review): Promise<string> {
    const figures = await this.figures(review);
    const measures = await this.dataSource.getRepository(Measure).find({ where: { reviewId: review.id }, order: { dueDate: 'ASC' } });
    const owners = new Map((await this.dataSource.getRepository(Staff).findBy({ id: In(measures.map((m) => m.ownerId)) })).map((s) => [s.id, s.name]));
    return reviewReport(review, figures, measures, owners);
  }
}
