import { randomUUID } from 'node:crypto';
import { getNamedType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { Caller } from '../../../api/src/shared/caller';
import type { RequestContext } from '../../../api/src/shared/request-context';
import { createSchema } from '../../../api/src/schema';
import { systemClock } from '../../../api/src/shared/clock';
import { createLogger } from '../../../api/src/shared/logger';
import { effectiveRoles, Role } from '../../../api/src/shared/roles';
import { ApiTokenScope } from '../../../api/src/token/api-token.entity';

/**
 * Authorization by reachability, on the executable schema itself: for each kind of caller, every root
 * field it may call (asked of the field's own resolver: refused with FORBIDDEN or UNAUTHENTICATED, or
 * not), then every field it may resolve from there (again asked of each field's resolver), down the
 * whole graph. What it reaches is compared with what that caller is for (DOMAIN.md, Roles):
 * a BI token aggregates, pseudonymised facts and reference data; a website token the reference it
 * gets back; nobody a colleague's name, e-mail address or roles who is not a colleague or themselves.
 */
class Reached extends Error {}

/** Services and loaders that say "you got past authorization" the moment a resolver touches them. */
const reached = new Proxy(
  {},
  {
    get: () => {
      throw new Reached();
    },
  },
);

function contextFor(caller: Caller | null): RequestContext {
  return {
    requestId: 'walk',
    caller,
    ip: '127.0.0.1',
    clock: systemClock,
    logger: createLogger('silent'),
    services: reached as RequestContext['services'],
    loaders: reached as RequestContext['loaders'],
  };
}

const refusal = (error: unknown) => {
  const code = (error as { extensions?: { code?: string } }).extensions?.code;
  return code === 'FORBIDDEN' || code === 'UNAUTHENTICATED';
};

/** May this caller resolve this field (of a record that is not theirs)? Asked of the resolver, not of metadata. */
async function allowed(parent: GraphQLObjectType, field: GraphQLField<unknown, unknown>, context: RequestContext): Promise<boolean> {
  if (!field.resolve) return true;
  const info = { fieldName: field.name, parentType: parent, returnType: field.type, path: { key: field.name, prev: undefined } } as never;
  try {
    await field.resolve({ id: randomUUID() }, {}, context, info);
    return true;
  } catch (error) {
    return !refusal(error);
  }
}

interface Walk {
  roots: string[];
  /** Type → the fields of it the caller can reach and resolve. */
  reached: Map<string, Set<string>>;
}

async function walk(schema: GraphQLSchema, caller: Caller | null): Promise<Walk> {
  const context = contextFor(caller);
  const roots: string[] = [];
  const reachedTypes = new Map<string, Set<string>>();
  const queue: GraphQLObjectType[] = [];
  const visit = (type: GraphQLObjectType) => {
    if (reachedTypes.has(type.name)) return;
    reachedTypes.set(type.name, new Set());
    queue.push(type);
  };
  for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
    for (const field of Object.values(root.getFields())) {
      if (!(await allowed(root, field, context))) continue;
      roots.push(field.name);
      const type = getNamedType(field.type);
      if (isObjectType(type)) visit(type);
    }
  }
  while (queue.length) {
    const type = queue.shift()!;
    for (const field of Object.values(type.getFields())) {
      if (!(await allowed(type, field, context))) continue;
      reachedTypes.get(type.name)!.add(field.name);
      const target = getNamedType(field.type);
      if (isObjectType(target)) visit(target);
    }
  }
  return { roots: roots.sort(), reached: reachedTypes };
}

const token = (scope: ApiTokenScope): Caller => {
  const roles = scope === ApiTokenScope.ANALYST ? [Role.ANALYST] : [];
  return { id: randomUUID(), name: scope, roles, effectiveRoles: effectiveRoles(roles), tokenScope: scope };
};
const staff = (roles: Role[]): Caller => ({ id: randomUUID(), name: roles.join('/'), roles, effectiveRoles: effectiveRoles(roles) });

/** What BI may see: figures, pseudonymised facts, and the reference data they are grouped by. */
const BI_TYPES = [
  'CalendarDay',
  'CalendarDayPage',
  'Category',
  'CategoryPage',
  'ComplaintFact',
  'ComplaintFactConnection',
  'DeadlineCompliance',
  'DeadlineRule',
  'LeadTime',
  'NonWorkingDay',
  'Policy',
  'PolicyPage',
  'StatisticsRow',
  'TermOfTime',
  'Unit',
  'UnitPage',
];
/**
 * What anyone may call and get: signing in (their own record), submitting a complaint, and the complaint's public
 * status with its reference and code (types that name no one: portal.types.ts).
 */
const PUBLIC_TYPES = ['LoginPayload', 'PublicComplaintStatus', 'PublicHearing', 'PublicLetter', 'PublicSurvey', 'Staff', 'SubmitComplaintPayload'];
/** What anyone may call: sign in, submit, and the complainant's status page and actions (with the reference and the code). */
const PUBLIC_ROOTS = [
  'answerHearing',
  'answerInformationRequest',
  'answerSatisfactionSurvey',
  'complaintStatus',
  'fileObjectionOnline',
  'login',
  'submitComplaint',
];
/** A staff record's fields that are no one's personal data. */
const STAFF_BARE = ['createdAt', 'id', 'updatedAt', 'version'];

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

describe('what each caller can reach, walking the whole schema', () => {
  it('an ANALYST token reaches figures, pseudonymised facts and reference data, never a person', async () => {
    const { roots, reached } = await walk(schema, token(ApiTokenScope.ANALYST));
    expect(roots).toEqual(expect.arrayContaining(['complaintFacts', 'complaintStatistics']));
    expect([...reached.keys()].sort()).toEqual([...BI_TYPES, ...PUBLIC_TYPES].sort());
    expect([...reached.get('Staff')!].sort()).toEqual(STAFF_BARE);
    expect(reached.get('Unit')).not.toContain('director');
  });

  it("a WEBSITE token can call submitComplaint and the complainant's status and actions, and nothing else", async () => {
    const { roots, reached } = await walk(schema, token(ApiTokenScope.WEBSITE));
    expect(roots).toEqual(PUBLIC_ROOTS);
    expect([...reached.get('LoginPayload')!].sort()).toEqual(['expiresAt', 'staff', 'token']);
    expect([...reached.get('Staff')!].sort()).toEqual(STAFF_BARE);
    expect([...reached.keys()].sort()).toEqual(PUBLIC_TYPES);
  });

  it('an anonymous caller can sign in, submit and read a status, and reads no staff record but their own', async () => {
    const { roots, reached } = await walk(schema, null);
    expect(roots).toEqual(PUBLIC_ROOTS);
    expect([...reached.get('Staff')!].sort()).toEqual(STAFF_BARE);
  });

  it('a member of staff with only the ANALYST role reads their own record (me) but no colleague', async () => {
    const { roots, reached } = await walk(schema, staff([Role.ANALYST]));
    expect(roots).toContain('me');
    expect(roots).not.toEqual(expect.arrayContaining(['staffList']));
    expect([...reached.get('Staff')!].sort()).toEqual(STAFF_BARE);
    expect([...reached.keys()].sort()).toEqual([...BI_TYPES, ...PUBLIC_TYPES].sort());
  });

  it('an ADMIN reaches staff records but no complaint, complainant or history', async () => {
    const { reached } = await walk(schema, staff([Role.ADMIN]));
    expect(reached.get('Staff')).toContain('email');
    for (const type of ['Complaint', 'Complainant', 'ComplaintEvent', 'ContactMoment', 'Hearing', 'Objection', 'Referral'])
      expect(reached.has(type)).toBe(false);
  });

  it('an EMPLOYEE reaches complaints and colleagues, but not BI figures, reviews or tokens', async () => {
    const { roots, reached } = await walk(schema, staff([Role.EMPLOYEE]));
    expect(reached.get('Complainant')).toContain('email');
    for (const root of ['complaintStatistics', 'complaintFacts', 'reviewList', 'apiTokens', 'verifyHistory']) expect(roots).not.toContain(root);
  });
});
