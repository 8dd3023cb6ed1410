import { IsBoolean, IsEnum, IsOptional, IsUUID, Length, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { HearingForm, HearingStatus } from '../complaint/complaint.enums';
import { LENGTH } from '../shared/lengths';
import { ListArgs } from '../shared/list-args';

@InputType({ description: 'The hearing offered to the complainant (step 8).' })
export class ScheduleHearingInput {
  @Field(() => Date, { description: 'In the future.' })
  scheduledAt: Date;

  @Field(() => HearingForm)
  @IsEnum(HearingForm)
  form: HearingForm;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.location)
  location?: string | null;

  @Field(() => ID, { description: 'Who chairs it; never the employee the complaint is about.' })
  @IsUUID('all', { message: 'must be a staff id' })
  chairId: string;

  @Field({ defaultValue: true })
  @IsBoolean()
  handlerAttends: boolean = true;

  @Field({ defaultValue: false, description: 'Only when both the complainant and the employee agreed.' })
  @IsBoolean()
  subjectEmployeeAttends: boolean = false;

  @Field({ defaultValue: false })
  @IsBoolean()
  complainantConsents: boolean = false;

  @Field({ defaultValue: false })
  @IsBoolean()
  employeeConsents: boolean = false;
}

@InputType({ description: 'Moves the scheduled hearing; the old one stays in the record.' })
export class RescheduleHearingInput {
  @Field(() => Date)
  scheduledAt: Date;

  @Field(() => HearingForm, { nullable: true })
  @IsOptional()
  @IsEnum(HearingForm)
  form?: HearingForm | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.location)
  location?: string | null;

  @Field()
  @Length(1, LENGTH.text, { message: 'is required' })
  reason: string;
}

@InputType({ description: 'That the hearing took place, in which form, and what was said.' })
export class RecordHearingInput {
  @Field(() => Date, { nullable: true, description: 'Default now; not in the future.' })
  @IsOptional()
  heldAt?: Date | null;

  @Field(() => HearingForm)
  @IsEnum(HearingForm)
  heldForm: HearingForm;

  @Field()
  @Length(1, LENGTH.longText, { message: 'is required' })
  minutes: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.text)
  proposal?: string | null;
}

@InputType({ description: 'A settlement reached at the hearing, agreed by both parties.' })
export class RecordSettlementInput {
  @Field()
  @Length(1, LENGTH.text, { message: 'is required' })
  terms: string;

  @Field({ description: 'The complainant agreed to these terms.' })
  @IsBoolean()
  complainantAgreed: boolean;

  @Field(() => Date, { nullable: true, description: 'When the complainant agreed; default now.' })
  @IsOptional()
  complainantAgreedAt?: Date | null;

  @Field({ description: 'The organisation agreed to these terms.' })
  @IsBoolean()
  organisationAgreed: boolean;

  @Field(() => ID, { nullable: true, description: 'Who agreed for the organisation; default the caller.' })
  @IsOptional()
  @IsUUID('all')
  organisationAgreedById?: string | null;
}

@InputType()
export class WaiveHearingInput {
  @Field(() => Date, { nullable: true })
  @IsOptional()
  waivedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.text)
  note?: string | null;
}

@InputType()
export class HearingFilter {
  @Field({ nullable: true, description: 'true: scheduled and not yet held, from now on.' })
  @IsOptional()
  upcoming?: boolean;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  from?: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  to?: Date;

  @Field(() => HearingStatus, { nullable: true })
  @IsOptional()
  status?: HearingStatus;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  chairId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  unitId?: string;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true })
  ids?: string[];
}

@ArgsType()
export class HearingListArgs extends ListArgs(HearingFilter) {}
