import { IsEnum, IsIn, IsOptional, Length } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { Channel, ObjectionOutcome } from '../complaint/complaint.enums';

import { LENGTH } from '../shared/lengths';

const IN_WRITING = [Channel.LETTER, Channel.EMAIL, Channel.WEB_FORM];

@InputType({ description: 'A written objection to the response (step 7).' })
export class FileObjectionInput {
  @Field(() => Date, { nullable: true, description: 'When it was received; default now, not in the future.' })
  @IsOptional()
  receivedAt?: Date | null;

  @Field(() => Channel, { description: 'In writing: LETTER, EMAIL or WEB_FORM.' })
  @IsIn(IN_WRITING, { message: 'an objection is filed in writing: LETTER, EMAIL or WEB_FORM' })
  channel: Channel;

  @Field()
  @Length(1, LENGTH.text, { message: 'is required' })
  grounds: string;

  @Field(() => String, { nullable: true, description: 'A DIRECTOR accepts a late objection by giving the reason.' })
  @IsOptional()
  @Length(1, LENGTH.text)
  acceptLateReason?: string | null;
}

@InputType({ description: "The director's reasoned final decision on the objection." })
export class DecideObjectionInput {
  @Field(() => ObjectionOutcome)
  @IsEnum(ObjectionOutcome)
  outcome: ObjectionOutcome;

  @Field()
  @Length(10, LENGTH.longText, { message: 'give the reasons (at least 10 characters)' })
  reasoning: string;

  @Field({ description: 'The further options open to the complainant (mediator, Nationale ombudsman, ...).' })
  @Length(5, LENGTH.text, { message: 'state the further options open to the complainant' })
  furtherOptions: string;
}
