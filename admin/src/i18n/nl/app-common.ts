/**
 * The panel's own texts (not react-admin's) that every page shares, under `app.`: looked up with `useTranslate`, or
 * passed as a key to a react-admin input, a Panel or a FormDialog, which translate it. The English is en/app-common.ts.
 */
export const nlCommon = {
  common: {
    yes: 'Ja',
    no: 'Nee',
    by: 'door %{name}',
    loading: 'Laden',
    copy: 'Kopiëren',
    copied: 'Gekopieerd',
    close: 'Sluiten',
    download: 'Downloaden',
    view: 'Bekijken',
    never: 'Nooit',
    late: 'te laat',
    retry: 'Opnieuw proberen',
    period: '%{from} – %{to}',
  },
  /** The checks in the browser, before anything is sent; the API's are in nl/api.ts. */
  validation: {
    notInTheFuture: 'Mag niet in de toekomst liggen',
    inTheFuture: 'Moet in de toekomst liggen',
    afterToday: 'Kies een datum na vandaag',
    invalidDate: 'Geen geldige datum of tijd: typ die als in het voorbeeld, of kies hem in de kalender',
    email: 'Geen geldig e-mailadres',
    contactRequired: 'Geef een e-mailadres, telefoonnummer of postadres',
  },
  menu: {
    groups: { work: 'Werk', insight: 'Inzicht', admin: 'Beheer' },
    notifications: 'Meldingen',
    notificationsUnread: '%{label} (%{count})',
    bellUnread: 'Meldingen: %{count} ongelezen',
    outbox: 'Uitgaande post',
    templates: 'Briefsjablonen',
    apiTokens: 'API-tokens',
    jobs: 'Achtergrondtaken',
    myWork: 'Mijn werk',
    figures: 'Cijfers',
  },
  userMenu: {
    language: 'Taal',
  },
  password: {
    menu: 'Wachtwoord wijzigen',
    title: 'Wachtwoord wijzigen',
    intro: 'Daarna bent u op uw andere apparaten afgemeld; hier werkt u gewoon door.',
    current: 'Huidig wachtwoord',
    new: 'Nieuw wachtwoord',
    again: 'Nieuw wachtwoord nog een keer',
    rules: 'Minstens %{min} tekens, en niet uw huidige wachtwoord',
    submit: 'Wijzigen',
    sameAsCurrent: 'Kies een ander wachtwoord dan het huidige',
    mismatch: 'Niet hetzelfde als het nieuwe wachtwoord hierboven',
    changed: 'Uw wachtwoord is gewijzigd; andere sessies zijn afgemeld',
  },
  /** What a save says it saved ("Eenheid Noord opgeslagen"). */
  saved: {
    updated: '%{name} %{record} opgeslagen',
    created: '%{name} %{record} aangemaakt',
    /** react-admin's own notice after a delete, per resource (catalog.ts fills in the name). */
    deleted: '%{name} verwijderd',
  },
  auth: {
    invalidCredentials: 'E-mailadres of wachtwoord onjuist, of het account is niet actief.',
  },
};
