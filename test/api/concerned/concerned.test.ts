import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { buildSchema, getNullableType, isListType, isNonNullType, type GraphQLObjectType } from 'graphql';
import { SUBJECT_VIEW } from '../../../api/src/concerned/subject-view';
import { FixedClock } from '../../../api/src/shared/clock';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { staffMember, type Member } from '../../factories/staff';
import type { ComplaintView } from '../complaint/complaint-queries';
import { complaintSteps, ok } from '../complaint/steps';

/**
 * The employee concerned (DOMAIN.md; Awb 9:9, hoor en wederhoor): told of the complaint, reads the complaint
 * itself but neither the complainant's contact details nor the deliberation, records their side, and never
 * acts for the organisation on it.
 */
const clock = new FixedClock('2026-06-01T10:00:00');
let app: TestApp;
let director: Member;
let handler: Member;
let employee: Member;
let colleague: Member;
let bystander: Member;
let steps: ReturnType<typeof complaintSteps>;

beforeAll(async () => {
  app = await startTestApp({ clock });
  steps = complaintSteps(app);
  const adminToken = await app.login(ADMIN.email, ADMIN.password);
  director = await staffMember(app, adminToken, ['DIRECTOR'], { name: 'Dirk Directeur' });
  handler = await staffMember(app, adminToken, ['HANDLER'], { name: 'Hanna Behandelaar' });
  employee = await staffMember(app, adminToken, ['EMPLOYEE'], { name: 'Eva Medewerker' });
  colleague = await staffMember(app, adminToken, ['EMPLOYEE'], { name: 'Cor Collega' });
  bystander = await staffMember(app, adminToken, ['EMPLOYEE'], { name: 'Bas Buitenstaander' });
});
afterAll(() => app.stop());

describe('what the employee concerned reads, decided for every field of Complaint', () => {
  const schema = buildSchema(fs.readFileSync(path.join(__dirname, '../../../schema/schema.graphql'), 'utf8'));
  const complaint = schema.getType('Complaint') as GraphQLObjectType;

  it('has a rule for every field, and no rule for a field that does not exist', () => {
    const fields = Object.keys(complaint.getFields()).sort();
    expect(fields.filter((field) => !(field in SUBJECT_VIEW))).toEqual([]);
    expect(Object.keys(SUBJECT_VIEW).filter((field) => !fields.includes(field))).toEqual([]);
  });

  it('hides only fields that may be empty (nullable or a list), so hiding never breaks a query', () => {
    const broken = Object.entries(SUBJECT_VIEW)
      .filter(([, rule]) => rule === 'HIDE' || rule === 'AFTER_ANSWER')
      .map(([name]) => complaint.getFields()[name])
      .filter((field) => isNonNullType(field.type) && !isListType(getNullableType(field.type)));
    expect(broken.map((field) => field.name)).toEqual([]);
  });
});

const AS_SUBJECT = `
  id reference status description concernsMe verdict cause solution responseSummary
  complainant { name email phone postalAddress }
  history { type } contactMoments { id } notes: history { data } pauses { id } objection { id } hearings { id } attachments { id }
  statements { text staff { name } }
  subjects { name }
`;

interface SubjectView {
  id: string;
  reference: string;
  status: string;
  description: string;
  concernsMe: boolean;
  verdict: string | null;
  cause: string | null;
  solution: string | null;
  responseSummary: string | null;
  complainant: { name: string; email: string | null; phone: string | null; postalAddress: string | null };
  history: unknown[];
  contactMoments: unknown[];
  notes: unknown[];
  pauses: unknown[];
  objection: unknown;
  hearings: unknown[];
  attachments: unknown[];
  statements: Array<{ text: string; staff: { name: string } }>;
  subjects: Array<{ name: string }>;
}

const readAs = async (c: { id: string }, token: string) => {
  const result = await app.graphql<{ complaint: SubjectView | null }>(`query ($id: ID) { complaint(id: $id) { ${AS_SUBJECT} } }`, { id: c.id }, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.complaint;
};
const statement = (c: { id: string }, token: string, text: string) =>
  app.graphql<{ recordStatement: { id: string } }>(
    'mutation ($id: ID!, $input: StatementInput!) { recordStatement(id: $id, input: $input) { id } }',
    { id: c.id, input: { text } },
    token,
  );
const notifications = async (token: string) => {
  const result = await app.graphql<{
    all: { total: number; items: Array<{ id: string; kind: string; readAt: string | null; complaint: { reference: string } }> };
    unread: { total: number };
  }>(
    '{ all: myNotifications { total items { id kind readAt complaint { reference } } } unread: myNotifications(filter: { unread: true }) { total } }',
    {},
    token,
  );
  return { ...result.data!.all, unread: result.data!.unread.total };
};

describe('the employee concerned', () => {
  let c: ComplaintView;
  beforeAll(async () => {
    clock.set('2026-06-01T10:00:00');
    c = ok(
      await steps.register(director.token, {
        subjectStaffIds: [employee.id, colleague.id],
        description: 'Mevrouw Medewerker en meneer Collega kwamen een afspraak niet na.',
        complainant: { name: 'Karel Klager', email: 'karel@example.org', phone: '+31 6 1111 2222', relation: 'CLIENT' },
      }),
    );
    c = ok(await steps.assign(c, director.token, handler.id));
    c = ok(await steps.contact(c, handler.token, { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE', summary: 'Karel gebeld op 06-11112222' }));
  });

  it('is told at intake, and reads the complaint without the contact details or the deliberation', async () => {
    const told = await notifications(employee.token);
    expect(told.items).toEqual([expect.objectContaining({ kind: 'SUBJECT_OF_COMPLAINT', readAt: null, complaint: { reference: c.reference } })]);
    expect(told.unread).toBe(1);
    expect((await notifications(bystander.token)).total).toBe(0);

    const seen = await readAs(c, employee.token);
    expect(seen).toMatchObject({
      reference: c.reference,
      concernsMe: true,
      description: 'Mevrouw Medewerker en meneer Collega kwamen een afspraak niet na.',
      complainant: { name: 'Karel Klager', email: null, phone: null, postalAddress: null },
      history: [],
      contactMoments: [],
      notes: [],
      pauses: [],
      objection: null,
      hearings: [],
      attachments: [],
      verdict: null,
    });
    // the handler reads all of it
    const full = (await readAs(c, handler.token))!;
    expect(full).toMatchObject({ concernsMe: false, complainant: { email: 'karel@example.org', phone: '+31 6 1111 2222' } });
    expect(full.history.length).toBeGreaterThan(0);
    expect(full.contactMoments).toHaveLength(1);

    // an employee it does not name does not see it at all
    const notTheirs = await app.graphql<{ complaint: null }>('query ($id: ID) { complaint(id: $id) { id } }', { id: c.id }, bystander.token);
    expect(notTheirs.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('records their side of the story, which joins the dossier: each reads their own, the handler all', async () => {
    expect((await statement(c, employee.token, 'De afspraak is door de klant zelf verzet.')).errors).toBeUndefined();
    expect((await statement(c, colleague.token, 'Ik was die dag ziek gemeld.')).errors).toBeUndefined();
    expect((await statement(c, employee.token, '   ')).errors?.[0].extensions?.fieldErrors).toHaveProperty('text');
    const refused = await statement(c, bystander.token, 'Ik weet er niets van.');
    expect(refused.errors?.[0].extensions?.code).toMatch(/^(NOT_FOUND|FORBIDDEN)$/);
    expect((await statement(c, handler.token, 'Namens de organisatie.')).errors?.[0].extensions?.code).toBe('FORBIDDEN'); // only the employees it names

    expect((await readAs(c, employee.token))!.statements).toEqual([{ text: 'De afspraak is door de klant zelf verzet.', staff: { name: 'Eva Medewerker' } }]);
    expect((await readAs(c, colleague.token))!.statements).toEqual([{ text: 'Ik was die dag ziek gemeld.', staff: { name: 'Cor Collega' } }]);
    const full = await readAs(c, handler.token);
    expect(full!.statements.map((s) => s.staff.name)).toEqual(['Eva Medewerker', 'Cor Collega']);
    expect(full!.history.filter((event) => (event as { type: string }).type === 'STATEMENT_RECORDED')).toHaveLength(2);

    // the statement is the dossier's: nobody rewrites it, not even the tables' owner
    const owner = new Client({ connectionString: app.database.ownerUrl });
    await owner.connect();
    try {
      await expect(owner.query(`UPDATE employee_statement SET text = 'anders' WHERE complaint_id = $1`, [c.id])).rejects.toThrow(
        /append-only|not allowed|cannot/i,
      );
    } finally {
      await owner.end();
    }
  });

  it('never acts for the organisation on it', async () => {
    const d = await steps.read(c, handler.token);
    const asSubject = await steps.read(d, employee.token);
    expect(asSubject.availableActions).toEqual(['RECORD_STATEMENT']);
    expect((await steps.contact(d, employee.token, { kind: 'PROGRESS_UPDATE', channel: 'PHONE' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('reads the findings once the complainant has been answered, and is told so', async () => {
    let d = await steps.read(c, handler.token);
    d = ok(await steps.assess(d, handler.token, { verdict: 'PARTLY_WELL_FOUNDED', cause: 'Planning liep uit', solution: 'Nieuwe afspraak' }));
    expect(await readAs(d, employee.token)).toMatchObject({ verdict: null, cause: null, solution: null });
    clock.set('2026-06-05T10:00:00');
    d = ok(await steps.respond(d, handler.token));
    expect(await readAs(d, employee.token)).toMatchObject({ verdict: 'PARTLY_WELL_FOUNDED', cause: 'Planning liep uit', solution: 'Nieuwe afspraak' });

    const told = await notifications(employee.token);
    expect(told.items.map((item) => item.kind)).toEqual(['FINDINGS', 'SUBJECT_OF_COMPLAINT']);
    const marked = await app.graphql<{ markNotificationsRead: number }>(
      'mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }',
      { ids: told.items.map((item) => item.id) },
      employee.token,
    );
    expect(marked.data?.markNotificationsRead).toBe(2);
    // someone else's notification is not theirs to mark
    const others = await notifications(colleague.token);
    const foreign = await app.graphql<{ markNotificationsRead: number }>(
      'mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }',
      { ids: others.items.map((item) => item.id) },
      employee.token,
    );
    expect(foreign.data?.markNotificationsRead).toBe(0);
    expect((await notifications(employee.token)).unread).toBe(0);
    expect((await notifications(colleague.token)).unread).toBe(2);
  });
});
