import { Authorized, Ctx, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { Policy } from '../policy/policy.entity';
import { PageOf } from '../shared/pagination';
import { ReferenceDataResolver } from '../shared/reference-data.resolver';
import type { RequestContext } from '../shared/request-context';
import { STAFF_DIRECTORY } from '../shared/roles';
import { Staff } from '../staff/staff.entity';
import { Unit } from './unit.entity';
import { CreateUnitInput, UnitListArgs, UpdateUnitInput } from './unit.input';

@ObjectType()
export class UnitPage extends PageOf(Unit) {}

@Resolver(() => Unit)
export class UnitResolver extends ReferenceDataResolver({
  entity: Unit,
  page: UnitPage,
  listArgs: UnitListArgs,
  createInput: CreateUnitInput,
  updateInput: UpdateUnitInput,
  names: { one: 'unit', list: 'unitList', create: 'createUnit', update: 'updateUnit' },
  descriptions: { update: 'A new policy applies to complaints received from now on.' },
  service: (services) => services.units,
  read: [],
}) {
  @Authorized(STAFF_DIRECTORY)
  @FieldResolver(() => Staff, { nullable: true })
  async director(@Root() unit: Unit, @Ctx() { loaders }: RequestContext): Promise<Staff | null> {
    return unit.directorId ? loaders.staff.load(unit.directorId) : null;
  }

  @FieldResolver(() => Policy, { nullable: true })
  async policy(@Root() unit: Unit, @Ctx() { loaders }: RequestContext): Promise<Policy | null> {
    return unit.policyId ? loaders.policy.load(unit.policyId) : null;
  }
}
