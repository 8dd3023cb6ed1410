import { Category } from '../../category/category.entity';
import { ComplainantRelation } from '../../complaint/complaint.enums';
import { ALLOWED_TYPES } from '../../files/content-type';
import { Unit } from '../../unit/unit.entity';
import type { Site } from './site-context';
import { fieldView, type FormErrors, summaryOf, type FieldView } from './site-fields';
import { RELATIONS } from './site-labels';

/** The complaint form's values as posted (and as shown again), by the form's field names. */
export type ComplaintValues = Partial<Record<ComplaintField, string>>;
export type ComplaintField =
  'naam' | 'email' | 'telefoon' | 'postadres' | 'relatie' | 'namens' | 'organisatie' | 'omschrijving' | 'eenheid' | 'categorie' | 'bijlagen';

/** Where the API reports each field of SubmitComplaintInput (class-validator's and the input guard's dotted paths). */
export const COMPLAINT_FIELDS: Record<string, ComplaintField> = {
  'complainant.name': 'naam',
  'complainant.email': 'email',
  'complainant.phone': 'telefoon',
  'complainant.postalAddress': 'postadres',
  'complainant.relation': 'relatie',
  'complainant.onBehalfOf': 'namens',
  'complainant.organisation': 'organisatie',
  description: 'omschrijving',
  unitCode: 'eenheid',
  categoryKey: 'categorie',
  attachmentIds: 'bijlagen',
};

export interface ComplaintFormState {
  values: ComplaintValues;
  idempotencyKey: string;
  formToken: string;
  /** Uploads made with an earlier attempt, as signed hidden values and their names. */
  kept: Array<{ value: string; fileName: string }>;
  errors: FormErrors;
}

/** What the file input takes: the extensions of the product's allow-list (content-type.ts). */
export const ACCEPT = Object.values(ALLOWED_TYPES)
  .flatMap((type) => type.extensions.map((extension) => `.${extension}`))
  .join(',');

/** The organisation's active units and categories, for the two selects (none: the select is left out). */
async function choices(site: Site): Promise<{ units: Array<{ value: string; label: string }>; categories: Array<{ value: string; label: string }> }> {
  const [units, categories] = await Promise.all([
    site.dataSource.getRepository(Unit).find({ select: { code: true, name: true }, where: { active: true }, order: { name: 'ASC' } }),
    site.dataSource.getRepository(Category).find({ select: { key: true, name: true }, where: { active: true }, order: { sortOrder: 'ASC', name: 'ASC' } }),
  ]);
  return {
    units: units.map((unit) => ({ value: unit.code, label: unit.name })),
    categories: categories.map((category) => ({ value: category.key, label: category.name })),
  };
}

function filesHint(site: Site, kept: number): string {
  const { websiteFiles, websiteFileBytes } = site.config.attachments;
  const left = websiteFiles - kept;
  const count = kept === 0 ? `U kunt hoogstens ${websiteFiles} ${websiteFiles === 1 ? 'bestand' : 'bestanden'} meesturen` : `U kunt er nog ${left} toevoegen`;
  return (
    `${count}, elk hoogstens ${Math.floor(websiteFileBytes / (1024 * 1024))} MB: PDF, foto’s en afbeeldingen (JPEG, PNG, GIF, WebP, TIFF), ` +
    'e-mails (.eml, .msg) en documenten van Word, Excel, PowerPoint of OpenDocument.'
  );
}

export async function renderComplaintForm(site: Site, state: ComplaintFormState): Promise<string> {
  const { units, categories } = await choices(site);
  const { values, errors } = state;
  const none = { value: '', label: 'Weet ik niet / geen keuze' };
  const view = (spec: Parameters<typeof fieldView>[1]) => fieldView('', spec, values[spec.name as ComplaintField] ?? '', errors);
  const fields: Record<ComplaintField, FieldView | undefined> = {
    naam: view({ name: 'naam', label: 'Uw naam', autocomplete: 'name' }),
    email: view({
      name: 'email',
      label: 'E-mailadres',
      type: 'email',
      autocomplete: 'email',
      optional: true,
      hint: 'Dan krijgt u meteen een bevestiging per e-mail.',
    }),
    telefoon: view({ name: 'telefoon', label: 'Telefoonnummer', type: 'tel', autocomplete: 'tel', optional: true }),
    postadres: view({
      name: 'postadres',
      label: 'Postadres',
      autocomplete: 'street-address',
      optional: true,
      rows: 3,
      hint: 'Straat en huisnummer, postcode en plaats.',
    }),
    relatie: view({ name: 'relatie', label: 'Wie bent u?', options: Object.values(ComplainantRelation).map((value) => ({ value, label: RELATIONS[value] })) }),
    namens: view({ name: 'namens', label: 'Namens wie dient u de klacht in?', optional: true, hint: 'Alleen als u de klacht voor iemand anders indient.' }),
    organisatie: view({
      name: 'organisatie',
      label: 'Organisatie',
      autocomplete: 'organization',
      optional: true,
      hint: 'Alleen als u namens een organisatie of bedrijf schrijft.',
    }),
    omschrijving: view({
      name: 'omschrijving',
      label: 'Wat is uw klacht?',
      rows: 10,
      hint: 'Beschrijf wat er is gebeurd en wanneer, met wie u contact had en wat u van ons verwacht.',
    }),
    eenheid: units.length ? view({ name: 'eenheid', label: 'Over welke vestiging gaat uw klacht?', optional: true, options: [none, ...units] }) : undefined,
    categorie: categories.length ? view({ name: 'categorie', label: 'Waar gaat uw klacht over?', optional: true, options: [none, ...categories] }) : undefined,
    bijlagen:
      site.config.attachments.websiteFiles > 0
        ? view({
            name: 'bijlagen',
            label: 'Bijlagen',
            optional: true,
            hint: filesHint(site, state.kept.length),
            accept: ACCEPT,
            kept: state.kept.map((upload) => upload.fileName),
          })
        : undefined,
  };
  const order: ComplaintField[] = [
    'naam',
    'email',
    'telefoon',
    'postadres',
    'relatie',
    'namens',
    'organisatie',
    'omschrijving',
    'eenheid',
    'categorie',
    'bijlagen',
  ];
  const summary = summaryOf(
    errors,
    order.map((name) => fields[name]),
  );
  return site.renderer.render(
    'complaintForm',
    { title: 'Klacht indienen', hasErrors: summary.length > 0 },
    {
      fields,
      summary,
      idempotencyKey: state.idempotencyKey,
      formToken: state.formToken,
      keptUploads: state.kept.map((upload) => upload.value),
    },
  );
}
