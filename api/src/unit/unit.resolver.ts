import { IsBoolean, IsOptional, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
  Root,
} from 'type-graphql';
import type { RequestContext } from '../context';
import { Policy } from '../policy/policy.entity';
import { PageArgs, PageOf } from '../shared/pagination';
import { Role, STAFF_DIRECTORY } from '../shared/roles';
import { Staff } from '../staff/staff.entity';
import { Unit } from './unit.entity';
import { LENGTH } from '../shared/lengths';

@InputType()
export class CreateUnitInput {
  @Field()
  @Matches(/^[A-Z0-9-]+$/, { message: `use 1 to ${LENGTH.code} capitals, digits or -` })
  @Length(1, LENGTH.code, { message: `use 1 to ${LENGTH.code} capitals, digits or -` })
  code: string;

  @Field()
  @Length(1, LENGTH.name)
  name: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  directorId?: string | null;

  @Field(() => ID, { nullable: true, description: "Null: the organisation's default policy." })
  @IsOptional()
  @IsUUID('all')
  policyId?: string | null;
}

@InputType()
export class UpdateUnitInput {
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^[A-Z0-9-]+$/, { message: `use 1 to ${LENGTH.code} capitals, digits or -` })
  @Length(1, LENGTH.code, { message: `use 1 to ${LENGTH.code} capitals, digits or -` })
  code?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Length(1, LENGTH.name)
  name?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  directorId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  policyId?: string | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class UnitFilter {
  @Field({ nullable: true })
  @IsOptional()
  @MaxLength(LENGTH.search)
  q?: string;

  @Field({ nullable: true })
  @IsOptional()
  active?: boolean;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true })
  ids?: string[];
}

export enum UnitSortField {
  code = 'code',
  name = 'name',
}
registerEnumType(UnitSortField, { name: 'UnitSortField' });

@ArgsType()
export class UnitListArgs extends PageArgs {
  @Field(() => UnitFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: UnitFilter;

  @Field(() => UnitSortField, { defaultValue: UnitSortField.name })
  sortField: UnitSortField = UnitSortField.name;
}

@ObjectType()
export class UnitPage extends PageOf(Unit) {}

@Resolver(() => Unit)
export class UnitResolver {
  @Authorized()
  @Query(() => Unit, { nullable: true })
  async unit(@Arg('id', () => ID) id: string, @Ctx() { services }: RequestContext): Promise<Unit> {
    return services.units.get(id);
  }

  @Authorized()
  @Query(() => UnitPage)
  async unitList(@Args(() => UnitListArgs) args: UnitListArgs, @Ctx() { services }: RequestContext): Promise<UnitPage> {
    return services.units.list(args);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Unit)
  async createUnit(@Arg('input', () => CreateUnitInput) input: CreateUnitInput, @Ctx() { services }: RequestContext): Promise<Unit> {
    return services.units.create(input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Unit, { description: 'A new policy applies to complaints received from now on.' })
  async updateUnit(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateUnitInput) input: UpdateUnitInput,
    @Ctx() { services }: RequestContext,
  ): Promise<Unit> {
    return services.units.update(id, version, input);
  }

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
