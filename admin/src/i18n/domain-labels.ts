/**
 * Dutch names for what the schema contains. Keys are GraphQL names; anything missing here
 * falls back to a humanised version of its name (see `humanise`).
 */

/** Resource type name → singular and plural. */
export const resourceNames: Record<string, { one: string; many: string }> = {
    Staff: { one: 'Medewerker', many: 'Medewerkers' },
    Complaint: { one: 'Klacht', many: 'Klachten' },
    Unit: { one: 'Eenheid', many: 'Eenheden' },
    Policy: { one: 'Klachtenregeling', many: 'Klachtenregelingen' },
    ApiToken: { one: 'API-token', many: 'API-tokens' },
};

/** Field names used across resources. */
export const commonFieldLabels: Record<string, string> = {
    id: 'ID',
    name: 'Naam',
    email: 'E-mailadres',
    roles: 'Rollen',
    role: 'Rol',
    active: 'Actief',
    password: 'Wachtwoord',
    createdAt: 'Aangemaakt op',
    updatedAt: 'Gewijzigd op',
    lastLoginAt: 'Laatst ingelogd op',
    version: 'Versie',
    q: 'Zoeken',
    reference: 'Kenmerk',
    title: 'Titel',
    label: 'Label',
    key: 'Sleutel',
    description: 'Omschrijving',
    status: 'Status',
    kind: 'Soort',
    channel: 'Kanaal',
    receivedAt: 'Ontvangen op',
    phone: 'Telefoonnummer',
    address: 'Adres',
    unit: 'Eenheid',
    policy: 'Klachtenregeling',
    handler: 'Klachtbehandelaar',
    deadlines: 'Termijnen',
    dueDate: 'Uiterste datum',
    dueAt: 'Uiterlijk op',
    metAt: 'Gehaald op',
    receivedAfter: 'Ontvangen vanaf',
    receivedBefore: 'Ontvangen tot en met',
    overdue: 'Termijn overschreden',
    policyKey: 'Klachtenregeling',
    complainant: 'Klager',
    subject: 'Betreft',
    verdict: 'Oordeel',
    offer: 'Aanbod',
    notes: 'Notities',
};

/** Per resource, where a field means something more specific than its common label. */
export const resourceFieldLabels: Record<string, Record<string, string>> = {};

/** Enum type → value → label (types the API has or is adding; see DOMAIN.md). */
export const enumLabels: Record<string, Record<string, string>> = {
    Role: {
        EMPLOYEE: 'Medewerker',
        HANDLER: 'Klachtbehandelaar',
        QUALITY_MANAGER: 'Kwaliteitsmanager',
        DIRECTOR: 'Directeur',
        ADMIN: 'Beheerder',
        ANALYST: 'Analist',
    },
    SortOrder: { ASC: 'Oplopend', DESC: 'Aflopend' },
    Channel: {
        PHONE: 'Telefoon',
        EMAIL: 'E-mail',
        LETTER: 'Brief',
        WEB_FORM: 'Webformulier',
        IN_PERSON: 'Persoonlijk',
    },
    ComplainantRelation: {
        CLIENT: 'Klant',
        EMPLOYER: 'Werkgever',
        CANDIDATE: 'Kandidaat / werknemer',
        PROSPECT: 'Prospect',
        REPRESENTATIVE: 'Vertegenwoordiger',
        OTHER: 'Anders',
    },
    ComplaintKind: { COMPLAINT: 'Klacht', SIGNAL: 'Melding' },
    ComplaintStatus: {
        RECEIVED: 'Ontvangen',
        FORWARDED: 'Doorgestuurd',
        ACKNOWLEDGED: 'Ontvangst bevestigd',
        IN_PROGRESS: 'In behandeling',
        RESPONDED: 'Beantwoord',
        CLOSED: 'Afgesloten',
        ARCHIVED: 'Gearchiveerd',
        WITHDRAWN: 'Ingetrokken',
        REOPENED: 'Heropend',
    },
    DeadlineKind: {
        FORWARD: 'Doorsturen',
        ACKNOWLEDGE: 'Ontvangstbevestiging',
        PROGRESS_UPDATE: 'Voortgangsbericht',
        RESPOND: 'Reactie',
        RECORD: 'Vastleggen',
        OBJECTION_WINDOW: 'Bezwaartermijn',
        HEARING: 'Hoorzitting',
        FINAL_DECISION: 'Eindbeslissing',
    },
    DeadlineStatus: { PENDING: 'Openstaand', MET: 'Gehaald', BREACHED: 'Overschreden' },
    DeadlineStart: { RECEIPT: 'Ontvangst', RESPONSE: 'Reactie', OBJECTION: 'Bezwaar' },
    Verdict: {
        WELL_FOUNDED: 'Gegrond',
        PARTLY_WELL_FOUNDED: 'Deels gegrond',
        UNFOUNDED: 'Ongegrond',
    },
    Offer: {
        COMPENSATION: 'Genoegdoening',
        REPLACEMENT_SERVICE: 'Vervangende dienst',
        EXTRA_SERVICE: 'Extra dienst',
        APOLOGY: 'Excuses',
        EXPLANATION: 'Uitleg',
    },
    ContactKind: {
        ACKNOWLEDGEMENT: 'Ontvangstbevestiging',
        PROGRESS_UPDATE: 'Voortgangsbericht',
        OTHER: 'Anders',
    },
    ForwardTarget: { SUPERVISOR: 'Leidinggevende', DIRECTOR: 'Directeur' },
    ReferralKind: {
        EXTERNAL_PARTY: 'Externe partij',
        OMBUDSMAN: 'Nationale ombudsman',
        MEDIATOR: 'Mediator',
    },
    ComplaintEventType: {
        SUBMITTED: 'Ingediend via website',
        REGISTERED: 'Geregistreerd',
        FORWARDED: 'Doorgestuurd',
        HANDLER_ASSIGNED: 'Behandelaar toegewezen',
        CONTACT_RECORDED: 'Contact vastgelegd',
        ASSESSMENT_RECORDED: 'Beoordeling vastgelegd',
        RESPONDED: 'Beantwoord',
        OUTCOME_RECORDED: 'Resultaat vastgelegd',
        CLOSED: 'Afgesloten',
        ARCHIVED: 'Gearchiveerd',
        WITHDRAWN: 'Ingetrokken',
        REOPENED: 'Heropend',
        NOTE_ADDED: 'Notitie toegevoegd',
    },
};

/** Enum values whose meaning does not depend on the enum they are in (for enums not above). */
export const commonEnumValueLabels: Record<string, string> = {
    PENDING: 'Openstaand',
    MET: 'Gehaald',
    BREACHED: 'Overschreden',
    OTHER: 'Anders',
};

/** `createdAt` → "Created at", `QUALITY_MANAGER` → "Quality manager", `unitId` → "Unit". */
export const humanise = (name: string): string => {
    const words = name
        .replace(/Ids?$/, '')
        .replace(/_/g, ' ')
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .trim()
        .toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
};
