// A small, lifelike caseload for the layout test and the screenshots (layout.e2e.mjs, screenshots.mjs), made through
// GraphQL as the API's own clients would: a unit with its director, a handler, and complaints at several points of the
// procedure — new, overdue, acknowledged, in handling, answered, referred (with an access request), and on objection
// with a hearing ahead.
import { DateTime } from 'luxon';
import { graphql } from './admin.e2e.mjs';
import { ZONE } from './widgets.mjs';

const LOGIN = 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';
const MOVED = '{ id version reference }';

/** A token for an account (the configured ADMIN's when none is given). */
export async function tokenFor(config, account = { email: config.email, password: config.password }) {
  const { login } = await graphql(config, LOGIN, { email: account.email, password: account.password });
  return login.token;
}

/** The complaints of the caseload: who, how, when (days before now), what about, and how far along the procedure. */
const CASELOAD = [
  {
    name: 'Sanne Bakker-van der Linden',
    email: 'sanne.bakker-vanderlinden@voorbeeldgemeente-oosterhout.nl',
    channel: 'EMAIL',
    daysAgo: 0,
    category: 'Bereikbaarheid',
    description:
      'Ik probeer al drie weken mijn re-integratiecoach te bereiken. De telefoon wordt niet opgenomen en op mijn e-mails komt geen antwoord. Ik wil weten waar ik aan toe ben.',
    upTo: 'new',
  },
  {
    name: 'Ahmed El Amrani',
    phone: '06 12345678',
    channel: 'PHONE',
    daysAgo: 20,
    category: 'Lange afhandeltermijn',
    description: 'Mijn aanvraag voor een opleiding ligt al twee maanden stil. Niemand kan mij vertellen wanneer er een besluit komt.',
    upTo: 'new',
  },
  {
    name: 'Peter Jansen',
    phone: '06 23456789',
    channel: 'PHONE',
    daysAgo: 2,
    category: 'Onjuist advies',
    description: 'De adviseur zei dat ik mijn uitkering zou houden als ik parttime ging werken. Nu krijg ik een terugvordering.',
    upTo: 'acknowledged',
  },
  {
    name: 'Joke de Wit-Verhoeven',
    postalAddress: 'Kerkstraat 12, 3511 AB Utrecht',
    channel: 'LETTER',
    daysAgo: 6,
    category: 'Bejegening',
    description: 'Tijdens het gesprek op kantoor werd ik onvriendelijk behandeld en niet serieus genomen toen ik over mijn gezondheid vertelde.',
    upTo: 'assessed',
  },
  {
    name: 'Kees van Dijk',
    phone: '06 34567890',
    channel: 'PHONE',
    daysAgo: 12,
    category: 'Onjuiste informatie',
    description: 'In de brief stond een verkeerde datum voor mijn intake. Ik ben voor niets naar het kantoor gereisd.',
    upTo: 'answered',
  },
  {
    name: 'Marloes Koster',
    email: 'm.koster@example.org',
    channel: 'EMAIL',
    daysAgo: 40,
    category: 'Onjuist advies',
    description: 'Ik ben het niet eens met hoe mijn klacht is afgehandeld en wil dat een onafhankelijke instantie ernaar kijkt.',
    upTo: 'answered',
    referTo: 'De Nationale ombudsman',
    privacy: 'ACCESS',
  },
  {
    name: 'Fatima Yilmaz',
    email: 'f.yilmaz@example.org',
    channel: 'EMAIL',
    daysAgo: 25,
    category: 'Werkwijze',
    description: 'Mijn trajectplan is aangepast zonder overleg. Ik ben het niet eens met de nieuwe afspraken en wil dat er opnieuw naar gekeken wordt.',
    upTo: 'hearing',
  },
];

const ORDER = ['new', 'acknowledged', 'assessed', 'answered', 'hearing'];
const reached = (complaint, stage) => ORDER.indexOf(complaint.upTo) >= ORDER.indexOf(stage);

/**
 * Makes the caseload: as the ADMIN a unit directed by `director` and a handler in it; as the director the complaints,
 * each taken as far as its `upTo` says. Returns the complaints ({ id, reference, … } with their `upTo`) and the handler.
 */
export async function seedCaseload(config, director, { suffix = Date.now().toString(36) } = {}) {
  const admin = await tokenFor(config);
  const token = await tokenFor(config, director);
  const { me } = await graphql(config, '{ me { id name } }', {}, token);
  const { categoryList } = await graphql(config, '{ categoryList(perPage: 50) { items { id name } } }', {}, admin);
  const categoryId = (name) => categoryList.items.find((category) => category.name === name)?.id ?? null;
  const { createUnit: unit } = await graphql(
    config,
    'mutation ($input: CreateUnitInput!) { createUnit(input: $input) { id name } }',
    { input: { code: `RN-${suffix.toUpperCase().slice(-12)}`, name: 'Re-integratie Noord', directorId: me.id } },
    admin,
  );
  const handler = { name: 'Hanna de Vries', email: `hanna-${suffix}@example.org`, password: `e2e-handler-${suffix}` };
  const { createStaff } = await graphql(
    config,
    'mutation ($input: CreateStaffInput!) { createStaff(input: $input) { id } }',
    { input: { ...handler, roles: ['HANDLER'], unitId: unit.id } },
    admin,
  );
  const act = async (mutation, complaint, variables) => {
    const data = await graphql(
      config,
      `mutation ($id: ID!, $version: Int!, ${mutation.args}) { ${mutation.call} ${MOVED} }`,
      {
        id: complaint.id,
        version: complaint.version,
        ...variables,
      },
      token,
    );
    return Object.values(data)[0];
  };
  const now = DateTime.now().setZone(ZONE);
  const made = [];
  for (const item of CASELOAD) {
    const { registerComplaint } = await graphql(
      config,
      `mutation ($input: RegisterComplaintInput!) { registerComplaint(input: $input) ${MOVED} }`,
      {
        input: {
          channel: item.channel,
          receivedAt: now.minus({ days: item.daysAgo, minutes: 5 }).toISO(),
          complainant: { name: item.name, email: item.email, phone: item.phone, postalAddress: item.postalAddress, relation: 'CLIENT' },
          description: item.description,
          categoryId: categoryId(item.category),
          unitId: unit.id,
        },
      },
      token,
    );
    let complaint = registerComplaint;
    if (reached(item, 'acknowledged')) {
      complaint = await act(CONTACT, complaint, { input: { kind: 'ACKNOWLEDGEMENT', channel: 'PHONE', summary: 'Gebeld; ontvangst bevestigd.' } });
    }
    if (reached(item, 'assessed')) {
      complaint = await act(ASSIGN, complaint, { handlerId: item.upTo === 'assessed' ? createStaff.id : me.id });
      complaint = await act(ASSESS, complaint, { input: { verdict: 'PARTLY_WELL_FOUNDED', cause: 'Een misverstand in de planning.', offer: ['APOLOGY'] } });
    }
    if (reached(item, 'answered')) {
      complaint = await act(RESPOND, complaint, { input: { channel: 'PHONE', summary: 'Excuses aangeboden en een nieuwe afspraak gemaakt.' } });
    }
    if (item.referTo) {
      const { externalPartyList } = await graphql(config, '{ externalPartyList(perPage: 50) { items { id name } } }', {}, token);
      const party = externalPartyList.items.find((candidate) => candidate.name === item.referTo);
      complaint = await act(REFER, complaint, {
        input: { partyId: party.id, reason: 'De klager wil een onafhankelijk oordeel.', whatSent: 'Het dossier en het antwoord.' },
      });
    }
    if (item.privacy) {
      await graphql(
        config,
        'mutation ($input: PrivacyRequestInput!) { recordPrivacyRequest(input: $input) { id } }',
        {
          input: { complaintId: complaint.id, kind: item.privacy },
        },
        token,
      );
    }
    if (reached(item, 'hearing')) {
      complaint = await act(OBJECT, complaint, { input: { channel: 'EMAIL', grounds: 'De nieuwe afspraken zijn niet met mij besproken.' } });
      const scheduledAt = now.plus({ days: 5 }).set({ hour: 10, minute: 30, second: 0, millisecond: 0 }).toISO();
      complaint = await act(HEARING, complaint, { input: { chairId: me.id, form: 'OFFICE', scheduledAt, location: 'Kantoor Utrecht, kamer 2.14' } });
    }
    made.push({ ...complaint, ...item });
  }
  return { complaints: made, handler: { ...handler, id: createStaff.id }, unit, director: { ...director, id: me.id, name: me.name } };
}

const CONTACT = { args: '$input: ContactInput!', call: 'recordContactMoment(id: $id, version: $version, input: $input)' };
const ASSIGN = { args: '$handlerId: ID!', call: 'assignHandler(id: $id, version: $version, handlerId: $handlerId)' };
const ASSESS = { args: '$input: AssessmentInput!', call: 'recordAssessment(id: $id, version: $version, input: $input)' };
const RESPOND = { args: '$input: ResponseInput!', call: 'respondToComplaint(id: $id, version: $version, input: $input)' };
const OBJECT = { args: '$input: FileObjectionInput!', call: 'fileObjection(id: $id, version: $version, input: $input)' };
const REFER = { args: '$input: ReferInput!', call: 'referComplaint(id: $id, version: $version, input: $input)' };
const HEARING = { args: '$input: ScheduleHearingInput!', call: 'scheduleHearing(id: $id, version: $version, input: $input)' };
