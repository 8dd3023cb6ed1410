import { IsOptional, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs, SortOrder } from '../shared/pagination';

@InputType()
export class AuditEventFilter {
  @Field({ nullable: true, description: 'Staff, Unit, Category, Policy, CalendarDay, ExternalParty, ApiToken, Review, Measure.' })
  @IsOptional()
  @MaxLength(40)
  entity?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(100)
  entityId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  actorId?: string;
}

@ArgsType()
export class AuditEventListArgs extends PageArgs {
  @Field(() => AuditEventFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: AuditEventFilter;

  @Field(() => SortOrder, { defaultValue: SortOrder.DESC, description: 'Newest first by default.' })
  override sortOrder: SortOrder = SortOrder.DESC;
}
