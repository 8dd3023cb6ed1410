import 'reflect-metadata';
import { isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { createSchema } from '../../api/src/schema';
import type { Caller } from '../../api/src/shared/caller';
import { ForbiddenError } from '../../api/src/shared/errors';
import type { RequestContext } from '../../api/src/shared/request-context';
import { effectiveRoles, Role } from '../../api/src/shared/roles';

/**
 * plain-fields.ts: a column field is read without TypeGraphQL's per-field machinery, and one with roles is checked
 * synchronously (no promise per field): the same answer and the same refusal, at once. (The schema-wide proof that
 * the roles hold is test/api/security/reachability.test.ts; this is the shape of the resolvers.)
 */
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

const caller = (roles: Role[]): Caller => ({ id: 'caller', name: 'Caller', roles, effectiveRoles: effectiveRoles(roles) });
const context = (roles: Role[]) => ({ caller: caller(roles) }) as unknown as RequestContext;
const resolve = (typeName: string, fieldName: string, root: object, roles: Role[]) => {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  const field = type.getFields()[fieldName];
  return field.resolve!(root, {}, context(roles), { fieldName } as GraphQLResolveInfo);
};

describe('plain fields', () => {
  it("reads a complainant's name at once for a role that may see personal data", () => {
    expect(resolve('Complainant', 'name', { id: 'k', name: 'Jansen' }, [Role.HANDLER])).toBe('Jansen');
  });

  it('refuses it at once, with the auth checker’s own error, to a role that may not', () => {
    expect(() => resolve('Complainant', 'name', { id: 'k', name: 'Jansen' }, [Role.ANALYST])).toThrow(ForbiddenError);
  });

  it('reads a field without roles as the property it is', () => {
    expect(resolve('Unit', 'code', { id: 'u', code: 'OOST' }, [Role.ANALYST])).toBe('OOST');
  });

  it("reads a field its class inherits (BaseEntity's) plainly too", () => {
    const created = new Date('2026-06-01T07:00:00Z');
    expect(resolve('Unit', 'createdAt', { id: 'u', createdAt: created }, [Role.ANALYST])).toBe(created);
  });

  it("lets a member read their own language (SELF) and no one else's", () => {
    expect(resolve('Staff', 'language', { id: 'caller', language: 'EN' }, [Role.EMPLOYEE])).toBe('EN');
    expect(() => resolve('Staff', 'language', { id: 'someone else', language: 'EN' }, [Role.DIRECTOR])).toThrow(
      new ForbiddenError('Only the member of staff themselves may read this.'),
    );
  });

  it('leaves a field with a field resolver to it (a relation is still loaded, not read from the object)', () => {
    const loaders = { staff: { load: (id: string) => Promise.resolve({ id, name: 'Loaded' }) } };
    const type = schema.getType('Complaint');
    if (!isObjectType(type)) throw new Error('Complaint is not an object type');
    const handler = type.getFields().handler.resolve!(
      { handlerId: 'h', handler: { id: 'h', name: 'From the object' }, subjectStaffIds: [] },
      {},
      { caller: caller([Role.DIRECTOR]), loaders } as unknown as RequestContext,
      { fieldName: 'handler' } as GraphQLResolveInfo,
    );
    return expect(Promise.resolve(handler)).resolves.toEqual({ id: 'h', name: 'Loaded' });
  });
});
