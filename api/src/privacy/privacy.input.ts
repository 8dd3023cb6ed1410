import { IsOptional, IsUUID } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { IdsFilter, ListArgs } from '../shared/list-args';
import { PrivacyRequestKind, PrivacyRequestStatus, RemovalRule } from './privacy.enums';

@InputType({ description: "A complainant's access or erasure request, recorded through one of their complaints." })
export class PrivacyRequestInput {
  @Field(() => PrivacyRequestKind)
  kind: PrivacyRequestKind;

  @Field(() => ID, { description: 'A complaint of the complainant: it identifies them; their other complaints are found by identity.' })
  @IsUUID('all')
  complaintId: string;

  @Field(() => Date, { nullable: true, description: 'When the complainant asked (default: now).' })
  @IsOptional()
  receivedAt?: Date;
}

@InputType()
export class PrivacyRequestFilter extends IdsFilter {
  @Field(() => PrivacyRequestStatus, { nullable: true })
  @IsOptional()
  status?: PrivacyRequestStatus;

  @Field(() => PrivacyRequestKind, { nullable: true })
  @IsOptional()
  kind?: PrivacyRequestKind;
}

@ArgsType()
export class PrivacyRequestListArgs extends ListArgs(PrivacyRequestFilter) {}

@InputType()
export class LedgerFilter extends IdsFilter {
  @Field(() => RemovalRule, { nullable: true })
  @IsOptional()
  rule?: RemovalRule;
}

@ArgsType()
export class LedgerListArgs extends ListArgs(LedgerFilter) {}
