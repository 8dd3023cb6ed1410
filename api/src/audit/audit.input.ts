import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { SortOrder } from '../shared/pagination';
import { ListArgs } from '../shared/list-args';
import { LENGTH } from '../shared/lengths';

@InputType()
export class AuditEventFilter {
  @Field({ nullable: true, description: 'Staff, Unit, Category, Policy, CalendarDay, ExternalParty, ApiToken, Review, Measure.' })
  @IsOptional()
  @MaxLength(LENGTH.auditEntity)
  entity?: string;

  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.auditEntityId)
  entityId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  actorId?: string;
}

@ArgsType()
export class AuditEventListArgs extends ListArgs(AuditEventFilter) {
  @Field(() => SortOrder, { defaultValue: SortOrder.DESC, description: 'Newest first by default.' })
  override sortOrder: SortOrder = SortOrder.DESC;
}
