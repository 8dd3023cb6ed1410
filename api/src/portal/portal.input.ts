import { ArrayMaxSize, ArrayUnique, IsOptional, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { LENGTH } from '../shared/lengths';
import { STATUS_CODE_PATTERN } from './status-code';

@ArgsType()
export class StatusLookupArgs {
  @Field({ description: 'KL-YYYY-NNNNNN, as in the confirmation.' })
  @MaxLength(LENGTH.reference)
  reference: string;

  @Field({ description: 'The secret code, as in the confirmation (groups of four; case and dashes do not matter).' })
  @MaxLength(LENGTH.statusCode)
  @Matches(STATUS_CODE_PATTERN, { message: 'is 16 letters and digits, as in the confirmation' })
  code: string;
}

/** Files the web form uploaded first (POST /uploads), claimed by what it sends. */
@InputType()
abstract class WithUploads {
  @Field(() => [ID], { nullable: true, description: 'Upload ids from POST /uploads (at most WEBSITE_ATTACHMENTS).' })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(20)
  @ArrayUnique()
  attachmentIds?: string[] | null;
}

@InputType({ description: 'The information the organisation asked for, sent online: the clock runs again.' })
export class InformationAnswerInput extends WithUploads {
  @Field()
  @Length(1, LENGTH.text, { message: 'is required' })
  answer: string;
}

@InputType({ description: 'An objection to the answer, sent online (it counts as written), within the window.' })
export class OnlineObjectionInput extends WithUploads {
  @Field({ description: 'Why the complainant disagrees with the answer.' })
  @Length(1, LENGTH.text, { message: 'is required' })
  grounds: string;
}

@InputType({ description: 'Whether the complainant comes to the hearing, or wants none.' })
export class HearingAnswerInput {
  @Field({ description: 'true: I will come to the hearing I was invited to; false: I want no hearing.' })
  attend: boolean;

  @Field(() => String, { nullable: true, description: 'Why no hearing (optional).' })
  @IsOptional()
  @MaxLength(LENGTH.text)
  note?: string | null;
}
