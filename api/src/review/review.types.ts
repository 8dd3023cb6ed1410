import { ArrayMaxSize, IsBoolean, IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageArgs } from '../shared/pagination';
import { StatisticsRow } from '../stats/stats.types';
import { IsLocalDate } from '../shared/validators';
import { LENGTH } from '../shared/lengths';
import { IdsFilter, ListArgs } from '../shared/list-args';

export enum TrendDimension {
  CATEGORY = 'CATEGORY',
  UNIT = 'UNIT',
  EMPLOYEE = 'EMPLOYEE',
}
registerEnumType(TrendDimension, { name: 'TrendDimension' });

@ObjectType({ description: 'A count this period against the previous one, with a one-sided binomial test of the rise.' })
export class Trend {
  @Field(() => TrendDimension)
  dimension: TrendDimension;

  @Field({ description: 'Category key, unit code or staff id.' })
  key: string;

  @Field()
  label: string;

  @Field(() => Int)
  current: number;

  @Field(() => Int)
  previous: number;

  @Field(() => Float, { description: 'What the current period would hold had the rate not changed.' })
  expected: number;

  @Field(() => Float, { description: 'The chance of this many or more by chance alone.' })
  pValue: number;

  @Field({ description: 'A rise beyond chance (pValue below 0.05).' })
  flagged: boolean;

  @Field()
  explanation: string;
}

@ObjectType()
export class ReviewFigures {
  @Field()
  periodStart: string;

  @Field()
  periodEnd: string;

  @Field()
  previousStart: string;

  @Field()
  previousEnd: string;

  @Field(() => StatisticsRow)
  current: StatisticsRow;

  @Field(() => StatisticsRow)
  previous: StatisticsRow;

  @Field(() => [Trend], { description: 'Flagged rises first.' })
  trends: Trend[];
}

@InputType()
export class OpenReviewInput {
  @Field({ description: 'YYYY-MM-DD' })
  @IsLocalDate()
  periodStart: string;

  @Field({ description: 'YYYY-MM-DD, inclusive' })
  @IsLocalDate()
  periodEnd: string;
}

@InputType()
export class UpdateReviewInput {
  @Field()
  @Length(1, LENGTH.longText, { message: 'is required' })
  findings: string;
}

@InputType({ description: 'A preventive measure: what, who, by when, and the complaints behind it.' })
export class MeasureInput {
  @Field()
  @Length(1, LENGTH.text, { message: 'is required' })
  description: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be a staff id' })
  ownerId: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsLocalDate()
  dueDate: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  complaintIds?: string[] | null;
}

@InputType()
export class MeasureUpdateInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.text)
  followUp?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsLocalDate()
  dueDate?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  done?: boolean | null;
}

@ArgsType()
export class ReviewListArgs extends PageArgs {}

@InputType()
export class MeasureFilter extends IdsFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  reviewId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  ownerId?: string;

  @Field({ nullable: true })
  @IsOptional()
  open?: boolean;

  @Field({ nullable: true, description: 'Open and past its due date.' })
  @IsOptional()
  overdue?: boolean;
}

@ArgsType()
export class MeasureListArgs extends ListArgs(MeasureFilter) {}
