import { Client } from 'pg';
import { FixedClock } from '../../../api/src/shared/clock';
import { MATCH_END, MATCH_START } from '../../../api/src/complaint/complaint-search';
import { ADMIN, startTestApp, type TestApp } from '../../helpers/app';
import { staffMember, type Member } from '../../factories/staff';
import { complaintSteps, ok } from './steps';

/**
 * Search from anywhere (issue 16): PostgreSQL full-text search in Dutch over the complainant's name, the description
 * and the service — "uitkeringen" finds "uitkering", a word being typed finds by its start — ranked, the words found
 * marked; the start of a reference finds that complaint; only what the caller may see; anonymised names are gone.
 */
const clock = new FixedClock('2026-06-01T10:00:00');
let app: TestApp;
let director: Member;
let employee: Member;
let steps: ReturnType<typeof complaintSteps>;

const SEARCH = `query ($q: String!) { complaintSearch(q: $q) { total hits { rank headline complaint { reference complainant { name } } } } }`;
type Hit = { rank: number; headline: string | null; complaint: { reference: string; complainant: { name: string } } };
const search = async (q: string, token = director.token) => {
  const result = await app.graphql<{ complaintSearch: { total: number; hits: Hit[] } }>(SEARCH, { q }, token);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.complaintSearch;
};

let uitkering: string;
let jobcoach: string;
let byEmployee: string;

beforeAll(async () => {
  app = await startTestApp({ clock });
  const adminToken = await app.login(ADMIN.email, ADMIN.password);
  director = await staffMember(app, adminToken, ['DIRECTOR']);
  employee = await staffMember(app, adminToken, ['EMPLOYEE']);
  steps = complaintSteps(app);
  const register = async (token: string, name: string, description: string) =>
    ok(await steps.register(token, { complainant: { name, email: `${name.split(' ')[0].toLowerCase()}@example.org`, relation: 'CLIENT' }, description }))
      .reference;
  uitkering = await register(director.token, 'Johanna Verbeek', 'Mijn uitkering is drie weken te laat uitbetaald en niemand belt terug.');
  jobcoach = await register(director.token, 'Pieter de Wit', 'De jobcoach kwam twee keer niet opdagen bij de werkgever.');
  byEmployee = await register(employee.token, 'Karin Mulder', 'Uitkeringen worden steeds te laat overgemaakt; ik wil een vergoeding.');
});
afterAll(() => app.stop());

it('finds by words of the description in Dutch: another form of the word, and a word being typed', async () => {
  const found = await search('uitkeringen');
  expect(found.hits.map((hit) => hit.complaint.reference).sort()).toEqual([uitkering, byEmployee].sort());
  expect((await search('jobco')).hits.map((hit) => hit.complaint.reference)).toEqual([jobcoach]);
  expect((await search('opdagen werkgever')).hits.map((hit) => hit.complaint.reference)).toEqual([jobcoach]);
  expect((await search('werkgever uitkering')).total).toBe(0);
});

it('finds by the name, ranks the name above the text, and marks the words found', async () => {
  expect((await search('Verbeek')).hits.map((hit) => hit.complaint.reference)).toEqual([uitkering]);
  expect((await search('johanna verb')).hits[0].complaint.complainant.name).toBe('Johanna Verbeek');
  const marked = (await search('uitbetaald')).hits[0].headline!;
  expect(marked).toContain(`${MATCH_START}uitbetaald${MATCH_END}`);
});

it('finds a reference by its start, first', async () => {
  const found = await search(uitkering);
  expect(found.hits[0].complaint.reference).toBe(uitkering);
  expect((await search(uitkering.slice(0, 12))).hits.map((hit) => hit.complaint.reference)).toContain(uitkering);
});

it('finds a reference by its number alone, in any year, and a complainant by e-mail address, first', async () => {
  const number = uitkering.slice(-6);
  expect((await search(number)).hits[0].complaint.reference).toBe(uitkering);
  expect((await search(String(Number(number)))).hits[0].complaint.reference).toBe(uitkering);
  expect((await search('000999')).hits.map((hit) => hit.complaint.reference)).not.toContain(uitkering);
  expect((await search('Johanna@Example.org')).hits[0].complaint.reference).toBe(uitkering);
  expect((await search('johanna@example.org', employee.token)).total).toBe(0); // not hers to see
});

it('finds only what the caller may see', async () => {
  const mine = await search('uitkeringen', employee.token);
  expect(mine.hits.map((hit) => hit.complaint.reference)).toEqual([byEmployee]);
  expect(mine.total).toBe(1);
});

it('takes any text without failing: signs, quotes and operators are no syntax', async () => {
  for (const q of ["'", '!!', 'a & b | c', '(uitkering', 'uitkering:*', '<->', '—', '   ']) {
    const result = await app.graphql(SEARCH, { q }, director.token);
    expect(result.errors).toBeUndefined();
  }
});

it("forgets a complainant's name when the dossier is anonymised", async () => {
  // as anonymise_complaint does it, as the owner (the request role may not rename a complainant)
  const owner = new Client({ connectionString: app.database.ownerUrl });
  await owner.connect();
  await owner.query(`UPDATE complainant SET name = '[verwijderd]' WHERE name = 'Pieter de Wit'`).finally(() => owner.end());
  expect((await search('Pieter')).total).toBe(0);
  expect((await search('jobcoach')).total).toBe(1);
});

it('filters the complaint list by the same search, or by an e-mail address as it is', async () => {
  const LIST = 'query ($q: String) { complaintList(filter: { q: $q }) { total items { reference } } }';
  const list = async (q: string) =>
    (await app.graphql<{ complaintList: { total: number; items: Array<{ reference: string }> } }>(LIST, { q }, director.token)).data!.complaintList;
  expect((await list('uitkeringen')).items.map((item) => item.reference).sort()).toEqual([uitkering, byEmployee].sort());
  expect((await list('karin@example.org')).items.map((item) => item.reference)).toEqual([byEmployee]);
  expect((await list('%')).total).toBe(0);
});
