/**
 * Mijn werk, the unit's queue and the search in the app bar (admin/src/work/, layout/AppBarSearch.tsx): a first wording
 * for the keys those pages use, to be refined with them. Dutch, under `app.`; the English is en/app-work.ts.
 */
export const nlWork = {
  work: {
    loading: 'Mijn werk laden',
    title: 'Mijn werk',
    queue: 'Wachtrij',
    mine: 'Wat ik moet doen',
    mineEmpty: 'Niets dat u nu moet doen.',
    team: 'Door anderen in mijn eenheden',
    organisation: 'Door anderen in de organisatie',
    teamEmpty: 'Niemand anders heeft hier iets openstaan.',
    queueEmpty: 'Geen klachten die op een behandelaar wachten.',
    assignTo: 'Toewijzen aan',
    pickedUp: 'Klacht %{reference} opgepakt',
    assigned: '%{smart_count} klacht toegewezen |||| %{smart_count} klachten toegewezen',
    select: '%{reference} selecteren',
    pickUp: 'Oppakken',
    assignSelected: 'Geselecteerde klacht toewijzen |||| %{smart_count} geselecteerde klachten toewijzen',
    ownedBy: 'bij %{name}',
    open: 'Openen',
    firstOf: 'De eerste %{shown} van %{total}',
  },
  search: {
    noSuchReference: 'Geen klacht met kenmerk %{reference}',
    placeholder: 'Klacht zoeken',
    label: 'Klachten zoeken op kenmerk, naam of tekst',
    nothing: 'Niets gevonden',
    searching: 'Zoeken…',
    results: '%{smart_count} klacht gevonden |||| %{smart_count} klachten gevonden',
  },
};
