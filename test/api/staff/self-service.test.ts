import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { staffMember, type Member } from '../../factories/staff';

/**
 * What every member of staff does for themselves (issue 16): change their own password with the current one — every
 * other session ends, this one goes on — and choose the panel's language, which nobody else reads.
 */
const CHANGE = `mutation ($currentPassword: String!, $newPassword: String!) {
  changeOwnPassword(currentPassword: $currentPassword, newPassword: $newPassword) { token staff { id } }
}`;

/** What test/factories/staff.ts gives every member of staff. */
const PASSWORD = 'staff-password-123';

let app: TestApp;
let adminToken: string;

beforeAll(async () => {
  app = await startTestApp();
  adminToken = await app.login(ADMIN.email, ADMIN.password);
});
afterAll(() => app.stop());

const change = (member: Member, currentPassword: string, newPassword: string, token = member.token) =>
  app.graphql<{ changeOwnPassword: { token: string; staff: { id: string } } }>(CHANGE, { currentPassword, newPassword }, token);

describe('their own password', () => {
  it('changes with the current one: the other sessions end, this one goes on with the new token', async () => {
    const member = await staffMember(app, adminToken, ['HANDLER']);
    const elsewhere = await app.login(member.email, PASSWORD);
    const changed = await change(member, PASSWORD, 'een nieuw wachtwoord van mij');
    expect(changed.errors).toBeUndefined();
    const { token } = changed.data!.changeOwnPassword;
    expect((await app.graphql<{ me: { id: string } }>('{ me { id } }', {}, token)).data!.me.id).toBe(member.id);
    for (const old of [member.token, elsewhere]) expect((await app.graphql('{ me { id } }', {}, old)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await expect(app.login(member.email, 'een nieuw wachtwoord van mij')).resolves.toEqual(expect.any(String));
    await expect(app.login(member.email, PASSWORD)).rejects.toThrow();
  });

  it('refuses a wrong current password, the same one again, or a short one, each on its field', async () => {
    const member = await staffMember(app, adminToken, ['EMPLOYEE']);
    const wrong = await change(member, 'niet mijn wachtwoord', 'een nieuw wachtwoord van mij');
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldCodes: { currentPassword: { code: 'WRONG_PASSWORD' } } });
    const same = await change(member, PASSWORD, PASSWORD);
    expect(same.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldCodes: { newPassword: { code: 'SAME_AS_BEFORE' } } });
    const short = await change(member, PASSWORD, 'kort');
    expect(short.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: { newPassword: expect.any(String) } });
    // nothing changed: the session still works
    expect((await app.graphql('{ me { id } }', {}, member.token)).errors).toBeUndefined();
  });

  it('cannot be guessed faster than a sign-in: ten wrong current passwords lock the account', async () => {
    const member = await staffMember(app, adminToken, ['EMPLOYEE']);
    for (let i = 0; i < 10; i++) await change(member, `fout wachtwoord ${i}`, 'een nieuw wachtwoord van mij');
    expect((await change(member, PASSWORD, 'een nieuw wachtwoord van mij')).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });

  it('is not for an API token or an anonymous caller', async () => {
    const created = await app.graphql<{ createApiToken: { secret: string } }>(
      'mutation { createApiToken(input: { name: "Website", scope: WEBSITE }) { secret } }',
      {},
      adminToken,
    );
    const token = created.data!.createApiToken.secret;
    expect((await app.graphql(CHANGE, { currentPassword: 'x', newPassword: 'een nieuw wachtwoord van mij' }, token)).errors?.[0].extensions?.code).toMatch(
      /FORBIDDEN|UNAUTHENTICATED/,
    );
    expect((await app.graphql(CHANGE, { currentPassword: 'x', newPassword: 'een nieuw wachtwoord van mij' })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('the language of their panel', () => {
  it('is Dutch until they choose English, and theirs alone to read', async () => {
    const member = await staffMember(app, adminToken, ['HANDLER']);
    const colleague = await staffMember(app, adminToken, ['HANDLER']);
    expect((await app.graphql<{ me: { language: string } }>('{ me { language } }', {}, member.token)).data!.me.language).toBe('NL');
    const chosen = await app.graphql<{ setMyLanguage: { language: string } }>('mutation { setMyLanguage(language: EN) { language } }', {}, member.token);
    expect(chosen.data!.setMyLanguage.language).toBe('EN');
    expect((await app.graphql<{ me: { language: string } }>('{ me { language } }', {}, member.token)).data!.me.language).toBe('EN');
    const read = await app.graphql('query ($id: ID!) { staff(id: $id) { name language } }', { id: member.id }, colleague.token);
    expect(read.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await app.graphql('mutation { setMyLanguage(language: FR) { language } }', {}, member.token)).errors?.[0].extensions?.code).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
  });
});
