import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { LENGTH } from '../shared/lengths';
import { Channel, ComplaintKind, ComplaintStatus, DeadlineKind } from './complaint.enums';
import { ListArgs } from '../shared/list-args';

@InputType()
export class ComplaintFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true })
  ids?: string[];

  @Field(() => String, { nullable: true, description: 'Free text: reference, description, complainant name or e-mail.' })
  @IsOptional()
  @MaxLength(LENGTH.search)
  q?: string;

  @Field(() => [ComplaintStatus], { nullable: true })
  @IsOptional()
  status?: ComplaintStatus[];

  @Field(() => ComplaintKind, { nullable: true })
  @IsOptional()
  kind?: ComplaintKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  unitId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  handlerId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  categoryId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  registeredById?: string;

  @Field(() => Channel, { nullable: true })
  @IsOptional()
  channel?: Channel;

  @Field(() => Boolean, { nullable: true, description: 'true: with an open deadline past its due moment.' })
  @IsOptional()
  overdue?: boolean;

  @Field(() => Boolean, { nullable: true, description: "true: waiting for the complainant's information (the clock stands still); false: not." })
  @IsOptional()
  paused?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'true: the complainant asks to reopen it (an open request for the quality manager); false: not.' })
  @IsOptional()
  reopenRequested?: boolean;

  @Field(() => Date, { nullable: true, description: 'With an open deadline due at or before this moment.' })
  @IsOptional()
  dueBefore?: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  receivedFrom?: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  receivedTo?: Date;
}

export enum ComplaintSortField {
  receivedAt = 'receivedAt',
  reference = 'reference',
  status = 'status',
  nextDueAt = 'nextDueAt',
  updatedAt = 'updatedAt',
}
registerEnumType(ComplaintSortField, { name: 'ComplaintSortField' });

@ArgsType()
export class ComplaintListArgs extends ListArgs(ComplaintFilter, { values: ComplaintSortField, default: ComplaintSortField.receivedAt }) {}

/** When an open deadline is due, in windows that do not overlap (Europe/Amsterdam). */
export enum DueWindow {
  /** Its due moment has passed. */
  OVERDUE = 'OVERDUE',
  /** Due later today. */
  TODAY = 'TODAY',
  /** Due after today and by the end of this week (Sunday). */
  LATER_THIS_WEEK = 'LATER_THIS_WEEK',
}
registerEnumType(DueWindow, { name: 'DueWindow', description: 'Overdue, due later today, due later this week: windows that do not overlap.' });

/** Which deadlines are counted (deadlineCounts): the deadline list's filter without the window. */
@InputType()
export class DeadlineCountFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  handlerId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  unitId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Who owes them, as Mijn werk and the deadline watch count it: the handler, else who forwarded or registered it, else the director.',
  })
  @IsOptional()
  @IsUUID('all')
  owedBy?: string;
}

@InputType()
export class DeadlineFilter extends DeadlineCountFilter {
  @Field(() => DueWindow, { nullable: true })
  @IsOptional()
  due?: DueWindow;

  @Field(() => DeadlineKind, { nullable: true })
  @IsOptional()
  kind?: DeadlineKind;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true })
  ids?: string[];
}

@ArgsType()
export class DeadlineListArgs extends ListArgs(DeadlineFilter) {}

@ArgsType()
export class ComplaintLookupArgs {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'KL-YYYY-NNNNNN' })
  @IsOptional()
  @MaxLength(LENGTH.reference)
  reference?: string | null;
}
