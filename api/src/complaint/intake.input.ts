import { ArrayMaxSize, ArrayUnique, IsEnum, IsOptional, IsUUID, Length, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { LENGTH } from '../shared/lengths';
import { IsEmailOrOtherContact, IsPhoneNumber } from '../shared/validators';
import { Channel, ComplainantRelation, ComplaintKind } from './complaint.enums';

@InputType({ description: 'Who complains: a name and at least one way to reach them (seed 003).' })
export class ComplainantInput {
  @Field()
  @Length(1, LENGTH.name, { message: `is required (at most ${LENGTH.name} characters)` })
  name: string;

  @Field(() => String, { nullable: true, description: 'An e-mail address, a phone number or a postal address is required.' })
  @IsEmailOrOtherContact(LENGTH.email)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsPhoneNumber()
  @MaxLength(LENGTH.phone)
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(5, LENGTH.postalAddress)
  postalAddress?: string | null;

  @Field(() => ComplainantRelation, { defaultValue: ComplainantRelation.CLIENT })
  @IsEnum(ComplainantRelation)
  relation: ComplainantRelation = ComplainantRelation.CLIENT;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.name)
  organisation?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.name)
  onBehalfOf?: string | null;
}

@InputType({ description: 'A complaint from the website form (anonymous).' })
export class SubmitComplaintInput {
  @Field(() => ComplainantInput)
  @ValidateNested()
  complainant: ComplainantInput;

  @Field()
  @Length(10, LENGTH.description, { message: `describe the complaint in 10 to ${LENGTH.description} characters` })
  description: string;

  @Field(() => String, { nullable: true, description: 'Category key (see categoryList), when the form asks for one.' })
  @IsOptional()
  @MaxLength(LENGTH.key)
  categoryKey?: string | null;

  @Field(() => String, { nullable: true, description: 'Unit code, when the form asks for the region.' })
  @IsOptional()
  @MaxLength(LENGTH.code)
  unitCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The same key with the same complaint on a retry (within 24 hours) returns the same reference and creates nothing new; the same key with another complaint is refused (IDEMPOTENCY_KEY_REUSED).',
  })
  @IsOptional()
  @Length(8, LENGTH.idempotencyKey)
  idempotencyKey?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: "Files uploaded first with POST /uploads (at most WEBSITE_ATTACHMENTS, each within a day): they become the complaint's attachments.",
  })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(20)
  @ArrayUnique()
  attachmentIds?: string[] | null;
}

@InputType({ description: 'A complaint received by staff: by phone, e-mail, letter or in person.' })
export class RegisterComplaintInput {
  @Field(() => Channel)
  @IsEnum(Channel)
  channel: Channel;

  @Field(() => Date, { nullable: true, description: 'Default: now. In the past is fine, in the future is refused.' })
  @IsOptional()
  receivedAt?: Date | null;

  @Field(() => String, { nullable: true, description: "Default: the unit's policy, else the organisation's." })
  @IsOptional()
  @MaxLength(LENGTH.key)
  policyKey?: string | null;

  @Field(() => ComplaintKind, { defaultValue: ComplaintKind.COMPLAINT, description: 'SIGNAL: resolved at once; counted, no procedure.' })
  @IsEnum(ComplaintKind)
  kind: ComplaintKind = ComplaintKind.COMPLAINT;

  @Field(() => ComplainantInput)
  @ValidateNested()
  complainant: ComplainantInput;

  @Field()
  @Length(1, LENGTH.description, { message: `is required (at most ${LENGTH.description} characters)` })
  description: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be an id' })
  unitId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be an id' })
  categoryId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The employees the complaint is about.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'must be staff ids' })
  subjectStaffIds?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.subjectService)
  subjectService?: string | null;
}
