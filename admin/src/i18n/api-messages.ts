/**
 * Dutch versions of the API's field-level validation messages (`extensions.fieldErrors`), which
 * the API writes in English. A message not listed here is shown as the API wrote it.
 */
const FIELD_MESSAGES: [RegExp, string | ((match: RegExpExecArray) => string)][] = [
  [/^give an e-mail address, a phone number or a postal address$/, 'Geef een e-mailadres, een telefoonnummer of een postadres'],
  [/^must be at most (\d+) characters$/, (match) => `Hoogstens ${match[1]} tekens`],
  [/^at most (\d+) characters$/, (match) => `Hoogstens ${match[1]} tekens`],
  [/^at most (\d+) items$/, (match) => `Hoogstens ${match[1]} items`],
  [/^is not a valid id$/, 'Ongeldige verwijzing'],
  [/^contains a control character$/, 'Bevat een teken dat niet in tekst mag staan'],
  [/^must lie between the years (\d+) and (\d+)$/, (match) => `Moet tussen ${match[1]} en ${match[2]} liggen`],
  [/^must be a date as YYYY-MM-DD between 2000 and 2100$/, 'Geef een datum (JJJJ-MM-DD) tussen 2000 en 2100'],
  [/^was used for a different complaint$/, 'Deze sleutel hoort bij een andere klacht'],
  [/^must be an e-mail address$/, 'Geen geldig e-mailadres'],
  [/^must be a phone number/, 'Geen geldig telefoonnummer (cijfers, spaties, +, -, haakjes)'],
  [/^describe the complaint in (\d+) to (\d+) characters$/, (match) => `Beschrijf de klacht in ${match[1]} tot ${match[2]} tekens`],
  [/^is required \(at most (\d+) characters\)$/, (match) => `Verplicht (hoogstens ${match[1]} tekens)`],
  [/^is required$/, 'Verplicht'],
  [/^lies in the future$/, 'Mag niet in de toekomst liggen'],
  [/^does not exist$/, 'Bestaat niet (meer)'],
  [/^unknown policy$/, 'Onbekende klachtenregeling'],
  [/^must be (an|a staff|a unit) id$|^must be staff ids$/, 'Ongeldige verwijzing'],
  [/^no active staff member with this id$/, 'Geen actieve medewerker'],
  [/^needs the HANDLER role$/, 'Deze medewerker is geen klachtbehandelaar'],
  [/^is the subject of this complaint$/, 'De klacht gaat over deze medewerker; kies een ander'],
  [/^is required \(no supervisor or director is known\)$/, 'Verplicht: er is geen leidinggevende of directeur bekend'],
  [/^needs at least one role$/, 'Kies minstens één rol'],
  [/^must be a date as YYYY-MM-DD$/, 'Geef een datum (JJJJ-MM-DD)'],
  [/^use 1 to (\d+) capitals, digits or -$/, (match) => `1 tot ${match[1]} hoofdletters, cijfers of -`],
  [/^use 1 to (\d+) lower-case letters, digits or -$/, (match) => `1 tot ${match[1]} kleine letters, cijfers of -`],
  [/^must be (\d+) to (\d+) characters$/, (match) => `${match[1]} tot ${match[2]} tekens`],
  [/^lies in the past$/, 'Moet in de toekomst liggen'],
  [
    /^after the objection window \(closed (\d{4})-(\d{2})-(\d{2})\)$/,
    (match) => `Na de bezwaartermijn (verlopen op ${Number(match[3])}-${Number(match[2])}-${match[1]})`,
  ],
  [/^an objection is filed in writing/, 'Een bezwaar is schriftelijk: brief, e-mail of webformulier'],
  [/^needs the consent of the complainant and of the employee$/, 'Alleen als zowel de klager als de medewerker daarmee instemt'],
  [/^the complaint names no employee$/, 'De klacht gaat niet over een medewerker'],
  [/^the complainant has not agreed$/, 'Een schikking vraagt het akkoord van de klager'],
  [/^the organisation has not agreed$/, 'Een schikking vraagt het akkoord van de organisatie'],
  [/^give the reasons \(at least (\d+) characters\)$/, (match) => `Geef de motivering (minstens ${match[1]} tekens)`],
  [/^state the further options open to the complainant$/, 'Noem de verdere mogelijkheden voor de klager'],
  [/^no active external party with this id$/, 'Geen actieve externe partij'],
  [/^the review is closed$/, 'De inventarisatie is afgerond'],
  [/^is required to close$/, 'Leg de bevindingen vast voordat u afrondt'],
  [/^must be after periodStart$/, 'Moet na het begin van de periode liggen'],
  [/^must be after from$/, 'Moet na het begin van de periode liggen'],
  [/^one of them does not exist$/, 'Een van de klachten bestaat niet'],
  [/^already has an account$/, 'Dit e-mailadres heeft al een account'],
  // class-validator's defaults
  [/must be longer than or equal to (\d+) characters/, (match) => `Minstens ${match[1]} tekens`],
  [/must be shorter than or equal to (\d+) characters/, (match) => `Hoogstens ${match[1]} tekens`],
  [/must not be greater than (\d+)/, (match) => `Hoogstens ${match[1]}`],
  [/must not be less than (\d+)/, (match) => `Minstens ${match[1]}`],
];

export const dutchFieldMessage = (message: string): string => {
  for (const [pattern, dutch] of FIELD_MESSAGES) {
    const match = pattern.exec(message);
    if (match) return typeof dutch === 'string' ? dutch : dutch(match);
  }
  return message;
};
