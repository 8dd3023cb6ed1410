/**
 * The API's stable codes in Dutch, with their parameters as %{name} (the API sends them with the code):
 * `error` for the code of an error, `field` for the code of one field's problem (extensions.fieldCodes).
 * Messages are looked up by code only: the API's English text is shown only for a code that is not here.
 * Keys starting with `ra.` are react-admin's own, translated by its i18n provider.
 */
export const apiMessages = {
  error: {
    UNAUTHENTICATED: 'ra.notification.logged_out',
    FORBIDDEN: 'ra.notification.not_authorized',
    NOT_FOUND: 'ra.notification.item_doesnt_exist',
    STALE_VERSION: 'Iemand anders heeft dit intussen gewijzigd; herlaad de pagina en probeer opnieuw.',
    INVALID_TRANSITION: 'Deze stap is nu niet (meer) mogelijk bij deze klacht; herlaad de pagina.',
    CONFLICT_OF_INTEREST: 'De klacht gaat over deze medewerker: iemand anders moet haar behandelen.',
    OBJECTION_LATE: 'Het bezwaar is na de bezwaartermijn ontvangen; alleen een directeur kan het aanvaarden, met een reden.',
    REVIEW_CLOSED: 'Deze klachteninventarisatie is afgerond en kan niet meer worden gewijzigd.',
    FINDINGS_REQUIRED: 'Leg eerst de bevindingen vast; daarna kan de inventarisatie worden afgerond.',
    RATE_LIMITED: 'Te veel pogingen; probeer het over %{retryAfterSeconds} seconden opnieuw.',
    SERVICE_UNAVAILABLE: 'De database is even druk of onbereikbaar; dit is niet uitgevoerd. Probeer het zo opnieuw.',
    IDEMPOTENCY_KEY_REUSED: 'Deze sleutel hoort al bij een andere klacht.',
    LAST_ADMIN: 'Dit is de laatste actieve beheerder; er moet er minstens één blijven.',
    AFTER_LONGEST_WAIT: 'Zo lang wacht de klachtenregeling niet op de klager.',
    ALREADY_POSTED: 'Deze brief is al als verstuurd gemeld.',
    INTERNAL_SERVER_ERROR: 'Er ging iets mis op de server (foutnummer %{errorId}).',
    // the file routes beside /graphql (uploads, downloads; providers/file-transfer.ts)
    UNSUPPORTED_FILE_TYPE: 'Dit bestand kan niet als bijlage: alleen pdf, afbeeldingen, e-mails (.eml, .msg) en Office-documenten.',
    /** UNSUPPORTED_FILE_TYPE with `reason: EXTENSION_MISMATCH`: the content is allowed, the name says otherwise. */
    EXTENSION_MISMATCH: 'De naam van dit bestand past niet bij wat erin zit (%{detected}): geef het de juiste extensie en probeer het opnieuw.',
    PAYLOAD_TOO_LARGE: 'Te groot: de grens is %{limitMb} MB (voor één bestand, of voor alle bijlagen van de klacht samen).',
    /** PAYLOAD_TOO_LARGE without the API's limit: a proxy in between refused the body. */
    PAYLOAD_TOO_LARGE_FOR_SERVER: 'Het bestand is te groot om te versturen.',
    BAD_REQUEST: 'Het bestand kwam niet goed aan; probeer het opnieuw.',
  },
  /**
   * The steps on a privacy request's page (setPrivacyRequestDossiers, carryOutErasure), looked up before `error`:
   * its CONFLICT_OF_INTEREST speaks of a complaint, and CONFLICT and BAD_USER_INPUT have only the API's English.
   */
  privacyRequest: {
    STALE_VERSION: 'Iemand anders heeft dit verzoek intussen gewijzigd; de pagina is bijgewerkt. Probeer het opnieuw.',
    CONFLICT_OF_INTEREST: 'Deze klacht gaat over u: een ander moet dit verzoek behandelen.',
    CONFLICT: 'Dit verzoek is intussen uitgevoerd en kan niet meer worden gewijzigd; de pagina is bijgewerkt.',
    BAD_USER_INPUT: 'Een van deze klachten bestaat niet (meer); de pagina is bijgewerkt.',
  },
  /** issueStatusCode (a new status code on the complaint page), looked up before `error`: CONFLICT has only the API's English. */
  statusCode: {
    STALE_VERSION: 'Iemand anders heeft deze klacht intussen gewijzigd; de pagina is bijgewerkt. Probeer het opnieuw.',
    CONFLICT: 'Dit dossier is geanonimiseerd: het heeft geen statuspagina meer, dus ook geen statuscode.',
    NOT_FOUND: 'U kunt voor deze klacht geen statuscode uitgeven (de klacht gaat over u, of bestaat niet meer).',
  },
  field: {
    REQUIRED: 'Verplicht',
    LENGTH: 'Verplicht, %{min} tot %{max} tekens',
    TOO_LONG: 'Hoogstens %{max} tekens',
    TOO_SHORT: 'Minstens %{min} tekens',
    TOO_SMALL: 'Minstens %{min}',
    TOO_LARGE: 'Hoogstens %{max}',
    NOT_A_WHOLE_NUMBER: 'Geef een geheel getal',
    INVALID_EMAIL: 'Geen geldig e-mailadres',
    INVALID_PHONE: 'Geen geldig telefoonnummer (cijfers, spaties, +, -, haakjes)',
    INVALID_ID: 'Ongeldige verwijzing',
    INVALID_DATE: 'Geef een datum (JJJJ-MM-DD) tussen 2000 en 2100',
    INVALID_FORMAT: 'Ongeldige notatie',
    INVALID_CHOICE: 'Geen geldige keuze',
    DUPLICATE_ITEMS: 'Elke waarde maar één keer',
    EMPTY_LIST: 'Kies minstens één',
    TOO_MANY_ITEMS: 'Hoogstens %{max} items',
    CONTROL_CHARACTER: 'Bevat een teken dat niet in tekst mag staan',
    OUT_OF_RANGE: 'Moet tussen %{from} en %{to} liggen',
    IN_THE_FUTURE: 'Mag niet in de toekomst liggen',
    IN_THE_PAST: 'Moet in de toekomst liggen',
    BEFORE_START: 'Moet na het begin van de periode liggen',
    DOES_NOT_EXIST: 'Bestaat niet (meer)',
    ALREADY_IN_USE: 'Al in gebruik',
    NO_ACTIVE_STAFF: 'Geen actieve medewerker',
    NO_ACTIVE_PARTY: 'Geen actieve externe partij',
    NOT_A_HANDLER: 'Deze medewerker is geen klachtbehandelaar',
    IS_SUBJECT: 'De klacht gaat over deze medewerker; kies een ander',
    CONTACT_REQUIRED: 'Geef een e-mailadres, een telefoonnummer of een postadres',
    ID_OR_REFERENCE_REQUIRED: 'Geef een id of een kenmerk',
    NO_FORWARD_TARGET: 'Verplicht: er is geen leidinggevende of directeur bekend',
    NOT_IN_WRITING: 'Een bezwaar is schriftelijk: brief, e-mail of webformulier',
    AFTER_OBJECTION_WINDOW: 'Na de bezwaartermijn (verlopen op %{closed})',
    CONSENT_MISSING: 'Alleen als zowel de klager als de medewerker daarmee instemt',
    NO_SUBJECT_EMPLOYEE: 'De klacht gaat niet over een medewerker',
    COMPLAINANT_NOT_AGREED: 'Een schikking vraagt het akkoord van de klager',
    ORGANISATION_NOT_AGREED: 'Een schikking vraagt het akkoord van de organisatie',
    REVIEW_CLOSED: 'De inventarisatie is afgerond',
    FINDINGS_REQUIRED: 'Leg de bevindingen vast voordat u afrondt',
    RULE_TWICE: '%{kind} staat er twee keer in',
    SAME_DAY_AMOUNT: '%{kind}: "dezelfde dag" heeft aantal 0',
    NOT_A_POLICY_RULE: '%{kind} opent zijn eigen stap, niet de regeling',
    AFTER_LONGEST_WAIT: 'Uiterlijk %{latest} (de langste wachttijd van de regeling)',
    OWN_SUPERVISOR: 'Niemand is zijn eigen leidinggevende',
    UNKNOWN_CURSOR: 'Onbekende cursor',
    UNKNOWN_FIELD: 'Onbekend veld {{%{field}}}: deze brief kent het niet',
    NO_ADDRESS: 'Geen adres voor dit kanaal: kies een ander',
    UNKNOWN_POLICY: 'Onbekende klachtenregeling',
    KEY_REUSED: 'Deze sleutel hoort bij een andere klacht',
    EMAIL_TAKEN: 'Dit e-mailadres heeft al een account',
    INVALID: 'Ongeldige waarde',
    WRONG_PASSWORD: 'Dit is niet uw huidige wachtwoord',
    SAME_AS_BEFORE: 'Kies een ander wachtwoord dan het huidige',
    REOPEN_NOT_POSSIBLE: 'Heropenen kan nu niet: er loopt een bezwaar of verwijzing, of de klacht is gearchiveerd',
  },
} as const;

/** A message with its %{name} parameters filled in. */
export const interpolate = (message: string, params: Record<string, unknown> = {}): string =>
  message.replace(/%\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined || params[name] === null ? whole : String(params[name])));
