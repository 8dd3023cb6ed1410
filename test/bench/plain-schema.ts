import {
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLError,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  type GraphQLFieldConfig,
} from 'graphql';
import type { Complainant } from '../../api/src/complaint/complainant.entity';
import type { Complaint } from '../../api/src/complaint/complaint.entity';
import type { ComplaintListArgs } from '../../api/src/complaint/complaint-list.input';
import type { Deadline } from '../../api/src/complaint/deadline.entity';
import type { RequestContext } from '../../api/src/shared/request-context';
import { PERSONAL_DATA_ROLES, Role } from '../../api/src/shared/roles';
import type { Staff } from '../../api/src/staff/staff.entity';
import type { Unit } from '../../api/src/unit/unit.entity';

/**
 * The part of the graph the list workload asks for, built by hand with graphql-js: the same
 * services and the same per-request DataLoaders, the same role checks, no decorators, no argument
 * classes, no class-validator. Workload 4 runs the same query text through this and through the
 * TypeGraphQL schema.
 */
const STAFF_ROLES = [Role.EMPLOYEE, Role.HANDLER, Role.QUALITY_MANAGER, Role.DIRECTOR];

function requireRole(context: RequestContext, roles: readonly Role[]): void {
  if (!context.caller) throw new GraphQLError('Sign in first.', { extensions: { code: 'UNAUTHENTICATED' } });
  if (!roles.some((role) => context.caller?.effectiveRoles.has(role))) throw new GraphQLError('Forbidden.', { extensions: { code: 'FORBIDDEN' } });
}

const DateTimeISO = new GraphQLScalarType<Date, string>({
  name: 'DateTimeISO',
  serialize: (value) => (value as Date).toISOString(),
});

const personal = <T>(field: keyof T & string): GraphQLFieldConfig<T, RequestContext> => ({
  type: GraphQLString,
  resolve: (source, _args, context) => {
    requireRole(context, PERSONAL_DATA_ROLES);
    return source[field];
  },
});

const StaffType = new GraphQLObjectType<Staff, RequestContext>({
  name: 'Staff',
  fields: {
    id: { type: new GraphQLNonNull(GraphQLID) },
    name: { type: new GraphQLNonNull(GraphQLString) },
    email: { type: new GraphQLNonNull(GraphQLString) },
  },
});

const UnitType = new GraphQLObjectType<Unit, RequestContext>({
  name: 'Unit',
  fields: { id: { type: new GraphQLNonNull(GraphQLID) }, code: { type: new GraphQLNonNull(GraphQLString) }, name: { type: new GraphQLNonNull(GraphQLString) } },
});

const ComplainantType = new GraphQLObjectType<Complainant, RequestContext>({
  name: 'Complainant',
  fields: {
    id: { type: new GraphQLNonNull(GraphQLID) },
    name: personal<Complainant>('name'),
    email: personal<Complainant>('email'),
    phone: personal<Complainant>('phone'),
  },
});

const DeadlineType = new GraphQLObjectType<Deadline, RequestContext>({
  name: 'Deadline',
  fields: {
    id: { type: new GraphQLNonNull(GraphQLID) },
    kind: { type: new GraphQLNonNull(GraphQLString) },
    dueAt: { type: new GraphQLNonNull(DateTimeISO) },
    dueDate: { type: new GraphQLNonNull(GraphQLString) },
    metAt: { type: DateTimeISO },
  },
});

const ComplaintType = new GraphQLObjectType<Complaint, RequestContext>({
  name: 'Complaint',
  fields: {
    id: { type: new GraphQLNonNull(GraphQLID) },
    reference: { type: new GraphQLNonNull(GraphQLString) },
    status: { type: new GraphQLNonNull(GraphQLString) },
    channel: { type: new GraphQLNonNull(GraphQLString) },
    receivedAt: { type: new GraphQLNonNull(DateTimeISO) },
    nextDueAt: { type: DateTimeISO },
    handler: { type: StaffType, resolve: (complaint, _args, { loaders }) => (complaint.handlerId ? loaders.staff.load(complaint.handlerId) : null) },
    unit: { type: UnitType, resolve: (complaint, _args, { loaders }) => (complaint.unitId ? loaders.unit.load(complaint.unitId) : null) },
    complainant: { type: new GraphQLNonNull(ComplainantType), resolve: (complaint, _args, { loaders }) => loaders.complainant.load(complaint.complainantId) },
    deadlines: {
      type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(DeadlineType))),
      args: { includeCancelled: { type: new GraphQLNonNull(GraphQLBoolean), defaultValue: false } },
      resolve: async (complaint, args: { includeCancelled: boolean }, { loaders }) => {
        const deadlines = await loaders.deadlinesOfComplaint.load(complaint.id);
        return args.includeCancelled ? deadlines : deadlines.filter((deadline) => !deadline.cancelledAt);
      },
    },
  },
});

const ComplaintPageType = new GraphQLObjectType({
  name: 'ComplaintPage',
  fields: { items: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(ComplaintType))) }, total: { type: new GraphQLNonNull(GraphQLInt) } },
});

const ComplaintFilterType = new GraphQLInputObjectType({
  name: 'ComplaintFilter',
  fields: { unitId: { type: GraphQLID }, handlerId: { type: GraphQLID }, overdue: { type: GraphQLBoolean } },
});

const ComplaintSortFieldType = new GraphQLEnumType({
  name: 'ComplaintSortField',
  values: { receivedAt: {}, reference: {}, status: {}, nextDueAt: {}, updatedAt: {} },
});

const SortOrderType = new GraphQLEnumType({ name: 'SortOrder', values: { ASC: {}, DESC: {} } });

interface ListArgs {
  filter?: { unitId?: string; handlerId?: string; overdue?: boolean } | null;
  page: number;
  perPage: number;
  sortField: ComplaintListArgs['sortField'];
  sortOrder: ComplaintListArgs['sortOrder'];
}

export function createPlainSchema(): GraphQLSchema {
  return new GraphQLSchema({
    query: new GraphQLObjectType<unknown, RequestContext>({
      name: 'Query',
      fields: {
        complaintList: {
          type: new GraphQLNonNull(ComplaintPageType),
          args: {
            filter: { type: ComplaintFilterType },
            page: { type: new GraphQLNonNull(GraphQLInt), defaultValue: 1 },
            perPage: { type: new GraphQLNonNull(GraphQLInt), defaultValue: 25 },
            sortField: { type: new GraphQLNonNull(ComplaintSortFieldType), defaultValue: 'receivedAt' },
            sortOrder: { type: new GraphQLNonNull(SortOrderType), defaultValue: 'ASC' },
          },
          resolve: (_root, args: ListArgs, context) => {
            requireRole(context, STAFF_ROLES);
            if (args.page < 1 || args.perPage < 1 || args.perPage > 200) throw new GraphQLError('Bad paging.', { extensions: { code: 'BAD_USER_INPUT' } });
            const listArgs = { ...args, filter: args.filter ?? undefined, offset: (args.page - 1) * args.perPage } as unknown as ComplaintListArgs;
            return context.services.complaintQueries.list(context.caller!, listArgs);
          },
        },
      },
    }),
  });
}
