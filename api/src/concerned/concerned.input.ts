import { Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { LENGTH } from '../shared/lengths';

@InputType({ description: 'Your side of the story about a complaint that names you.' })
export class StatementInput {
  @Field()
  @Length(1, LENGTH.text, { message: `is required (at most ${LENGTH.text} characters)` })
  text: string;
}
