import { PrivacyRequest } from '../privacy/privacy-request.entity';
import { RetentionLedgerEntry } from '../privacy/retention-ledger.entity';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations';
import { AuditEvent } from '../audit/audit-event.entity';
import { CalendarDay } from '../calendar/calendar-day.entity';
import { Category } from '../category/category.entity';
import { Attachment } from '../complaint/attachment.entity';
import { Complainant } from '../complaint/complainant.entity';
import { ComplaintEvent } from '../complaint/complaint-event.entity';
import { Complaint } from '../complaint/complaint.entity';
import { ContactMoment } from '../complaint/contact-moment.entity';
import { Deadline } from '../complaint/deadline.entity';
import { ReferenceCounter } from '../complaint/reference-counter.entity';
import { Hearing } from '../hearing/hearing.entity';
import { Objection } from '../objection/objection.entity';
import { Policy } from '../policy/policy.entity';
import { ExternalParty } from '../referral/external-party.entity';
import { Referral } from '../referral/referral.entity';
import { Measure, Review } from '../review/review.entity';
import { Staff } from '../staff/staff.entity';
import { ApiToken } from '../token/api-token.entity';
import { Unit } from '../unit/unit.entity';
import { ComplaintPause } from '../complaint/pause.entity';
import { EmployeeStatement } from '../concerned/employee-statement.entity';
import { NotificationSettings } from '../notification/notification-settings.entity';
import { LetterTemplate } from '../correspondence/letter-template.entity';
import { Letter } from '../correspondence/letter.entity';
import { OutboxMessage } from '../correspondence/outbox-message.entity';
import { Notification } from '../notification/notification.entity';
import { SatisfactionSurvey } from '../satisfaction/satisfaction.entity';

export const entities = [
  AuditEvent,
  Staff,
  Unit,
  Policy,
  Category,
  CalendarDay,
  Complainant,
  Complaint,
  Deadline,
  ContactMoment,
  ComplaintEvent,
  Attachment,
  ReferenceCounter,
  Objection,
  Hearing,
  ExternalParty,
  Referral,
  ApiToken,
  Review,
  Measure,
  ComplaintPause,
  EmployeeStatement,
  Notification,
  NotificationSettings,
  LetterTemplate,
  Letter,
  OutboxMessage,
  PrivacyRequest,
  RetentionLedgerEntry,
  SatisfactionSurvey,
];

/** synchronize is off everywhere, tests included: the schema comes from migrations only. */
export function dataSourceOptions(url: string, overrides: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    applicationName: 'klachtenregistratie',
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install, no superuser needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: { max: 20, connectionTimeoutMillis: 5_000 },
    ...overrides,
  } as DataSourceOptions;
}

export function createDataSource(url: string, overrides: Partial<DataSourceOptions> = {}): DataSource {
  return new DataSource(dataSourceOptions(url, overrides));
}
