import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { maySee } from '../complaint/visibility';
import { PageOf } from '../shared/pagination';
import { ROLES_FOR } from '../shared/roles';
import { caller, type RequestContext } from '../shared/request-context';
import { NotificationSettings } from './notification-settings.entity';
import { Notification } from './notification.entity';
import { NotificationListArgs, NotificationSettingsInput } from './notification.input';
import { notificationText } from './notification-text';

@ObjectType()
export class NotificationPage extends PageOf(Notification) {}

/** What staff are told, and how. */
@Resolver(() => Notification)
export class NotificationResolver {
  @Authorized(ROLES_FOR.COMPLAINTS)
  @Query(() => NotificationPage, { description: 'What you were told, newest first.' })
  async myNotifications(@Args(() => NotificationListArgs) args: NotificationListArgs, @Ctx() context: RequestContext): Promise<NotificationPage> {
    return context.services.notifications.list(caller(context), args);
  }

  @Authorized(ROLES_FOR.COMPLAINTS)
  @Mutation(() => Int, { description: 'Marks your notifications read; answers how many were unread.' })
  async markNotificationsRead(@Arg('ids', () => [ID]) ids: string[], @Ctx() context: RequestContext): Promise<number> {
    return context.services.notifications.markRead(caller(context), ids);
  }

  @Authorized(ROLES_FOR.COMPLAINTS)
  @Query(() => NotificationSettings, { description: 'Which notifications reach you by e-mail.' })
  async myNotificationSettings(@Ctx() context: RequestContext): Promise<NotificationSettings> {
    return context.services.notifications.settings(caller(context));
  }

  @Authorized(ROLES_FOR.COMPLAINTS)
  @Mutation(() => NotificationSettings, { description: 'Chooses which notifications reach you by e-mail.' })
  async updateMyNotificationSettings(
    @Arg('input', () => NotificationSettingsInput) input: NotificationSettingsInput,
    @Ctx() context: RequestContext,
  ): Promise<NotificationSettings> {
    return context.services.notifications.updateSettings(caller(context), input);
  }

  @FieldResolver(() => String, { description: 'What it says, in Dutch (the e-mail says the same).' })
  summary(@Root() notification: Notification): string {
    return notificationText(notification.kind, notification.data).text;
  }

  @FieldResolver(() => Complaint, { nullable: true, description: 'The complaint it is about, if you may still see it.' })
  async complaint(@Root() notification: Notification, @Ctx() context: RequestContext): Promise<Complaint | null> {
    if (!notification.complaintId || !context.caller) return null;
    // told of it once (an escalation to a supervisor, an assignment since changed): seen only as long as one may
    const complaint = await context.loaders.complaint.load(notification.complaintId);
    return complaint && maySee(complaint, context.caller) ? complaint : null;
  }
}
