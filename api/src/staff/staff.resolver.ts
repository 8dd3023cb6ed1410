import { Arg, Args, Authorized, Ctx, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { caller, type RequestContext } from '../shared/request-context';
import { NotFoundError } from '../shared/errors';
import { PageOf } from '../shared/pagination';
import { ROLES_FOR, Role } from '../shared/roles';
import { Staff } from './staff.entity';
import { CreateStaffInput, StaffListArgs, UpdateStaffInput } from './staff.input';

@ObjectType()
export class StaffPage extends PageOf(Staff) {}

@Resolver(() => Staff)
export class StaffResolver {
  @Authorized()
  @Query(() => Staff, { description: 'The signed-in member of staff.' })
  async me(@Ctx() { caller, services }: RequestContext): Promise<Staff> {
    if (!caller) throw new NotFoundError('Staff', 'me');
    return services.staff.get(caller.id);
  }

  /** The staff directory: for ADMIN, and for colleagues picking a handler, a subject or a forwarding target. */
  @Authorized(ROLES_FOR.STAFF_DIRECTORY)
  @Query(() => Staff, { nullable: true })
  async staff(@Arg('id', () => ID) id: string, @Ctx() { services }: RequestContext): Promise<Staff> {
    return services.staff.get(id);
  }

  @Authorized(ROLES_FOR.STAFF_DIRECTORY)
  @Query(() => StaffPage, { description: 'Staff accounts: one page and the total, in one statement.' })
  async staffList(@Args(() => StaffListArgs) args: StaffListArgs, @Ctx() { services }: RequestContext): Promise<StaffPage> {
    return services.staff.list(args);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Staff)
  async createStaff(@Arg('input', () => CreateStaffInput) input: CreateStaffInput, @Ctx() context: RequestContext): Promise<Staff> {
    return context.services.staff.create(caller(context), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Staff)
  async updateStaff(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateStaffInput) input: UpdateStaffInput,
    @Ctx() context: RequestContext,
  ): Promise<Staff> {
    return context.services.staff.update(caller(context), id, version, input);
  }
}
