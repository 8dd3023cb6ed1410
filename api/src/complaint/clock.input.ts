/** The inputs of the steps that stop, restart and extend the clock, and of the receiver's resolution. */
import { Equals, IsBoolean, IsEnum, IsIn, IsInt, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { FieldCode } from '../shared/errors';
import { LENGTH } from '../shared/lengths';
import { IsLocalDate } from '../shared/validators';
import { Channel } from './complaint.enums';

/** A request goes to the complainant by phone, e-mail, letter or in person: not through the web form. */
const ASKING_CHANNELS = [Channel.PHONE, Channel.EMAIL, Channel.LETTER, Channel.IN_PERSON];

@InputType({ description: 'Asking the complainant for information: the clock stops until the answer or answerBy.' })
export class InformationRequestInput {
  @Field({ description: 'What is asked, as the complainant is told.' })
  @Length(1, LENGTH.text, { message: `is required (at most ${LENGTH.text} characters)` })
  question: string;

  @Field(() => Channel)
  @IsIn(ASKING_CHANNELS, { message: 'ask by phone, e-mail, letter or in person' })
  channel: Channel;

  @Field(() => Date, { nullable: true, description: 'When it was asked; default now, never in the future. The clock stops here.' })
  @IsOptional()
  requestedAt?: Date | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD: answer by this date; default and at most the policy's longest wait." })
  @IsOptional()
  @IsLocalDate()
  answerBy?: string | null;
}

@InputType({ description: 'The clock runs again: the complainant answered, or the handler goes on without the answer.' })
export class ResumeInput {
  @Field({ description: 'true: the complainant answered (give the answer); false: going on without it (give the reason).' })
  @IsBoolean()
  answered: boolean;

  @Field(() => String, { nullable: true, description: "The complainant's answer, in short (when answered)." })
  @IsOptional()
  @MaxLength(LENGTH.text)
  answer?: string | null;

  @Field(() => String, { nullable: true, description: 'Why the handler goes on without the answer (when not answered).' })
  @IsOptional()
  @MaxLength(LENGTH.text)
  reason?: string | null;

  @Field(() => Channel, { nullable: true, description: 'How the answer came; default the channel it was asked by.' })
  @IsOptional()
  @IsEnum(Channel)
  channel?: Channel | null;

  @Field(() => Date, { nullable: true, description: 'When the answer came (or the handler resumed); default now; not before the request, not in the future.' })
  @IsOptional()
  at?: Date | null;
}

@InputType({ description: 'Postponing the answer once (verdaging, Awb 9:11).' })
export class ExtensionInput {
  @Field(() => Int, { description: "How many weeks; at most the policy's extension." })
  @IsInt()
  @Min(1)
  @Max(26)
  weeks: number;

  @Field({ description: 'Why, as the complainant is told.' })
  @Length(10, LENGTH.text, { message: 'give the reason (at least 10 characters)' })
  reason: string;
}

@InputType({ description: "The receiver solves the complaint at once (seed 004): the registration's cause, solution and agreement." })
export class DirectResolutionInput {
  @Field()
  @Length(1, LENGTH.assessment, { message: `is required (at most ${LENGTH.assessment} characters)` })
  cause: string;

  @Field()
  @Length(1, LENGTH.assessment, { message: `is required (at most ${LENGTH.assessment} characters)` })
  solution: string;

  @Field({ description: 'The customer agrees: without that the receiver passes it on.' })
  @Equals(true, { message: 'the customer must agree; otherwise forward it', context: { code: FieldCode.COMPLAINANT_NOT_AGREED } })
  customerAgreed: boolean;

  @Field(() => Date, { nullable: true, description: 'When it was resolved with the customer; default now, never in the future.' })
  @IsOptional()
  resolvedAt?: Date | null;
}

@InputType({ description: 'Closing a complaint whose request for information lapsed unanswered.' })
export class UnansweredClosureInput {
  @Field({ description: 'The reasons, for the record and the complainant.' })
  @Length(10, LENGTH.text, { message: 'give the reasons (at least 10 characters)' })
  reason: string;
}
