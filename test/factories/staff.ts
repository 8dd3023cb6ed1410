import { randomBytes } from 'node:crypto';
import type { TestApp } from '../helpers/app';

export interface Member {
  id: string;
  name: string;
  email: string;
  token: string;
}

let counter = 0;

/** A member of staff with these roles, created by the ADMIN and signed in. */
export async function staffMember(
  app: TestApp,
  adminToken: string,
  roles: string[],
  overrides: { name?: string; supervisorId?: string; unitId?: string } = {},
): Promise<Member> {
  counter += 1;
  const name = overrides.name ?? `${roles.join('/')} ${counter}`;
  const email = `staff-${counter}-${randomBytes(3).toString('hex')}@example.org`;
  const password = 'staff-password-123';
  const created = await app.graphql<{ createStaff: { id: string } }>(
    'mutation ($input: CreateStaffInput!) { createStaff(input: $input) { id } }',
    { input: { name, email, password, roles } },
    adminToken,
  );
  if (!created.data) throw new Error(`createStaff failed: ${JSON.stringify(created.errors)}`);
  const id = created.data.createStaff.id;
  if (overrides.supervisorId || overrides.unitId) {
    const updated = await app.graphql(
      'mutation ($id: ID!, $version: Int!, $input: UpdateStaffInput!) { updateStaff(id: $id, version: $version, input: $input) { id } }',
      { id, version: 1, input: { supervisorId: overrides.supervisorId, unitId: overrides.unitId } },
      adminToken,
    );
    if (updated.errors) throw new Error(`updateStaff failed: ${JSON.stringify(updated.errors)}`);
  }
  return { id, name, email, token: await app.login(email, password) };
}

/** A unit, created by the ADMIN (with its director, when given); answers its id. */
export async function createUnit(app: TestApp, adminToken: string, input: { code: string; name?: string; directorId?: string }): Promise<string> {
  const unit = await app.graphql<{ createUnit: { id: string } }>(
    'mutation ($input: CreateUnitInput!) { createUnit(input: $input) { id } }',
    { input: { name: `Regio ${input.code}`, ...input } },
    adminToken,
  );
  if (!unit.data) throw new Error(`createUnit failed: ${JSON.stringify(unit.errors)}`);
  return unit.data.createUnit.id;
}
