import { Client } from 'pg';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { staffMember } from '../../factories/staff';

/** Changes to the set-up are attributed, in the same transaction, in an append-only audit trail. */
let app: TestApp;
let adminToken: string;
let adminId: string;

beforeAll(async () => {
  app = await startTestApp();
  adminToken = await app.login(ADMIN.email, ADMIN.password);
  adminId = (await app.graphql<{ me: { id: string } }>('{ me { id } }', {}, adminToken)).data!.me.id;
});
afterAll(() => app.stop());

const TRAIL = `query ($filter: AuditEventFilter) { auditEventList(filter: $filter, perPage: 50) { total items { entity entityId action changes actor { id } } } }`;

type Trail = {
  auditEventList: {
    total: number;
    items: Array<{ entity: string; entityId: string; action: string; changes: Record<string, unknown>; actor: { id: string } | null }>;
  };
};

describe('the audit trail', () => {
  it('records who created and changed a unit, and what changed', async () => {
    const created = await app.graphql<{ createUnit: { id: string; version: number } }>(
      'mutation { createUnit(input: { code: "ZUID", name: "Zuid" }) { id version } }',
      {},
      adminToken,
    );
    const { id, version } = created.data!.createUnit;
    await app.graphql(
      'mutation ($id: ID!, $version: Int!) { updateUnit(id: $id, version: $version, input: { name: "Regio Zuid" }) { id } }',
      { id, version },
      adminToken,
    );
    const trail = await app.graphql<Trail>(TRAIL, { filter: { entity: 'Unit', entityId: id } }, adminToken);
    expect(trail.data!.auditEventList.items).toEqual([
      { entity: 'Unit', entityId: id, action: 'UPDATED', changes: { name: { from: 'Zuid', to: 'Regio Zuid' } }, actor: { id: adminId } },
      { entity: 'Unit', entityId: id, action: 'CREATED', changes: expect.objectContaining({ code: 'ZUID', name: 'Zuid' }), actor: { id: adminId } },
    ]);
  });

  it('says that a password changed, never what it is', async () => {
    const member = await staffMember(app, adminToken, ['EMPLOYEE']);
    await app.graphql(
      'mutation ($id: ID!) { updateStaff(id: $id, version: 1, input: { password: "een-heel-nieuw-wachtwoord" }) { id } }',
      { id: member.id },
      adminToken,
    );
    const trail = await app.graphql<Trail>(TRAIL, { filter: { entity: 'Staff', entityId: member.id } }, adminToken);
    const text = JSON.stringify(trail.data);
    expect(text).not.toContain('een-heel-nieuw-wachtwoord');
    expect(text).not.toContain('staff-password-123');
    expect(trail.data!.auditEventList.items.map((item) => item.action)).toEqual(['UPDATED', 'CREATED']);
    expect(trail.data!.auditEventList.items[0].changes).toMatchObject({ password: '(changed)' });
  });

  it('records closing days, policies made default, and API tokens created and revoked', async () => {
    await app.graphql('mutation { createCalendarDay(input: { date: "2026-12-31", kind: CLOSING, description: "Oudejaarsdag" }) { id } }', {}, adminToken);
    await app.graphql('mutation { deleteCalendarDay(id: "2026-12-31") { id } }', {}, adminToken);
    const token = await app.graphql<{ createApiToken: { token: { id: string } } }>(
      'mutation { createApiToken(input: { name: "BI", scope: ANALYST }) { token { id } } }',
      {},
      adminToken,
    );
    await app.graphql('mutation ($id: ID!) { revokeApiToken(id: $id) { id } }', { id: token.data!.createApiToken.token.id }, adminToken);
    const day = await app.graphql<Trail>(TRAIL, { filter: { entity: 'CalendarDay', entityId: '2026-12-31' } }, adminToken);
    expect(day.data!.auditEventList.items.map((item) => item.action)).toEqual(['DELETED', 'CREATED']);
    const tokens = await app.graphql<Trail>(TRAIL, { filter: { entity: 'ApiToken' } }, adminToken);
    expect(tokens.data!.auditEventList.items.map((item) => item.action)).toEqual(['UPDATED', 'CREATED']);
  });

  it('is for ADMIN only, and append-only for the request role', async () => {
    const director = await staffMember(app, adminToken, ['DIRECTOR']);
    expect((await app.graphql(TRAIL, {}, director.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const client = new Client({ connectionString: app.database.url });
    await client.connect();
    try {
      await expect(client.query('DELETE FROM audit_event')).rejects.toMatchObject({ code: '42501' });
      await expect(client.query(`UPDATE audit_event SET changes = '{}'`)).rejects.toMatchObject({ code: '42501' });
    } finally {
      await client.end();
    }
  });
});
