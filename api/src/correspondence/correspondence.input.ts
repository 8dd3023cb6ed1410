import { IsEnum, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { LENGTH } from '../shared/lengths';
import { LetterKind } from './letter-kinds';
import { LetterChannel } from './letter.entity';

@InputType({ description: 'A letter to write and send: its kind, how it goes out, and the part the template leaves to you.' })
export class SendLetterInput {
  @Field(() => LetterKind)
  @IsEnum(LetterKind)
  kind: LetterKind;

  @Field(() => LetterChannel, { description: 'EMAIL: through the outbox now; POST: printed, sent once marked posted.' })
  @IsEnum(LetterChannel)
  channel: LetterChannel;

  @Field(() => String, { nullable: true, description: "The letter's own words ({{freeText}}); required for the answer." })
  @IsOptional()
  @MaxLength(LENGTH.text)
  freeText?: string | null;
}

@InputType({ description: 'A letter as it would be written now; with subject and body: a template being edited, on this complaint.' })
export class PreviewLetterInput {
  @Field(() => ID)
  complaintId: string;

  @Field(() => LetterKind)
  @IsEnum(LetterKind)
  kind: LetterKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.text)
  freeText?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.name)
  subject?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.text)
  body?: string | null;
}

@InputType({ description: "A new version of a letter's wording (Handlebars: {{complainant.name}}, {{#if solution}}…{{/if}})." })
export class LetterTemplateInput {
  @Field(() => LetterKind)
  @IsEnum(LetterKind)
  kind: LetterKind;

  @Field(() => String, { nullable: true, description: 'For this policy only; empty: for every policy without its own.' })
  @IsOptional()
  @Matches(/^[a-z0-9-]*$/, { message: 'a policy key' })
  @MaxLength(LENGTH.key)
  policyKey?: string | null;

  @Field()
  @Length(1, LENGTH.name, { message: `is required (at most ${LENGTH.name} characters)` })
  subject: string;

  @Field()
  @Length(1, LENGTH.text, { message: `is required (at most ${LENGTH.text} characters)` })
  body: string;
}
