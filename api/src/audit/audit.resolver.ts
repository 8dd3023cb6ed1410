import { Args, Authorized, Ctx, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { PageOf } from '../shared/pagination';
import type { RequestContext } from '../shared/request-context';
import { Role } from '../shared/roles';
import { Staff } from '../staff/staff.entity';
import { AuditEvent } from './audit-event.entity';
import { AuditEventListArgs } from './audit.input';

@ObjectType()
export class AuditEventPage extends PageOf(AuditEvent) {}

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Authorized(Role.ADMIN)
  @Query(() => AuditEventPage, { description: 'Changes to the set-up (staff, units, policies, tokens, ...), newest first.' })
  async auditEventList(@Args(() => AuditEventListArgs) args: AuditEventListArgs, @Ctx() { services }: RequestContext): Promise<AuditEventPage> {
    return services.audit.list(args);
  }

  @FieldResolver(() => Staff, { nullable: true })
  async actor(@Root() event: AuditEvent, @Ctx() { loaders }: RequestContext): Promise<Staff | null> {
    return event.actorId ? loaders.staff.load(event.actorId) : null;
  }
}
