import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { IdsFilter, ListArgs } from '../shared/list-args';
import { SortOrder } from '../shared/pagination';
import { NotificationKind } from './notification.entity';

@InputType()
export class NotificationFilter extends IdsFilter {
  @Field({ nullable: true, description: 'true: only the ones not read yet.' })
  @IsOptional()
  unread?: boolean;
}

@ArgsType()
export class NotificationListArgs extends ListArgs(NotificationFilter) {
  @Field(() => SortOrder, { defaultValue: SortOrder.DESC, description: 'Newest first by default.' })
  override sortOrder: SortOrder = SortOrder.DESC;
}

@InputType({ description: 'Which notifications reach you by e-mail.' })
export class NotificationSettingsInput {
  @Field(() => [NotificationKind])
  @ArrayMaxSize(Object.keys(NotificationKind).length)
  @IsEnum(NotificationKind, { each: true })
  mailKinds: NotificationKind[];

  @Field()
  @IsBoolean()
  digestInsteadOfMail: boolean;
}
