import { FixedClock } from '../../../api/src/shared/clock';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { createUnit, staffMember, type Member } from '../../factories/staff';
import type { ComplaintView } from '../complaint/complaint-queries';
import { complaintSteps, ok } from '../complaint/steps';

/**
 * "Mijn werk" and the queues (issue 16): what each member of staff owes, earliest due first, with how late and the
 * step that meets it; a unit's director and a quality manager see the same for their units or the organisation, and
 * the complaints waiting for a handler; a HANDLER picks one up from their unit's queue where the policy allows it
 * (never one about themselves); a DIRECTOR assigns many at once, each refused as it would be alone.
 */
const clock = new FixedClock('2026-06-01T10:00:00');
let app: TestApp;
let adminToken: string;
let director: Member;
let north: Member;
let northToo: Member;
let south: Member;
let quality: Member;
let northUnit: string;
let steps: ReturnType<typeof complaintSteps>;

const WORK = `query { myWork(first: 50) {
  mine { total items { ownerId action kind dueDate workingDaysLate reference complainantName subject } }
  counts { overdue today laterThisWeek }
  team { total items { reference owner { name } } }
  unassigned { total items { id reference version } }
} }`;
interface Work {
  mine: {
    total: number;
    items: Array<{
      ownerId: string;
      action: string | null;
      kind: string;
      dueDate: string;
      workingDaysLate: number | null;
      reference: string;
      complainantName: string;
      subject: string;
    }>;
  };
  counts: { overdue: number; today: number; laterThisWeek: number };
  team: { total: number; items: Array<{ reference: string; owner: { name: string } | null }> } | null;
  unassigned: { total: number; items: Array<{ id: string; reference: string; version: number }> } | null;
}
const work = async (member: Member): Promise<Work> => {
  const result = await app.graphql<{ myWork: Work }>(WORK, {}, member.token);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.myWork;
};
const pickUp = (c: { id: string; version: number }, member: Member) =>
  app.graphql<{ pickUpComplaint: { handler: { name: string } } }>(
    'mutation ($id: ID!, $version: Int!) { pickUpComplaint(id: $id, version: $version) { handler { name } } }',
    { id: c.id, version: c.version },
    member.token,
  );

/** A complaint in the north unit, by phone, received at the clock's moment. */
const registered = async (input: Record<string, unknown> = {}): Promise<ComplaintView> =>
  ok(await steps.register(director.token, { unitId: northUnit, ...input }));

async function setSelfAssignment(on: boolean) {
  const policies = await app.graphql<{ policyList: { items: Array<{ id: string; version: number; isDefault: boolean }> } }>(
    '{ policyList(perPage: 50) { items { id version isDefault } } }',
    {},
    adminToken,
  );
  const policy = policies.data!.policyList.items.find((item) => item.isDefault)!;
  const updated = await app.graphql(
    'mutation ($id: ID!, $version: Int!, $input: UpdatePolicyInput!) { updatePolicy(id: $id, version: $version, input: $input) { id } }',
    { id: policy.id, version: policy.version, input: { selfAssignment: on } },
    adminToken,
  );
  expect(updated.errors).toBeUndefined();
}

beforeAll(async () => {
  app = await startTestApp({ clock });
  steps = complaintSteps(app);
  adminToken = await app.login(ADMIN.email, ADMIN.password);
  director = await staffMember(app, adminToken, ['DIRECTOR'], { name: 'Dirk Directeur' });
  northUnit = await createUnit(app, adminToken, { code: 'NOORD', directorId: director.id });
  const southUnit = await createUnit(app, adminToken, { code: 'ZUID' });
  north = await staffMember(app, adminToken, ['HANDLER'], { name: 'Noor Noord', unitId: northUnit });
  northToo = await staffMember(app, adminToken, ['HANDLER'], { name: 'Nico Noord', unitId: northUnit });
  south = await staffMember(app, adminToken, ['HANDLER'], { name: 'Sam Zuid', unitId: southUnit });
  quality = await staffMember(app, adminToken, ['QUALITY_MANAGER'], { name: 'Kim Kwaliteit' });
  // members of staff sign in again to carry their unit in their session
  for (const member of [north, northToo, south]) member.token = await app.login(member.email, 'staff-password-123');
  await setSelfAssignment(true);
});
afterAll(() => app.stop());

describe('Mijn werk', () => {
  it('lists what a handler owes, the overdue step first with how late and the step that meets it, and counts them', async () => {
    clock.set('2026-06-01T10:00:00');
    const older = ok(await steps.assign(await registered({ receivedAt: '2026-05-26T09:00:00+02:00' }), director.token, north.id));
    const newer = ok(await steps.assign(await registered(), director.token, north.id));
    const mine = (await work(north)).mine;
    expect(mine.items[0]).toMatchObject({
      ownerId: north.id,
      action: 'ACKNOWLEDGE',
      kind: 'ACKNOWLEDGE',
      workingDaysLate: expect.any(Number),
      reference: older.reference,
      subject: 'Mijn uitkering is te laat uitbetaald.',
    });
    expect(mine.items[0].workingDaysLate).toBeGreaterThan(0);
    expect(mine.items.map((item) => item.reference)).toContain(newer.reference);
    const dates = mine.items.map((item) => item.dueDate);
    expect(dates).toEqual([...dates].sort());
    expect((await work(north)).counts.overdue).toBeGreaterThanOrEqual(1);
    // nobody else owes them
    expect((await work(northToo)).mine.items.map((item) => item.reference)).not.toContain(older.reference);
    expect((await work(north)).team).toBeNull();
  });

  it("shows a unit's director what others owe in their units, and the queue; a quality manager the organisation's", async () => {
    const waiting = await registered();
    const handled = ok(await steps.assign(await registered(), director.token, north.id));
    const directed = await work(director);
    // the unassigned complaint's steps are the director's own: in mine and in the queue, not again under the units
    expect(directed.mine.items.map((item) => item.reference)).toContain(waiting.reference);
    expect(directed.team!.items.map((item) => item.reference)).not.toContain(waiting.reference);
    expect(directed.team!.items.filter((item) => item.reference === handled.reference).map((item) => item.owner?.name)).toEqual(
      expect.arrayContaining(['Noor Noord']),
    );
    expect(directed.team!.items.every((item) => item.owner?.name !== 'Dirk Directeur')).toBe(true);
    expect(directed.unassigned!.items.map((item) => item.reference)).toContain(waiting.reference);
    const overseen = await work(quality);
    expect(overseen.team!.items.map((item) => item.reference)).toContain(waiting.reference);
    expect(overseen.unassigned!.items.map((item) => item.reference)).toContain(waiting.reference);
  });

  it('leads its figures to the deadlines the reader owes: the same counts and rows, unassigned complaints a director owes included', async () => {
    const waiting = await registered(); // no handler: its steps are the director's
    const mine = await work(director);
    expect(mine.mine.items.map((item) => item.reference)).toContain(waiting.reference);
    const counts = await app.graphql<{ deadlineCounts: Work['counts'] }>(
      'query ($filter: DeadlineCountFilter) { deadlineCounts(filter: $filter) { overdue today laterThisWeek } }',
      { filter: { owedBy: director.id } },
      director.token,
    );
    expect(counts.data!.deadlineCounts).toEqual(mine.counts);
    const listed = await app.graphql<{ deadlineList: { total: number; items: Array<{ complaint: { reference: string } }> } }>(
      'query ($filter: DeadlineFilter) { deadlineList(filter: $filter, perPage: 100) { total items { complaint { reference } } } }',
      { filter: { owedBy: director.id } },
      director.token,
    );
    expect(listed.data!.deadlineList.total).toBe(mine.mine.total);
    expect(listed.data!.deadlineList.items.map((item) => item.complaint.reference)).toContain(waiting.reference);
    // where they are the handler, there are none: the filter the figures used before
    const byHandler = await app.graphql<{ deadlineCounts: Work['counts'] }>(
      'query ($filter: DeadlineCountFilter) { deadlineCounts(filter: $filter) { overdue today laterThisWeek } }',
      { filter: { handlerId: director.id } },
      director.token,
    );
    expect(byHandler.data!.deadlineCounts).toEqual({ overdue: 0, today: 0, laterThisWeek: 0 });
    // nobody else's: a handler owes none of the director's
    const theirs = await app.graphql<{ deadlineList: { total: number } }>(
      'query ($filter: DeadlineFilter) { deadlineList(filter: $filter) { total } }',
      { filter: { owedBy: north.id } },
      director.token,
    );
    expect(theirs.data!.deadlineList.total).toBe((await work(north)).mine.total);
  });
});

describe('the unassigned queue', () => {
  it('lets a handler of the unit see and pick up a complaint, once; a handler of another unit sees none of it', async () => {
    const waiting = await registered();
    expect((await work(north)).unassigned!.items.map((item) => item.reference)).toContain(waiting.reference);
    expect((await work(south)).unassigned!.items.map((item) => item.reference)).not.toContain(waiting.reference);
    const seen = await app.graphql<{ complaint: { id: string; version: number; availableActions: string[] } }>(
      'query ($id: ID) { complaint(id: $id) { id version availableActions } }',
      { id: waiting.id },
      north.token,
    );
    expect(seen.data!.complaint.availableActions).toEqual(['PICK_UP']);
    expect((await app.graphql('query ($id: ID) { complaint(id: $id) { id } }', { id: waiting.id }, south.token)).errors?.[0].extensions?.code).toBe(
      'NOT_FOUND',
    );

    const picked = await pickUp(seen.data!.complaint, north);
    expect(picked.data!.pickUpComplaint.handler).toEqual({ name: 'Noor Noord' });
    const c = await steps.read(waiting, director.token);
    expect(c.history.at(-1)).toMatchObject({ type: 'HANDLER_ASSIGNED', actor: { name: 'Noor Noord' }, data: { action: 'PICK_UP' } });
    // taken: no longer in the queue, and the colleague neither sees nor takes it
    expect((await work(northToo)).unassigned!.items.map((item) => item.reference)).not.toContain(waiting.reference);
    expect((await pickUp(c, northToo)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('never lets a handler pick up a complaint about themselves, nor where the policy leaves assigning to a director', async () => {
    const aboutMe = await registered({ subjectStaffIds: [north.id] });
    expect((await pickUp(aboutMe, north)).errors?.[0].extensions?.code).toBe('CONFLICT_OF_INTEREST');
    await setSelfAssignment(false);
    try {
      const waiting = await registered();
      expect((await work(north)).unassigned!.items.map((item) => item.reference)).not.toContain(waiting.reference);
      expect((await pickUp(waiting, north)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    } finally {
      await setSelfAssignment(true);
    }
  });
});

describe('assigning many at once', () => {
  it('assigns each as the single step would, and says which it refused and why', async () => {
    const first = await registered();
    const second = await registered();
    const aboutHer = await registered({ subjectStaffIds: [northToo.id] });
    const result = await app.graphql<{
      assignHandlers: { assigned: Array<{ reference: string; handler: { name: string } }>; refused: Array<{ id: string; code: string }> };
    }>(
      'mutation ($ids: [ID!]!, $handlerId: ID!) { assignHandlers(ids: $ids, handlerId: $handlerId) { assigned { reference handler { name } } refused { id code } } }',
      { ids: [first.id, second.id, aboutHer.id], handlerId: northToo.id },
      director.token,
    );
    expect(result.data!.assignHandlers.assigned.map((c) => [c.reference, c.handler.name])).toEqual([
      [first.reference, 'Nico Noord'],
      [second.reference, 'Nico Noord'],
    ]);
    expect(result.data!.assignHandlers.refused).toEqual([{ id: aboutHer.id, code: 'CONFLICT_OF_INTEREST' }]);
    const byHandler = await app.graphql(
      'mutation ($ids: [ID!]!, $handlerId: ID!) { assignHandlers(ids: $ids, handlerId: $handlerId) { refused { code } } }',
      { ids: [first.id], handlerId: north.id },
      north.token,
    );
    expect(byHandler.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
