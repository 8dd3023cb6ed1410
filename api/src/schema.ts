import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type BuildSchemaOptions } from 'type-graphql';
import { AuthResolver } from './auth/auth.resolver';
import { authChecker } from './auth/auth-checker';
import { guardRootArguments } from './shared/input-guard';
import { CalendarResolver } from './calendar/calendar.resolver';
import { CategoryResolver } from './category/category.resolver';
import { ComplaintStepsResolver } from './complaint/complaint-steps.resolver';
import { ComplaintEventResolver, ComplaintResolver, ContactMomentResolver, DeadlineResolver } from './complaint/complaint.resolver';
import { IntakeResolver } from './complaint/intake.resolver';
import { AuditResolver } from './audit/audit.resolver';
import { HearingResolver, HearingStepsResolver } from './hearing/hearing.resolver';
import { ObjectionFieldsResolver, ObjectionResolver } from './objection/objection.resolver';
import { PolicyResolver } from './policy/policy.resolver';
import { ExternalPartyResolver } from './referral/external-party.resolver';
import { ReferralFieldsResolver, ReferralResolver } from './referral/referral.resolver';
import { MeasureResolver, ReviewResolver } from './review/review.resolver';
import { StaffResolver } from './staff/staff.resolver';
import { StatsResolver } from './stats/stats.resolver';
import { ApiTokenResolver } from './token/api-token.resolver';
import { UnitResolver } from './unit/unit.resolver';
import { ConcernedResolver, EmployeeStatementResolver } from './concerned/concerned.resolver';
import { JobsResolver } from './jobs/jobs.resolver';
import { ComplaintLettersResolver, CorrespondenceResolver, OutboxMessageResolver } from './correspondence/correspondence.resolver';
import { NotificationResolver } from './notification/notification.resolver';
import { ComplaintRetentionResolver, PrivacyResolver } from './privacy/privacy.resolver';
import { PortalResolver } from './portal/portal.resolver';
import { WorkItemResolver, WorkResolver } from './work/work.resolver';
import { SatisfactionResolver, SatisfactionSurveyResolver } from './satisfaction/satisfaction.resolver';
import { applySubjectView } from './concerned/subject-view';
import { plainFieldResolvers } from './shared/plain-fields';
import { ClockStepsResolver, ComplaintPauseResolver } from './complaint/clock.resolver';

export const resolvers = [
  AuthResolver,
  StaffResolver,
  UnitResolver,
  CategoryResolver,
  PolicyResolver,
  CalendarResolver,
  ComplaintResolver,
  IntakeResolver,
  ComplaintStepsResolver,
  DeadlineResolver,
  ComplaintEventResolver,
  ContactMomentResolver,
  ObjectionResolver,
  ObjectionFieldsResolver,
  HearingStepsResolver,
  HearingResolver,
  ExternalPartyResolver,
  ReferralResolver,
  ReferralFieldsResolver,
  ApiTokenResolver,
  StatsResolver,
  ReviewResolver,
  MeasureResolver,
  AuditResolver,
  ClockStepsResolver,
  ComplaintPauseResolver,
  ConcernedResolver,
  EmployeeStatementResolver,
  NotificationResolver,
  JobsResolver,
  CorrespondenceResolver,
  OutboxMessageResolver,
  ComplaintLettersResolver,
  PrivacyResolver,
  ComplaintRetentionResolver,
  PortalResolver,
  WorkResolver,
  WorkItemResolver,
  SatisfactionResolver,
  SatisfactionSurveyResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

/** The graph, from the decorated classes; built once per process. */
export function createSchema(): Promise<GraphQLSchema> {
  const options = {
    resolvers,
    authChecker,
    // TypeGraphQL 2 leaves class-validator off unless asked, and skips null fields unless told not to
    // (an optional field says @IsOptional; ComplainantInput needs null e-mail checked).
    validate: { forbidUnknownValues: false, skipMissingProperties: false },
  } satisfies BuildSchemaOptions;
  built ??= buildSchema(options)
    // plain fields read plainly, their roles checked without promises; then
    .then((schema) => plainFieldResolvers(schema, authChecker, (options as BuildSchemaOptions).globalMiddlewares))
    // what the employee a complaint names may read of it, on every field of Complaint
    .then(applySubjectView)
    .then(guardRootArguments);
  return built;
}

/** What schema/schema.graphql holds: the graph, sorted, so a diff shows real changes only. */
export async function printedSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await createSchema())) + '\n';
}
