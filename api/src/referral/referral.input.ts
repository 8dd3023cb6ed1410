import { IsOptional, IsUUID, Length } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ExternalPartyKind } from '../complaint/complaint.enums';
import { LENGTH } from '../shared/lengths';
import { IsLocalDate } from '../shared/validators';
import { ListArgs } from '../shared/list-args';

@InputType({ description: 'A referral to an external party (step 9).' })
export class ReferInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an external party id' })
  partyId: string;

  @Field()
  @Length(1, LENGTH.text, { message: 'is required' })
  reason: string;

  @Field({ description: 'What was sent to the party.' })
  @Length(1, LENGTH.text, { message: 'is required' })
  whatSent: string;

  @Field(() => Date, { nullable: true, description: 'Default now; not in the future.' })
  @IsOptional()
  referredAt?: Date | null;
}

@InputType({ description: "The external party's outcome (ruling, report, advice)." })
export class ReferralOutcomeInput {
  @Field()
  @Length(1, LENGTH.longText, { message: 'is required' })
  outcome: string;

  @Field({ description: 'YYYY-MM-DD' })
  @IsLocalDate()
  outcomeDate: string;
}

@InputType()
export class ReferralFilter {
  @Field({ nullable: true, description: 'true: no outcome recorded yet.' })
  @IsOptional()
  open?: boolean;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  partyId?: string;

  @Field(() => ExternalPartyKind, { nullable: true })
  @IsOptional()
  kind?: ExternalPartyKind;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true })
  ids?: string[];
}

@ArgsType()
export class ReferralListArgs extends ListArgs(ReferralFilter) {}
