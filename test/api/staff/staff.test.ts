import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';

const CREATE = `mutation ($input: CreateStaffInput!) { createStaff(input: $input) { id name email roles active } }`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $input: UpdateStaffInput!) { updateStaff(id: $id, version: $version, input: $input) { id name email roles active version } }`;
const LIST = `query ($filter: StaffFilter, $page: Int, $perPage: Int, $sortField: StaffSortField, $sortOrder: SortOrder) {
  staffList(filter: $filter, page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder) { total items { name email roles } }
}`;

let app: TestApp;
let adminToken: string;

beforeAll(async () => {
  app = await startTestApp();
  adminToken = await app.login(ADMIN.email, ADMIN.password);
});
afterAll(() => app.stop());

async function versionOf(id: string): Promise<number> {
  const read = await app.graphql<{ staff: { version: number } }>('query ($id: ID!) { staff(id: $id) { version } }', { id }, adminToken);
  return read.data!.staff.version;
}

/** updateStaff with the version as it is now (a form that was just loaded). */
async function update(id: string, input: Record<string, unknown>) {
  return app.graphql(UPDATE, { id, version: await versionOf(id), input }, adminToken);
}

async function createStaff(input: Record<string, unknown>) {
  return app.graphql<{ createStaff: { id: string; email: string; roles: string[] } }>(CREATE, { input }, adminToken);
}

describe('staff accounts', () => {
  it('creates the first ADMIN from ADMIN_EMAIL and ADMIN_PASSWORD', async () => {
    const result = await app.graphql<{ me: { email: string; roles: string[] } }>('{ me { email roles } }', {}, adminToken);
    expect(result.data?.me).toEqual({ email: ADMIN.email, roles: ['ADMIN'] });
  });

  it('lets an ADMIN create staff, who can then sign in', async () => {
    const created = await createStaff({ name: 'Els Jansen', email: 'Els.Jansen@Example.org', password: 'els-password-123', roles: ['HANDLER'] });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createStaff).toMatchObject({ name: 'Els Jansen', email: 'els.jansen@example.org', roles: ['HANDLER'], active: true });
    const token = await app.login('els.jansen@example.org', 'els-password-123');
    const me = await app.graphql<{ me: { name: string } }>('{ me { name } }', {}, token);
    expect(me.data?.me.name).toBe('Els Jansen');
  });

  it('refuses createStaff to anyone but an ADMIN', async () => {
    await createStaff({ name: 'Piet', email: 'piet@example.org', password: 'piet-password-123', roles: ['DIRECTOR'] });
    const director = await app.login('piet@example.org', 'piet-password-123');
    const asDirector = await app.graphql(CREATE, { input: { name: 'X', email: 'x@example.org', password: 'x-password-1234', roles: ['ADMIN'] } }, director);
    expect(asDirector.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await app.graphql(CREATE, { input: { name: 'X', email: 'x@example.org', password: 'x-password-1234', roles: ['ADMIN'] } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const list = await app.graphql<{ staffList: { items: Array<{ email: string }> } }>(LIST, { filter: { q: 'x@example.org' } }, adminToken);
    expect(list.data?.staffList.items).toEqual([]);
  });

  it('answers bad input with field-level errors and writes nothing', async () => {
    const result = await createStaff({ name: '', email: 'not-an-address', password: 'short', roles: [] });
    expect(result.status).toBe(200);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(result.errors?.[0].extensions?.fieldErrors ?? {}).sort()).toEqual(['email', 'name', 'password', 'roles']);
    const list = await app.graphql<{ staffList: { total: number } }>(LIST, { filter: { q: 'not-an-address' } }, adminToken);
    expect(list.data?.staffList.total).toBe(0);
  });

  it('refuses an unknown role with a 400 before anything runs', async () => {
    const result = await createStaff({ name: 'Y', email: 'y@example.org', password: 'y-password-1234', roles: ['KING'] });
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a second account with the same e-mail address, whatever its case', async () => {
    await createStaff({ name: 'Anna', email: 'anna@example.org', password: 'anna-password-123', roles: ['EMPLOYEE'] });
    const again = await createStaff({ name: 'Anna 2', email: 'ANNA@example.org', password: 'anna-password-123', roles: ['EMPLOYEE'] });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'EMAIL_TAKEN', fieldErrors: { email: 'already has an account' } });
  });

  it('signs an account out everywhere when its password changes or it is deactivated', async () => {
    const created = await createStaff({ name: 'Kees', email: 'kees@example.org', password: 'kees-password-123', roles: ['EMPLOYEE'] });
    const id = created.data!.createStaff.id;
    const oldToken = await app.login('kees@example.org', 'kees-password-123');
    await update(id, { password: 'kees-password-456' });
    expect((await app.graphql('{ me { name } }', {}, oldToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const newToken = await app.login('kees@example.org', 'kees-password-456');
    await update(id, { active: false });
    expect((await app.graphql('{ me { name } }', {}, newToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const login = await app.graphql('mutation { login(email: "kees@example.org", password: "kees-password-456") { token } }');
    expect(login.errors?.[0].extensions?.code).toBe('INVALID_CREDENTIALS');
  });

  it('keeps at least one active ADMIN', async () => {
    const me = await app.graphql<{ me: { id: string } }>('{ me { id } }', {}, adminToken);
    const result = await update(me.data!.me.id, { roles: ['DIRECTOR'] });
    expect(result.errors?.[0].extensions?.code).toBe('LAST_ADMIN');
  });

  it('refuses the second of two edits made from the same version (STALE_VERSION)', async () => {
    const created = await createStaff({ name: 'Ria', email: 'ria@example.org', password: 'ria-password-123', roles: ['EMPLOYEE'] });
    const id = created.data!.createStaff.id;
    const version = await versionOf(id);
    const [first, second] = await Promise.all([
      app.graphql(UPDATE, { id, version, input: { name: 'Ria de Vries' } }, adminToken),
      app.graphql(UPDATE, { id, version, input: { name: 'Ria Jansen' } }, adminToken),
    ]);
    const codes = [first, second].map((result) => result.errors?.[0].extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['OK', 'STALE_VERSION']);
    const stale = [first, second].find((result) => result.errors)!;
    expect(stale.errors![0].extensions).toMatchObject({ currentVersion: version + 1 });
  });

  it('keeps an ADMIN when the only two ADMINs are demoted at the same moment', async () => {
    const own = await startTestApp();
    try {
      const token = await own.login(ADMIN.email, ADMIN.password);
      const second = await own.graphql<{ createStaff: { id: string } }>(
        CREATE,
        { input: { name: 'Tweede beheerder', email: 'beheer2@example.org', password: 'beheer-password-123', roles: ['ADMIN'] } },
        token,
      );
      const me = await own.graphql<{ me: { id: string } }>('{ me { id } }', {}, token);
      const ids = [me.data!.me.id, second.data!.createStaff.id];
      const results = await Promise.all(ids.map((id) => own.graphql(UPDATE, { id, version: 1, input: { roles: ['DIRECTOR'] } }, token)));
      expect(results.map((result) => result.errors?.[0].extensions?.code ?? 'OK').sort()).toEqual(['LAST_ADMIN', 'OK']);
      const [{ admins }] = (await own.running.dataSource.query(`SELECT count(*)::int AS admins FROM staff WHERE 'ADMIN' = ANY(roles) AND active`)) as Array<{
        admins: number;
      }>;
      expect(admins).toBe(1);
    } finally {
      await own.stop();
    }
  });

  it('lists staff with a filter, sorting and paging, with the total in the same answer', async () => {
    for (const name of ['Zeger', 'Bram', 'Carla']) {
      await createStaff({ name, email: `${name.toLowerCase()}@list.example.org`, password: 'list-password-123', roles: ['QUALITY_MANAGER'] });
    }
    const page1 = await app.graphql<{ staffList: { total: number; items: Array<{ name: string }> } }>(
      LIST,
      { filter: { q: 'list.example.org' }, page: 1, perPage: 2, sortField: 'name', sortOrder: 'DESC' },
      adminToken,
    );
    expect(page1.data?.staffList).toEqual({
      total: 3,
      items: [expect.objectContaining({ name: 'Zeger' }), expect.objectContaining({ name: 'Carla' })],
    });
    const page2 = await app.graphql<{ staffList: { total: number; items: Array<{ name: string }> } }>(
      LIST,
      { filter: { q: 'list.example.org' }, page: 2, perPage: 2, sortField: 'name', sortOrder: 'DESC' },
      adminToken,
    );
    expect(page2.data?.staffList).toEqual({ total: 3, items: [expect.objectContaining({ name: 'Bram' })] });
    const beyond = await app.graphql<{ staffList: { total: number; items: unknown[] } }>(
      LIST,
      { filter: { q: 'list.example.org' }, page: 9, perPage: 2 },
      adminToken,
    );
    expect(beyond.data?.staffList).toEqual({ total: 3, items: [] });
    const byRole = await app.graphql<{ staffList: { total: number } }>(LIST, { filter: { role: 'QUALITY_MANAGER', q: 'list.' } }, adminToken);
    expect(byRole.data?.staffList.total).toBe(3);
    const anyOf = await app.graphql<{ staffList: { total: number } }>(
      LIST,
      { filter: { roles: ['QUALITY_MANAGER', 'HANDLER'], q: 'example.org' } },
      adminToken,
    );
    const handlers = await app.graphql<{ staffList: { total: number } }>(LIST, { filter: { role: 'HANDLER', q: 'example.org' } }, adminToken);
    expect(anyOf.data?.staffList.total).toBe(3 + handlers.data!.staffList.total);
  });

  it('treats LIKE wildcards in the search text literally', async () => {
    const result = await app.graphql<{ staffList: { total: number } }>(LIST, { filter: { q: '%' } }, adminToken);
    expect(result.data?.staffList.total).toBe(0);
  });

  it('shows the staff directory to colleagues but not to an ANALYST', async () => {
    await createStaff({ name: 'Emma', email: 'emma@dir.example.org', password: 'emma-password-123', roles: ['EMPLOYEE'] });
    await createStaff({ name: 'Ali', email: 'ali@dir.example.org', password: 'ali-password-1234', roles: ['ANALYST'] });
    const employee = await app.login('emma@dir.example.org', 'emma-password-123');
    expect((await app.graphql<{ staffList: { total: number } }>(LIST, {}, employee)).data?.staffList.total).toBeGreaterThan(1);
    const analyst = await app.login('ali@dir.example.org', 'ali-password-1234');
    expect((await app.graphql(LIST, {}, analyst)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses perPage above the maximum', async () => {
    const result = await app.graphql(LIST, { perPage: 10_000 }, adminToken);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: { perPage: expect.any(String) } });
  });
});

describe('permissions', () => {
  // one query per part of the product, guarded by that part's roles
  const PROBES: Record<string, string> = {
    COMPLAINTS: '{ complaintList { total } }',
    CASEWORK: '{ hearingList { total } }',
    MANAGEMENT: '{ reviewList { total } }',
    PRIVACY: '{ privacyRequestList { total } }',
    STATISTICS: '{ complaintStatistics(input: { from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" }) { complaints } }',
    STAFF_DIRECTORY: '{ staffList { total } }',
    ADMINISTRATION: '{ auditEventList { total } }',
  };

  it.each(['EMPLOYEE', 'HANDLER', 'QUALITY_MANAGER', 'DIRECTOR', 'ADMIN', 'ANALYST'])(
    'reports to a %s exactly the parts whose queries answer them (what the admin shows)',
    async (role) => {
      const email = `${role.toLowerCase()}@permissions.example.org`;
      await createStaff({ name: role, email, password: 'permission-password-1', roles: [role] });
      const token = await app.login(email, 'permission-password-1');
      const me = await app.graphql<{ me: { permissions: string[] } }>('{ me { permissions } }', {}, token);
      const answered: string[] = [];
      for (const [permission, probe] of Object.entries(PROBES)) {
        const result = await app.graphql(probe, {}, token);
        if (!result.errors) answered.push(permission);
        else expect(result.errors[0].extensions?.code).toBe('FORBIDDEN');
      }
      expect(me.data?.me.permissions).toEqual(answered);
    },
  );

  it('tells the admin at sign-in, with the roles', async () => {
    const result = await app.graphql<{ login: { staff: { roles: string[]; permissions: string[] } } }>(
      'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { staff { roles permissions } } }',
      { email: ADMIN.email, password: ADMIN.password },
    );
    expect(result.data?.login.staff).toEqual({ roles: ['ADMIN'], permissions: ['STAFF_DIRECTORY', 'ADMINISTRATION'] });
  });
});

describe('sign-in', () => {
  it('refuses a wrong password and an unknown e-mail address alike', async () => {
    const wrong = await app.graphql(`mutation { login(email: "${ADMIN.email}", password: "wrong-password!") { token } }`);
    const unknown = await app.graphql('mutation { login(email: "nobody@example.org", password: "wrong-password!") { token } }');
    expect(wrong.errors?.[0]).toMatchObject({ message: unknown.errors?.[0].message, extensions: { code: 'INVALID_CREDENTIALS' } });
  });

  it('returns a token with its expiry', async () => {
    const result = await app.graphql<{ login: { token: string; expiresAt: string } }>(
      `mutation { login(email: "${ADMIN.email}", password: "${ADMIN.password}") { token expiresAt } }`,
    );
    const hours = (Date.parse(result.data!.login.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
  });

  it('pauses sign-in after 10 failures for one address', async () => {
    const attempt = () => app.graphql('mutation { login(email: "brute@example.org", password: "guess-guess-guess") { token } }');
    for (let i = 0; i < 10; i++) expect((await attempt()).errors?.[0].extensions?.code).toBe('INVALID_CREDENTIALS');
    expect((await attempt()).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });

  it('ignores a forged token', async () => {
    const [header, payload] = adminToken.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    expect((await app.graphql('{ me { name } }', {}, forged)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
