import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { staffMember, type Member } from '../../factories/staff';
import { complainant } from '../complaint/complaint-queries';

/** Every field error carries a stable code and its parameters (extensions.fieldCodes), beside the English message. */
let app: TestApp;
let director: Member;

beforeAll(async () => {
  app = await startTestApp();
  director = await staffMember(app, await app.login(ADMIN.email, ADMIN.password), ['DIRECTOR']);
});
afterAll(() => app.stop());

const REGISTER = 'mutation ($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id } }';
const register = (input: Record<string, unknown>) =>
  app.graphql(REGISTER, { input: { channel: 'PHONE', complainant: complainant(), description: 'Mijn uitkering is te laat.', ...input } }, director.token);

describe('field codes', () => {
  it('come from class-validator with the parameters of the rule', async () => {
    const result = await register({ complainant: complainant({ name: 'n'.repeat(201), phone: 'bel me' }), description: '' });
    expect(result.errors?.[0].extensions?.fieldCodes).toEqual({
      'complainant.name': { code: 'LENGTH', params: { min: 1, max: 200 } },
      'complainant.phone': { code: 'INVALID_PHONE' },
      description: { code: 'LENGTH', params: { min: 1, max: 10_000 } },
    });
    expect(result.errors?.[0].extensions?.fieldErrors).toMatchObject({ 'complainant.name': expect.stringMatching(/200 characters/) });
  });

  it('say what is missing when there is no way to reach the complainant', async () => {
    const result = await register({ complainant: { name: 'Zonder Contact' } });
    expect(result.errors?.[0].extensions?.fieldCodes).toEqual({ 'complainant.email': { code: 'CONTACT_REQUIRED' } });
  });

  it('come from the input guard', async () => {
    const result = await register({ receivedAt: '1826-01-01T00:00:00Z', unitId: 'x', subjectService: 'a\u0000b' });
    expect(result.errors?.[0].extensions?.fieldCodes).toEqual({
      receivedAt: { code: 'OUT_OF_RANGE', params: { from: 1990, to: 2199 } },
      unitId: { code: 'INVALID_ID' },
      subjectService: { code: 'CONTROL_CHARACTER' },
    });
  });

  it('come from the services', async () => {
    const future = await register({ receivedAt: '2099-01-01T00:00:00Z' });
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'RECEIVED_IN_FUTURE', fieldCodes: { receivedAt: { code: 'IN_THE_FUTURE' } } });
    const unknown = await register({ policyKey: 'bestaat-niet' });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'UNKNOWN_POLICY', fieldCodes: { policyKey: { code: 'UNKNOWN_POLICY' } } });
  });
});
