import { IsInt, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { LENGTH } from '../shared/lengths';

@InputType({ description: 'The satisfaction survey: the handling and the outcome apart (1 very dissatisfied … 5 very satisfied).' })
export class SurveyAnswerInput {
  @Field(() => Int, { description: 'The handling: contact, speed, being heard.' })
  @IsInt()
  @Min(1)
  @Max(5)
  handling: number;

  @Field(() => Int, { description: 'The outcome: the answer and what was offered.' })
  @IsInt()
  @Min(1)
  @Max(5)
  outcome: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.text)
  comment?: string | null;

  @Field({ defaultValue: false, description: 'Not satisfied: ask the quality manager to reopen the complaint (after the answer or the closure).' })
  reopen: boolean;
}

@InputType({ description: "Declining the complainant's request to reopen: why (told to the complainant)." })
export class DeclineReopenInput {
  @Field()
  @Length(5, LENGTH.text, { message: 'give the reason (at least 5 characters)' })
  reason: string;
}
