import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DeadlineKind } from '../complaint/complaint.enums';

/** A cursor is the base64url of [moment, id]: never longer than this. */
export const CURSOR_LENGTH = 200;

export enum StatsDimension {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  UNIT = 'UNIT',
  CATEGORY = 'CATEGORY',
  CHANNEL = 'CHANNEL',
  POLICY = 'POLICY',
  VERDICT = 'VERDICT',
  STATUS = 'STATUS',
  KIND = 'KIND',
}
registerEnumType(StatsDimension, { name: 'StatsDimension', description: 'What to group complaint statistics by (months and quarters in Amsterdam time).' });

@InputType({ description: 'Complaints received in [from, to), grouped by the given dimensions (none: one row).' })
export class StatisticsInput {
  @Field(() => Date)
  from: Date;

  @Field(() => Date)
  to: Date;

  @Field(() => [StatsDimension], { nullable: true, description: 'Default: no grouping (one row).' })
  @IsOptional()
  groupBy?: StatsDimension[] | null;
}

@ObjectType({ description: 'Median and 90th percentile of a lead time in working days, and how many complaints it covers.' })
export class LeadTime {
  @Field(() => Float, { nullable: true })
  median: number | null;

  @Field(() => Float, { nullable: true })
  p90: number | null;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'How the deadlines of one kind fared: met on time, met late, still open in time, open and past due.' })
export class DeadlineCompliance {
  @Field(() => DeadlineKind)
  kind: DeadlineKind;

  @Field(() => Int)
  onTime: number;

  @Field(() => Int)
  late: number;

  @Field(() => Int)
  open: number;

  @Field(() => Int, { description: 'Open and past due.' })
  breached: number;

  @Field(() => Float, { nullable: true, description: 'onTime / (onTime + late + breached): the share decided in time.' })
  onTimeShare: number | null;
}

@ObjectType({ description: 'Figures for one group; the group fields that were not grouped by are null.' })
export class StatisticsRow {
  @Field(() => String, { nullable: true, description: 'YYYY-MM' })
  month: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-Qn' })
  quarter: string | null;

  @Field(() => String, { nullable: true, description: 'Unit code' })
  unit: string | null;

  @Field(() => String, { nullable: true })
  unitName: string | null;

  @Field(() => String, { nullable: true, description: 'Category key' })
  category: string | null;

  @Field(() => String, { nullable: true })
  categoryName: string | null;

  @Field(() => String, { nullable: true })
  channel: string | null;

  @Field(() => String, { nullable: true, description: 'Policy key (as at receipt)' })
  policy: string | null;

  @Field(() => String, { nullable: true })
  verdict: string | null;

  @Field(() => String, { nullable: true })
  status: string | null;

  @Field(() => String, { nullable: true })
  kind: string | null;

  @Field(() => Int)
  complaints: number;

  @Field(() => Int)
  signals: number;

  @Field(() => Int, { description: 'Complaints with a verdict.' })
  assessed: number;

  @Field(() => Float, { nullable: true, description: '(Partly) well-founded / assessed.' })
  wellFoundedShare: number | null;

  @Field(() => LeadTime, { description: 'Receipt to first contact (acknowledgement or answer).' })
  toAcknowledgement: LeadTime;

  @Field(() => LeadTime, { description: 'Receipt to the answer.' })
  toResponse: LeadTime;

  @Field(() => LeadTime, { description: 'Receipt to closure.' })
  toClosure: LeadTime;

  @Field(() => LeadTime, { description: 'Receipt to the answer, without the working days the clock stood still for the complainant.' })
  toResponseExcludingPauses: LeadTime;

  @Field(() => LeadTime, { description: 'Receipt to closure, without the working days the clock stood still.' })
  toClosureExcludingPauses: LeadTime;

  @Field(() => Int, { description: 'Complaints whose clock stood still for information at least once.' })
  paused: number;

  @Field(() => Int, { description: 'Complaints whose answer was extended (Awb 9:11).' })
  extended: number;

  @Field(() => Int, { description: 'Complaints the receiver resolved at once (seed 004).' })
  resolvedByReceiver: number;

  @Field(() => [DeadlineCompliance])
  compliance: DeadlineCompliance[];

  @Field(() => Int)
  objections: number;

  @Field(() => Int)
  lateObjections: number;

  @Field(() => Int)
  hearingsHeld: number;

  @Field(() => Int)
  hearingsWaived: number;

  @Field(() => Int)
  settlements: number;

  @Field(() => Int)
  referrals: number;

  @Field(() => Int, { description: 'Referrals with an outcome recorded.' })
  referralOutcomes: number;

  @Field(() => Int)
  bindingOutcomes: number;

  @Field(() => Float, { nullable: true, description: 'Mean satisfaction (1–5) of those gauged by staff (recordOutcome).' })
  averageSatisfaction: number | null;

  @Field(() => Int)
  satisfactionResponses: number;

  @Field(() => Float, { nullable: true, description: "The survey's mean satisfaction with the handling (1–5), of those who answered it online." })
  surveyHandling: number | null;

  @Field(() => Float, { nullable: true, description: "The survey's mean satisfaction with the outcome (1–5), kept apart from the handling (ISO 10002)." })
  surveyOutcome: number | null;

  @Field(() => Int, { description: 'Complainants who answered the satisfaction survey.' })
  surveyResponses: number;

  @Field(() => Int, { description: 'Of them, those not satisfied who asked to reopen the complaint.' })
  reopenRequests: number;
}

@ObjectType({ description: 'One complaint for BI: no names, contact details or free text; a stable pseudonym per complainant.' })
export class ComplaintFact {
  @Field(() => ID)
  id: string;

  @Field()
  reference: string;

  @Field()
  kind: string;

  @Field()
  status: string;

  @Field()
  channel: string;

  @Field(() => Date)
  receivedAt: Date;

  @Field(() => Date)
  updatedAt: Date;

  @Field(() => String, { nullable: true })
  unit: string | null;

  @Field(() => String, { nullable: true })
  category: string | null;

  @Field()
  policy: string;

  @Field(() => String, { nullable: true })
  verdict: string | null;

  @Field(() => [String])
  offer: string[];

  @Field(() => Int, { nullable: true })
  satisfaction: number | null;

  @Field(() => Boolean, { nullable: true })
  customerAgreed: boolean | null;

  @Field(() => Int, { nullable: true })
  ackWorkingDays: number | null;

  @Field(() => Int, { nullable: true })
  responseWorkingDays: number | null;

  @Field(() => Int, { nullable: true })
  closureWorkingDays: number | null;

  @Field(() => Int)
  deadlinesOnTime: number;

  @Field(() => Int)
  deadlinesLate: number;

  @Field(() => Int)
  deadlinesOpen: number;

  @Field(() => Int)
  deadlinesBreached: number;

  @Field()
  objection: boolean;

  @Field()
  hearingHeld: boolean;

  @Field()
  referred: boolean;

  @Field({ description: 'HMAC of the complainant: equal for the same person, meaningless outside this system.' })
  complainantPseudonym: string;

  @Field()
  complainantRelation: string;

  @Field(() => Int, { nullable: true, description: "The survey's score for the handling (1–5), when answered." })
  surveyHandling: number | null;

  @Field(() => Int, { nullable: true, description: "The survey's score for the outcome (1–5), when answered." })
  surveyOutcome: number | null;

  @Field({ description: 'Not satisfied, the complainant asked to reopen it.' })
  reopenRequested: boolean;
}

@ObjectType({ description: 'A page of facts in a stable order (updatedAt, id); pass endCursor as `after` for the next.' })
export class ComplaintFactConnection {
  @Field(() => [ComplaintFact])
  nodes: ComplaintFact[];

  @Field(() => String, { nullable: true })
  endCursor: string | null;

  @Field()
  hasNextPage: boolean;
}

@ArgsType()
export class ComplaintFactArgs {
  @Field(() => Date, { nullable: true, description: 'Only complaints changed at or after this moment (incremental extraction).' })
  @IsOptional()
  updatedSince?: Date;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @MaxLength(CURSOR_LENGTH)
  after?: string;

  @Field(() => Int, { defaultValue: 500 })
  @Min(1)
  @Max(5_000)
  first: number = 500;
}
