import { FixedClock } from '../../../api/src/shared/clock';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { staffMember, type Member } from '../../factories/staff';
import { complaintSteps, ok } from '../complaint/steps';

const clock = new FixedClock('2026-07-06T10:00:00');
let app: TestApp;
let adminToken: string;
let qualityManager: Member;
let subject: Member;
const complaintIds: string[] = [];

const REVIEW = `query ($id: ID!) { review(id: $id) {
  status periodStart periodEnd
  figures { previousStart previousEnd current { complaints } previous { complaints } trends { dimension key label current previous flagged pValue explanation } }
  measures { description status owner { name } complaintIds followUp doneAt }
  report
} }`;

beforeAll(async () => {
  app = await startTestApp({ clock });
  const steps = complaintSteps(app);
  adminToken = await app.login(ADMIN.email, ADMIN.password);
  qualityManager = await staffMember(app, adminToken, ['QUALITY_MANAGER'], { name: 'Kim Kwaliteit' });
  subject = await staffMember(app, adminToken, ['EMPLOYEE'], { name: 'Piet Onderwerp' });
  const categories = await app.graphql<{ categoryList: { items: Array<{ id: string; key: string }> } }>(
    '{ categoryList { items { id key } } }',
    {},
    adminToken,
  );
  const categoryId = (key: string) => categories.data!.categoryList.items.find((c) => c.key === key)!.id;
  // First half of 2026: 8 about bejegening (all about Piet), 1 about bereikbaarheid. Second half of 2025: 1 bereikbaarheid.
  for (let i = 0; i < 8; i++) {
    clock.set(`2026-0${1 + (i % 6)}-1${i}T10:00:00`);
    const c = ok(await steps.register(qualityManager.token, { categoryId: categoryId('bejegening'), subjectStaffIds: [subject.id] }));
    complaintIds.push(c.id);
  }
  clock.set('2026-03-03T10:00:00');
  ok(await steps.register(qualityManager.token, { categoryId: categoryId('bereikbaarheid') }));
  clock.set('2025-10-01T10:00:00');
  ok(await steps.register(qualityManager.token, { categoryId: categoryId('bereikbaarheid') }));
  clock.set('2026-07-06T10:00:00');
}, 60_000);
afterAll(() => app.stop());

describe('the half-yearly review', () => {
  it('lays out the period against the previous one and flags the rise beyond chance', async () => {
    const opened = await app.graphql<{ openReview: { id: string } }>(
      'mutation { openReview(input: { periodStart: "2026-01-01", periodEnd: "2026-06-30" }) { id } }',
      {},
      qualityManager.token,
    );
    const id = opened.data!.openReview.id;
    const review = await app.graphql<{
      review: {
        status: string;
        figures: {
          previousStart: string;
          previousEnd: string;
          current: { complaints: number };
          previous: { complaints: number };
          trends: Array<{
            dimension: string;
            key: string;
            label: string;
            current: number;
            previous: number;
            flagged: boolean;
            pValue: number;
            explanation: string;
          }>;
        };
      };
    }>(REVIEW, { id }, qualityManager.token);
    const figures = review.data!.review.figures;
    expect(figures).toMatchObject({ previousStart: '2025-07-01', previousEnd: '2025-12-31', current: { complaints: 9 }, previous: { complaints: 1 } });
    const flagged = figures.trends.filter((t) => t.flagged).map((t) => [t.dimension, t.label, t.current, t.previous]);
    expect(flagged).toEqual(
      expect.arrayContaining([
        ['CATEGORY', 'Bejegening', 8, 0],
        ['EMPLOYEE', 'Piet Onderwerp', 8, 0],
      ]),
    );
    expect(figures.trends.find((t) => t.key === 'bereikbaarheid')).toMatchObject({ current: 1, previous: 1, flagged: false });
  });

  it('records findings and measures with owner and due date, follows them up until done, then closes', async () => {
    const opened = await app.graphql<{ openReview: { id: string } }>(
      'mutation { openReview(input: { periodStart: "2026-01-01", periodEnd: "2026-06-30" }) { id } }',
      {},
      qualityManager.token,
    );
    const id = opened.data!.openReview.id;
    const early = await app.graphql('mutation ($id: ID!) { closeReview(id: $id) { status } }', { id }, qualityManager.token);
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'FINDINGS_REQUIRED' });

    const findings = await app.graphql(
      'mutation ($id: ID!) { updateReview(id: $id, version: 1, input: { findings: "Klachten over bejegening door één medewerker stijgen sterk." }) { id } }',
      { id },
      qualityManager.token,
    );
    expect(findings.errors).toBeUndefined();
    const stale = await app.graphql(
      'mutation ($id: ID!) { updateReview(id: $id, version: 1, input: { findings: "Een oudere versie van de bevindingen." }) { id } }',
      { id },
      qualityManager.token,
    );
    expect(stale.errors?.[0].extensions?.code).toBe('STALE_VERSION');
    const measure = await app.graphql<{ addMeasure: { id: string; status: string } }>(
      'mutation ($id: ID!, $input: MeasureInput!) { addMeasure(reviewId: $id, input: $input) { id status } }',
      {
        id,
        input: {
          description: 'Coaching gesprekstechniek voor Piet',
          ownerId: qualityManager.id,
          dueDate: '2026-09-01',
          complaintIds: complaintIds.slice(0, 3),
        },
      },
      qualityManager.token,
    );
    expect(measure.data!.addMeasure.status).toBe('OPEN');
    clock.set('2026-09-02T10:00:00');
    const overdue = await app.graphql<{ measureList: { total: number } }>('{ measureList(filter: { overdue: true }) { total } }', {}, qualityManager.token);
    expect(overdue.data!.measureList.total).toBe(1);
    const done = await app.graphql<{ updateMeasure: { status: string; doneAt: string } }>(
      'mutation ($id: ID!) { updateMeasure(id: $id, version: 1, input: { followUp: "Twee sessies gehad", done: true }) { status doneAt } }',
      { id: measure.data!.addMeasure.id },
      qualityManager.token,
    );
    expect(done.data!.updateMeasure).toMatchObject({ status: 'DONE', doneAt: '2026-09-02T08:00:00.000Z' });
    const closed = await app.graphql('mutation ($id: ID!) { closeReview(id: $id) { status } }', { id }, qualityManager.token);
    expect(closed.data).toEqual({ closeReview: { status: 'CLOSED' } });

    const report = await app.graphql<{ review: { report: string; measures: Array<{ owner: { name: string }; complaintIds: string[] }> } }>(
      REVIEW,
      { id },
      qualityManager.token,
    );
    expect(report.data!.review.measures).toEqual([expect.objectContaining({ owner: { name: 'Kim Kwaliteit' }, complaintIds: complaintIds.slice(0, 3) })]);
    const text = report.data!.review.report;
    expect(text).toContain('# Klachteninventarisatie 2026-01-01 – 2026-06-30');
    expect(text).toMatch(/\| Klachten \| 9 \| 1 \|/);
    expect(text).toContain('⚑ Bejegening');
    // in Dutch throughout: the deadlines and the trends' dimensions by name, decimals with a comma
    expect(text).toMatch(/\| ⚑ Bejegening \| Categorie \| \d+ \| \d+ \| \d+,\d \| \d+,\d% \|/);
    expect(text).toMatch(/\| Antwoord \| \d+ \| \d+ \| \d+ \| \d+ \|/);
    expect(text).not.toMatch(/\| (ACKNOWLEDGE|RESPOND|FORWARD|CATEGORY|UNIT|EMPLOYEE) \|/);
    expect(text).not.toMatch(/\| \d+\.\d \|/);
    expect(text).toContain('Coaching gesprekstechniek voor Piet');
    clock.set('2026-07-06T10:00:00');
  });

  it('is for QUALITY_MANAGER and DIRECTOR only', async () => {
    const employee = await staffMember(app, adminToken, ['EMPLOYEE', 'HANDLER']);
    const analyst = await staffMember(app, adminToken, ['ANALYST']);
    for (const token of [employee.token, analyst.token]) {
      const result = await app.graphql('mutation { openReview(input: { periodStart: "2026-01-01", periodEnd: "2026-06-30" }) { id } }', {}, token);
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});
