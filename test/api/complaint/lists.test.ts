import { FixedClock } from '../../../api/src/shared/clock';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { createUnit, staffMember, type Member } from '../../factories/staff';
import { complainant } from './complaint-queries';

const clock = new FixedClock('2026-06-01T09:00:00'); // Monday
let app: TestApp;
let adminToken: string;
let director: Member;
let handlerA: Member;
let handlerB: Member;
/** The employee the complaints are about (never the director who assigns them: the conflict rule). */
let named: Member;
let units: string[];

const ITEM = `reference status nextDueAt handler { name } unit { name } registeredBy { name } complainant { name email } category { name }
  policy { key } deadlines { kind dueDate status } subjects { name }`;
const LIST = `query ($filter: ComplaintFilter, $perPage: Int, $sortField: ComplaintSortField) {
  complaintList(filter: $filter, perPage: $perPage, sortField: $sortField) { total items { ${ITEM} } }
}`;

async function registerMany(count: number, unitId: string, handlerId: string | null, receivedAt?: string) {
  for (let i = 0; i < count; i++) {
    const registered = await app.graphql<{ registerComplaint: { id: string; version: number } }>(
      'mutation ($input: RegisterComplaintInput!) { registerComplaint(input: $input) { id version } }',
      { input: { channel: 'EMAIL', complainant: complainant(), description: `Klacht ${i}`, unitId, subjectStaffIds: [named.id], receivedAt } },
      director.token,
    );
    if (!registered.data) throw new Error(JSON.stringify(registered.errors));
    if (handlerId) {
      const { id, version } = registered.data.registerComplaint;
      const assigned = await app.graphql(
        'mutation ($id: ID!, $version: Int!, $h: ID!) { assignHandler(id: $id, version: $version, handlerId: $h) { id } }',
        { id, version, h: handlerId },
        director.token,
      );
      if (assigned.errors) throw new Error(JSON.stringify(assigned.errors));
    }
  }
}

/** Each complaint of a list page reads as it does alone, `complaint(reference)`, with the same selection and caller. */
async function expectEachAsAlone(items: Array<{ reference: string }>, selection: string, token: string): Promise<void> {
  for (const item of items) {
    const single = await app.graphql<{ complaint: unknown }>(
      `query ($reference: String) { complaint(reference: $reference) { ${selection} } }`,
      { reference: item.reference },
      token,
    );
    expect(item).toEqual(single.data!.complaint);
  }
}

beforeAll(async () => {
  app = await startTestApp({ clock });
  adminToken = await app.login(ADMIN.email, ADMIN.password);
  director = await staffMember(app, adminToken, ['DIRECTOR']);
  handlerA = await staffMember(app, adminToken, ['HANDLER'], { name: 'Handler A' });
  handlerB = await staffMember(app, adminToken, ['HANDLER'], { name: 'Handler B' });
  named = await staffMember(app, adminToken, ['EMPLOYEE'], { name: 'Genoemde medewerker' });
  units = [];
  for (const code of ['OOST', 'WEST']) {
    units.push(await createUnit(app, adminToken, { code, directorId: director.id }));
  }
  // OOST: 50 complaints for handler A, received on Monday 1 June; WEST: 5 for handler B, received Friday 29 May.
  await registerMany(50, units[0], handlerA.id);
  await registerMany(5, units[1], handlerB.id, '2026-05-29T10:00:00+02:00');
}, 120_000);
afterAll(() => app.stop());

describe('the complaint list', () => {
  it('costs the same few SQL statements for 50 complaints with relations as for 5 (no N+1)', async () => {
    const count = async (perPage: number) => {
      app.queries.length = 0;
      const result = await app.graphql<{ complaintList: { items: unknown[] } }>(LIST, { perPage, filter: {} }, director.token);
      expect(result.errors).toBeUndefined();
      expect(result.data!.complaintList.items).toHaveLength(perPage);
      return app.queries.filter((sql) => /^\s*(\/\*.*?\*\/\s*)?(SELECT|WITH)\b/i.test(sql)).length;
    };
    const five = await count(5);
    const fifty = await count(50);
    expect(fifty).toBe(five);
    // the caller's account (1); the page with its total and every relation asked for (1)
    expect(fifty).toBe(2);
  });

  it('returns the same relations whether they were preloaded or loaded one by one', async () => {
    const viaList = await app.graphql<{ complaintList: { items: Array<Record<string, unknown> & { reference: string }> } }>(
      LIST,
      { perPage: 3, filter: {} },
      director.token,
    );
    await expectEachAsAlone(viaList.data!.complaintList.items, ITEM, director.token);
  });

  it("reads every field of a complaint and of its relations from the page's JSON as from its row", async () => {
    // every field without arguments whose type is a scalar or an enum (lists of them too), from the schema itself
    type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
    const leaves = async (type: string, except: string[] = []) => {
      const { data } = await app.graphql<{ __type: { fields: Array<{ name: string; args: unknown[]; type: TypeRef }> } }>(
        `query ($name: String!) { __type(name: $name) { fields { name args { name } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }`,
        { name: type },
        director.token,
      );
      const named = (ref: TypeRef): TypeRef => (ref.ofType ? named(ref.ofType) : ref);
      return data!.__type.fields
        .filter((field) => field.args.length === 0 && ['SCALAR', 'ENUM'].includes(named(field.type).kind) && !except.includes(field.name))
        .map((field) => field.name)
        .join(' ');
    };
    // a member's language is theirs alone (SELF): the director reads every other field of the staff
    const staff = await leaves('Staff', ['language']);
    const selection = `${await leaves('Complaint')} handler { ${staff} } unit { ${await leaves('Unit')} }
      complainant { ${await leaves('Complainant')} } category { ${await leaves('Category')} } policy { ${await leaves('Policy')} }
      deadlines { ${await leaves('Deadline')} } subjects { ${staff} } registeredBy { id name }
      allDeadlines: deadlines(includeCancelled: true) { kind dueAt cancelledAt status }`;
    expect(selection).toMatch(/receivedAt.*subjectStaffIds/s);
    const viaList = await app.graphql<{ complaintList: { items: Array<{ reference: string }> } }>(
      `query { complaintList(perPage: 5, sortField: reference) { items { ${selection} } } }`,
      {},
      director.token,
    );
    expect(viaList.errors).toBeUndefined();
    expect(viaList.data!.complaintList.items).toHaveLength(5);
    // assigning the handler made FORWARD moot: the page's filter of cancelled deadlines is compared too
    const all = viaList.data!.complaintList.items as unknown as Array<{ deadlines: unknown[]; allDeadlines: Array<{ cancelledAt: string | null }> }>;
    expect(all.some((item) => item.allDeadlines.some((deadline) => deadline.cancelledAt) && item.allDeadlines.length > item.deadlines.length)).toBe(true);
    await expectEachAsAlone(viaList.data!.complaintList.items, selection, director.token);
  });

  it('reads every page with the same prepared statement, and past the last page answers the total and no items', async () => {
    const statements: string[] = [];
    for (const page of [1, 2, 3]) {
      app.queries.length = 0;
      const result = await app.graphql<{ complaintList: { total: number; items: unknown[] } }>(
        'query ($page: Int) { complaintList(page: $page, perPage: 20, sortField: reference) { total items { reference handler { name } } } }',
        { page },
        director.token,
      );
      expect(result.data!.complaintList).toMatchObject({ total: 55, items: expect.any(Array) });
      statements.push(...app.queries.filter((sql) => sql.includes('WITH page AS')));
    }
    expect(statements).toHaveLength(3);
    expect(new Set(statements).size).toBe(1);
    expect(statements[0].startsWith('/* prepared */')).toBe(true);
    const past = await app.graphql<{ complaintList: { total: number; items: unknown[] } }>(
      'query { complaintList(page: 9, perPage: 20) { total items { reference } } }',
      {},
      director.token,
    );
    expect(past.data!.complaintList).toEqual({ total: 55, items: [] });
  });

  it('shows the employee a complaint names what the subject view lets them read, on the list as on the complaint', async () => {
    const selection = `reference status description satisfaction assessedAt respondedAt outcomeRecordedAt handler { name } unit { name }
      complainant { name email phone postalAddress } deadlines { kind dueAt }`;
    const viaList = await app.graphql<{ complaintList: { total: number; items: Array<{ reference: string; complainant: Record<string, unknown> }> } }>(
      `query { complaintList(perPage: 5, sortField: reference) { total items { ${selection} } } }`,
      {},
      named.token,
    );
    expect(viaList.errors).toBeUndefined();
    expect(viaList.data!.complaintList.total).toBe(55);
    for (const item of viaList.data!.complaintList.items) {
      // the complainant without the ways to reach them
      expect(item.complainant).toMatchObject({ email: null, phone: null, postalAddress: null });
      expect(item.complainant.name).toEqual(expect.any(String));
    }
    await expectEachAsAlone(viaList.data!.complaintList.items, selection, named.token);
  });

  it('filters by unit and handler and sorts by the next due moment', async () => {
    const result = await app.graphql<{ complaintList: { total: number; items: Array<{ unit: { name: string }; handler: { name: string } }> } }>(
      LIST,
      { filter: { unitId: units[1] }, perPage: 10, sortField: 'nextDueAt' },
      director.token,
    );
    expect(result.data?.complaintList.total).toBe(5);
    expect(result.data?.complaintList.items.every((item) => item.unit.name === 'Regio WEST' && item.handler.name === 'Handler B')).toBe(true);
  });

  it('finds overdue complaints', async () => {
    // Assigning the handler made FORWARD moot: the acknowledgements are what is late. WEST's were due Tuesday 2 June,
    // OOST's Wednesday 3 June (end of day).
    clock.set('2026-06-03T09:00:00');
    const overdue = async () =>
      (await app.graphql<{ complaintList: { total: number } }>(LIST, { filter: { overdue: true } }, director.token)).data?.complaintList.total;
    expect(await overdue()).toBe(5);
    clock.set('2026-06-04T09:00:00');
    expect(await overdue()).toBe(55);
    clock.set('2026-06-01T09:00:00');
  });
});

describe('the deadline lists', () => {
  const DEADLINES = `query ($filter: DeadlineFilter) { deadlineList(filter: $filter, perPage: 200) { total items { kind dueDate status complaint { reference handler { name } } } } }`;
  const list = (filter: Record<string, unknown>, token = director.token) =>
    app.graphql<{ deadlineList: { total: number; items: Array<{ kind: string; dueDate: string; status: string; complaint: { handler: { name: string } } }> } }>(
      DEADLINES,
      { filter },
      token,
    );

  const COUNTS = 'query ($filter: DeadlineCountFilter) { deadlineCounts(filter: $filter) { overdue today laterThisWeek } }';
  const counts = (filter: Record<string, unknown> = {}, token = director.token) =>
    app.graphql<{ deadlineCounts: { overdue: number; today: number; laterThisWeek: number } }>(COUNTS, { filter }, token);

  it('shows what is overdue, due later today and due later this week — windows that do not overlap — per handler and per unit', async () => {
    clock.set('2026-06-03T09:00:00');
    // WEST (received Fri 29 May): ACKNOWLEDGE was due Tue 2 June → overdue. OOST (received Mon 1 June): ACKNOWLEDGE due
    // today, Wed 3 June. FORWARD is no longer open on either: assigning the handler made it moot.
    const overdue = await list({ due: 'OVERDUE' });
    expect(overdue.data?.deadlineList.total).toBe(5);
    expect((await list({ due: 'OVERDUE', unitId: units[0] })).data?.deadlineList.total).toBe(0);
    const today = await list({ due: 'TODAY', handlerId: handlerA.id });
    expect(today.data?.deadlineList.items.map((item) => item.kind)).toEqual(Array(50).fill('ACKNOWLEDGE'));
    expect(today.data?.deadlineList.items.every((item) => item.complaint.handler.name === 'Handler A')).toBe(true);
    expect(today.data?.deadlineList.items.every((item) => item.dueDate === '2026-06-03')).toBe(true);
    const later = await list({ due: 'LATER_THIS_WEEK' });
    expect(later.data?.deadlineList.items.every((item) => item.dueDate > '2026-06-03' && item.dueDate <= '2026-06-07')).toBe(true);
    // each tab's count is its list's total, and no deadline is in two of them
    expect((await counts()).data?.deadlineCounts).toEqual({
      overdue: 5,
      today: (await list({ due: 'TODAY' })).data!.deadlineList.total,
      laterThisWeek: later.data!.deadlineList.total,
    });
    expect((await list({ due: 'TODAY' })).data!.deadlineList.total).toBe(50);

    // on Monday all of them are later this week (Tuesday and Wednesday), none today or overdue
    clock.set('2026-06-01T09:00:00');
    const monday = await list({ due: 'LATER_THIS_WEEK' });
    expect(monday.data!.deadlineList.total).toBe(55);
    expect(new Set(monday.data!.deadlineList.items.map((item) => item.dueDate))).toEqual(new Set(['2026-06-02', '2026-06-03']));
    expect((await counts()).data?.deadlineCounts).toEqual({ overdue: 0, today: 0, laterThisWeek: 55 });
    clock.set('2026-06-03T09:00:00');
  });

  it('says how many working days a deadline is late', async () => {
    clock.set('2026-06-05T09:00:00'); // Friday: ACKNOWLEDGE of WEST was due Tuesday, of OOST Wednesday
    const late = await app.graphql<{ deadlineList: { items: Array<{ dueDate: string; workingDaysLate: number | null }> } }>(
      'query { deadlineList(filter: { due: OVERDUE }, perPage: 200) { items { dueDate workingDaysLate } } }',
      {},
      director.token,
    );
    const byDate = Object.fromEntries(late.data!.deadlineList.items.map((item) => [item.dueDate, item.workingDaysLate]));
    expect(byDate).toMatchObject({ '2026-06-02': 3, '2026-06-03': 2 });
    const complaints = await app.graphql<{ complaintList: { items: Array<{ nextDueKind: string; nextDueWorkingDaysLate: number | null }> } }>(
      '{ complaintList(filter: { overdue: true }, perPage: 5) { items { nextDueKind nextDueWorkingDaysLate } } }',
      {},
      director.token,
    );
    expect(complaints.data!.complaintList.items[0]).toEqual({ nextDueKind: 'ACKNOWLEDGE', nextDueWorkingDaysLate: 3 });
    clock.set('2026-06-03T09:00:00');
  });

  it('shows a HANDLER only the deadlines of what is assigned to them, and counts only those', async () => {
    const mine = await list({ due: 'OVERDUE' }, handlerB.token);
    expect(mine.data?.deadlineList.total).toBe(5);
    expect((await counts({}, handlerB.token)).data?.deadlineCounts.overdue).toBe(5);
    expect((await counts({}, handlerA.token)).data?.deadlineCounts.overdue).toBe(0);
  });
});
