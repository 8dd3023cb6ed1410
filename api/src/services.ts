import type { DataSource } from 'typeorm';
import { AuditService } from './audit/audit.service';
import { AuthService } from './auth/auth.service';
import { TokenService } from './auth/token.service';
import { CalendarService } from './calendar/calendar.service';
import { CategoryService } from './category/category.service';
import { ComplaintQueries } from './complaint/complaint-queries.service';
import { ClockService } from './complaint/clock.service';
import { ComplaintService } from './complaint/complaint.service';
import { DeadlinePlanner } from './complaint/deadline-planner';
import { HistoryService } from './complaint/history.service';
import { IntakeService } from './complaint/intake.service';
import { ProcedureEngine } from './complaint/procedure-engine';
import { ConcernedService } from './concerned/concerned.service';
import { requestPool } from './database/health';
import { HearingService } from './hearing/hearing.service';
import { ObjectionService } from './objection/objection.service';
import { PolicyService } from './policy/policy.service';
import { ExternalPartyService } from './referral/external-party.service';
import { ReferralService } from './referral/referral.service';
import { ReviewService } from './review/review.service';
import { systemClock, type Clock } from './shared/clock';
import type { Logger } from './shared/logger';
import { Pseudonymiser } from './shared/pseudonym';
import { RateLimits } from './shared/rate-limits';
import { StaffService } from './staff/staff.service';
import { StatsService } from './stats/stats.service';
import { StatisticsRollup } from './stats/rollup';
import { ApiTokenService } from './token/api-token.service';
import { UnitService } from './unit/unit.service';
import { DailyDigest } from './jobs/daily-digest';
import { DeadlineWatch } from './jobs/deadline-watch';
import type { JobQueue } from './jobs/job-queue';
import { JobsService } from './jobs/jobs.service';
import { NotificationService } from './notification/notification.service';
import { CorrespondenceService, type Organisation } from './correspondence/correspondence.service';
import { LetterRenderer } from './correspondence/letter-renderer';
import { OutboxService } from './correspondence/outbox.service';
import { AttachmentService, type AttachmentLimits } from './files/attachment.service';
import type { FileStore } from './files/file-store';
import { PrivacyService } from './privacy/privacy.service';
import { RetentionService } from './privacy/retention.service';
import { PortalService } from './portal/portal.service';
import { StatusCodes } from './portal/status-code';
import { SatisfactionService } from './satisfaction/satisfaction.service';
import { WorkService } from './work/work.service';

/** The services of every feature, created once per process and shared by all requests (the composition root). */
export interface Services {
  audit: AuditService;
  auth: AuthService;
  staff: StaffService;
  /** Reading complaints and deadlines, as the caller may see them. */
  complaintQueries: ComplaintQueries;
  /** Registering and submitting complaints. */
  intake: IntakeService;
  /** The steps of the procedure on a complaint. */
  complaints: ComplaintService;
  /** Pausing for information, resuming, lapsing, extending. */
  clockSteps: ClockService;
  /** The employee concerned: notifications and their side of the story. */
  concerned: ConcernedService;
  hearings: HearingService;
  objections: ObjectionService;
  referrals: ReferralService;
  history: HistoryService;
  units: UnitService;
  categories: CategoryService;
  policies: PolicyService;
  calendar: CalendarService;
  externalParties: ExternalPartyService;
  apiTokens: ApiTokenService;
  stats: StatsService;
  /** The statistics job: the rollup of the days that changed, on the primary. */
  statisticsRollup: StatisticsRollup;
  reviews: ReviewService;
  /** What staff are told, and how they want to be told. */
  notifications: NotificationService;
  /** What must happen on time: lapses, breaches and escalations, reminders, hearings tomorrow (run by the job queue). */
  watch: DeadlineWatch;
  /** The working day's digest per member of staff (run by the job queue). */
  digest: DailyDigest;
  /** The ADMIN's view of the job queue. */
  jobs: JobsService;
  /** Letters to the complainant and their templates. */
  correspondence: CorrespondenceService;
  /** Messages waiting to be sent, and sending them (the outbox job). */
  outbox: OutboxService;
  /** Uploaded files: streamed to the file store, typed by their content, downloaded as the complaint allows. */
  attachments: AttachmentService;
  /** The retention job: anonymising dossiers past their period, removing the files they let go. */
  retention: RetentionService;
  /** Legal holds, access and erasure requests, the ledger. */
  privacy: PrivacyService;
  /** Where attachments are kept: DATA_DIR or S3. */
  files: FileStore;
  /** The complainant's side: the status page by reference and code, and acting online. */
  portal: PortalService;
  /** The satisfaction survey and the complainant's requests to reopen. */
  satisfaction: SatisfactionService;
  /** "Mijn werk", the unassigned queue, assigning many at once. */
  work: WorkService;
}

export interface ServiceDependencies {
  dataSource: DataSource;
  /** BI reads: their own pool and budget, on a replica when DATABASE_READ_URL is set. */
  readDataSource: DataSource;
  /** BI_STATEMENT_TIMEOUT_MS: also the statistics job's budget for counting a month. */
  biStatementTimeoutMs: number;
  pseudonymSecret: string;
  clock: Clock;
  logger: Logger;
  jwtSecret: string;
  tokenTtlSeconds: number;
  submitRateLimit: number;
  websiteRateLimit: number;
  /** The job queue (sending and retrying; working where WORKERS=on). */
  jobQueue: JobQueue;
  /** SMTP_URL (unset: nothing is sent) and MAIL_FROM. */
  mail: { smtpUrl: string | undefined; from: string };
  organisation: Organisation;
  files: FileStore;
  attachmentLimits: AttachmentLimits;
}

export function createServices(dependencies: ServiceDependencies): Services {
  const { dataSource, readDataSource, clock, logger } = dependencies;
  // Sign-in lifetimes run on real time: the injected clock is the procedure's "now", which tests move.
  const tokens = new TokenService(dependencies.jwtSecret, dependencies.tokenTtlSeconds, systemClock);
  const rateLimits = new RateLimits(requestPool(dataSource), {
    submitsPer10Minutes: dependencies.submitRateLimit,
    websiteSubmitsPer10Minutes: dependencies.websiteRateLimit,
    uploadsPer10Minutes: dependencies.attachmentLimits.uploadsPer10Minutes,
  });
  const audit = new AuditService(dataSource);
  const deadlines = new DeadlinePlanner();
  const engine = new ProcedureEngine(dataSource, clock, deadlines);
  const apiTokens = new ApiTokenService(dataSource, audit, clock, logger);
  const stats = new StatsService(readDataSource, clock);
  const staff = new StaffService(dataSource, audit, logger);
  const letters = new LetterRenderer(dataSource, dependencies.organisation);
  const outbox = new OutboxService(dataSource, clock, logger, dependencies.mail.smtpUrl, dependencies.mail.from, letters);
  const notifications = new NotificationService(dataSource, clock, outbox);
  const concerned = new ConcernedService(dataSource, engine, clock, notifications);
  const clockSteps = new ClockService(dataSource, engine, deadlines, concerned, clock, logger);
  const complaints = new ComplaintService(engine, clock, clockSteps, concerned, notifications);
  const statusCodes = new StatusCodes(dependencies.pseudonymSecret, clock);
  const correspondence = new CorrespondenceService(dataSource, complaints, deadlines, engine, outbox, clock, dependencies.organisation, statusCodes, letters);
  const attachments = new AttachmentService(dataSource, engine, dependencies.files, dependencies.attachmentLimits, rateLimits, clock, logger);
  const hearings = new HearingService(dataSource, engine, clock, correspondence, notifications);
  const objections = new ObjectionService(engine, clock, notifications);
  const satisfaction = new SatisfactionService(engine, clock, notifications);
  const retention = new RetentionService(dataSource, dependencies.files, attachments, clock, logger);
  return {
    audit,
    auth: new AuthService(dataSource, tokens, clock, logger, apiTokens, rateLimits, staff),
    staff,
    complaintQueries: new ComplaintQueries(dataSource, clock),
    intake: new IntakeService(
      dataSource,
      clock,
      logger,
      rateLimits,
      new Pseudonymiser(dependencies.pseudonymSecret),
      deadlines,
      engine,
      concerned,
      notifications,
      correspondence,
      attachments,
      statusCodes,
    ),
    complaints,
    clockSteps,
    concerned,
    hearings,
    objections,
    referrals: new ReferralService(dataSource, engine, clock),
    // A long read over the whole history: the BI pool and budget (a replica is a byte-for-byte copy to audit).
    history: new HistoryService(readDataSource),
    units: new UnitService(dataSource, audit),
    categories: new CategoryService(dataSource, audit),
    policies: new PolicyService(dataSource, audit),
    calendar: new CalendarService(dataSource, audit),
    externalParties: new ExternalPartyService(dataSource, audit),
    apiTokens,
    stats,
    statisticsRollup: new StatisticsRollup(dataSource, clock, logger, dependencies.biStatementTimeoutMs),
    reviews: new ReviewService(dataSource, readDataSource, stats, audit, clock),
    notifications,
    watch: new DeadlineWatch(dataSource, engine, deadlines, clockSteps, notifications, clock, logger),
    digest: new DailyDigest(dataSource, deadlines, notifications, clock, logger),
    jobs: new JobsService(dataSource, dependencies.jobQueue),
    correspondence,
    outbox,
    attachments,
    retention,
    privacy: new PrivacyService(dataSource, engine, retention, clock, letters, dependencies.organisation.name),
    files: dependencies.files,
    portal: new PortalService(dataSource, statusCodes, rateLimits, clock, engine, {
      clockSteps,
      objections,
      hearings,
      satisfaction,
      attachments,
      notifications,
      letters,
    }),
    satisfaction,
    work: new WorkService(dataSource, complaints, clock),
  };
}
