import { IsOptional, Length } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { LENGTH } from '../shared/lengths';
import { IdsFilter, ListArgs } from '../shared/list-args';
import { SortOrder } from '../shared/pagination';

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

@InputType({ description: 'Your side of the story about a complaint that names you.' })
export class StatementInput {
  @Field()
  @Length(1, LENGTH.text, { message: `is required (at most ${LENGTH.text} characters)` })
  text: string;
}
