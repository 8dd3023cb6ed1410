import { ArrayMaxSize, ArrayUnique, IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { LENGTH } from '../shared/lengths';
import { PageArgs } from '../shared/pagination';
import { IsEmailOrOtherContact, IsPhoneNumber } from '../shared/validators';
import { Channel, ComplainantRelation, ComplaintKind, ComplaintStatus, ContactKind, DeadlineKind, Offer, Verdict } from './complaint.enums';

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

@InputType()
export class ForwardInput {
  @Field(() => ID, {
    description: 'The supervisor or director; default: who the policy names (supervisor of the receiver, director of the unit).',
    nullable: true,
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a staff id' })
  toId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.text)
  note?: string | null;
}

@InputType({ description: 'Contact with the complainant.' })
export class ContactInput {
  @Field(() => ContactKind)
  @IsEnum(ContactKind)
  kind: ContactKind;

  @Field(() => Channel)
  @IsEnum(Channel)
  channel: Channel;

  @Field(() => Date, { nullable: true, description: 'Default: now; not in the future.' })
  @IsOptional()
  contactedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.text)
  summary?: string | null;
}

@InputType({ description: "The handler's assessment (step 5)." })
export class AssessmentInput {
  @Field(() => Verdict)
  @IsEnum(Verdict)
  verdict: Verdict;

  @Field()
  @Length(1, LENGTH.assessment, { message: `is required (at most ${LENGTH.assessment} characters)` })
  cause: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.assessment)
  solution?: string | null;

  @Field(() => [Offer], { nullable: true, description: 'Default: none.' })
  @IsOptional()
  @ArrayUnique()
  @IsEnum(Offer, { each: true })
  offer?: Offer[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.assessment)
  preventiveMeasure?: string | null;
}

@InputType({ description: 'The answer to the complainant (step 5).' })
export class ResponseInput {
  @Field()
  @Length(1, LENGTH.text, { message: `is required (at most ${LENGTH.text} characters)` })
  summary: string;

  @Field(() => Channel)
  @IsEnum(Channel)
  channel: Channel;

  @Field(() => Date, { nullable: true, description: 'Default: now; not in the future.' })
  @IsOptional()
  respondedAt?: Date | null;
}

@InputType({ description: "The customer's agreement and satisfaction (steps 5–6)." })
export class OutcomeInput {
  @Field()
  customerAgreed: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  satisfaction?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.text)
  note?: string | null;
}

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
export class ComplaintListArgs extends PageArgs {
  @Field(() => ComplaintFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ComplaintFilter;

  @Field(() => ComplaintSortField, { defaultValue: ComplaintSortField.receivedAt })
  sortField: ComplaintSortField = ComplaintSortField.receivedAt;
}

export enum DueWindow {
  OVERDUE = 'OVERDUE',
  TODAY = 'TODAY',
  THIS_WEEK = 'THIS_WEEK',
}
registerEnumType(DueWindow, { name: 'DueWindow', description: 'TODAY and THIS_WEEK include what is overdue.' });

@InputType()
export class DeadlineFilter {
  @Field(() => DueWindow, { nullable: true })
  @IsOptional()
  due?: DueWindow;

  @Field(() => DeadlineKind, { nullable: true })
  @IsOptional()
  kind?: DeadlineKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  handlerId?: string;

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
export class DeadlineListArgs extends PageArgs {
  @Field(() => DeadlineFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: DeadlineFilter;
}

@InputType({ description: "An attachment's metadata; the file itself is kept in the organisation's document store." })
export class AttachmentInput {
  @Field()
  @Length(1, LENGTH.fileName, { message: `is required (at most ${LENGTH.fileName} characters)` })
  fileName: string;

  @Field()
  @Matches(/^[\w.+-]+\/[\w.+-]+$/, { message: 'must be a media type such as application/pdf' })
  @MaxLength(LENGTH.contentType)
  contentType: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100 * 1024 * 1024, { message: 'at most 100 MB' })
  sizeBytes: number;

  @Field(() => String, { nullable: true, description: 'Where the document is kept.' })
  @IsOptional()
  @MaxLength(LENGTH.storageKey)
  storageKey?: string | null;
}

@ArgsType()
export class ComplaintLookupArgs {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'KL-YYYY-NNNNNN' })
  @IsOptional()
  @MaxLength(LENGTH.reference)
  reference?: string | null;
}

@ArgsType()
export class ReasonArgs {
  @Field()
  @Length(1, LENGTH.text, { message: `is required (at most ${LENGTH.text} characters)` })
  reason: string;
}

@ArgsType()
export class OptionalNoteArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.text)
  note?: string | null;
}

@ArgsType()
export class NoteTextArgs {
  @Field()
  @Length(1, LENGTH.text, { message: `is required (at most ${LENGTH.text} characters)` })
  text: string;
}
