/** The inputs of the steps after intake: forwarding, contact, assessment, answer, outcome, attachments. */
import { ArrayUnique, IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { LENGTH } from '../shared/lengths';
import { Channel, ContactKind, Offer, Verdict } from './complaint.enums';

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
