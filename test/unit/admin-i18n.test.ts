import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSchema } from 'graphql';
import { MIN_PASSWORD_LENGTH } from '../../api/src/config';
import { ComplaintStatus, DeadlineKind } from '../../api/src/complaint/complaint.enums';

/**
 * The admin panel speaks Dutch by default and English on request (admin/src/i18n): every enum value it shows has a
 * label in both, every field and resource of the generic views has a name in both, every translation key its code uses
 * has a Dutch message, and the English has exactly the keys the Dutch has. The admin's own modules are loaded through
 * Jest's transform (swc) at run time: they are ES modules of the admin workspace, which this suite's `tsc` (node16
 * resolution) does not typecheck; their shapes are declared below.
 */

const ROOT = path.resolve(__dirname, '../..');
const ADMIN_SRC = path.join(ROOT, 'admin/src');

type Tree = { [key: string]: string | Tree };
type Locale = 'nl' | 'en';

interface FieldModel {
  name: string;
  type: { kind: 'scalar' | 'enum' | 'reference' | 'object'; enumName?: string; fields?: FieldModel[] };
}
interface ResourceModel {
  name: string;
  fields: FieldModel[];
  filterFields: FieldModel[];
  create?: { fields: FieldModel[] };
  update?: { fields: FieldModel[] };
}
interface SchemaModel {
  resources: ResourceModel[];
  enums: { name: string; values: string[] }[];
}

const load = <T extends object>(file: string): T => jest.requireActual<T>(path.join(ADMIN_SRC, file));

const { buildSchemaModel } = load<{ buildSchemaModel: (schema: ReturnType<typeof buildSchema>, options: unknown) => SchemaModel }>('schema/schema-model.ts');
const catalog = load<{
  buildMessages: (schema: SchemaModel, locale: Locale) => { resources: Tree; enums: Tree; app: Tree };
  knownEnumLabel: (locale: Locale, enumName: string, value: string) => string | undefined;
  knownFieldLabel: (locale: Locale, resource: string, field: string) => string | undefined;
  resourceFieldNames: (resource: ResourceModel) => string[];
}>('i18n/catalog.ts');
const { DOMAIN_LABELS, inDomainOrder } = load<{
  DOMAIN_LABELS: Record<Locale, { resourceNames: Record<string, unknown> }>;
  inDomainOrder: (enumName: string, values: readonly string[]) => string[];
}>('i18n/domain-labels.ts');
const { raDutchMessages } = load<{ raDutchMessages: Tree }>('i18n/nl/ra.ts');
const { API_MESSAGES } = load<{ API_MESSAGES: Record<Locale, Tree> }>('i18n/api-codes.ts');
const lengths = load<{ MIN_PASSWORD_LENGTH: number }>('lengths.ts');
// react-admin's English (a CommonJS module whose exports are the messages; the admin's bundler gives them as its default)
const englishMessages = jest.requireActual<Tree>('ra-language-english');

/** The schema model exactly as the admin has it (admin/codegen.ts writes it for schema/contract.ts from the same SDL and options). */
const { SCHEMA_MODEL_OPTIONS } = load<{ SCHEMA_MODEL_OPTIONS: unknown }>('schema/model-options.ts');
const schema = buildSchemaModel(buildSchema(fs.readFileSync(path.join(ROOT, 'schema/schema.graphql'), 'utf8')), SCHEMA_MODEL_OPTIONS);

const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );

const messages = (locale: Locale) => {
  const built = catalog.buildMessages(schema, locale);
  return flatten({ ...(locale === 'nl' ? raDutchMessages : englishMessages), ...built } as Tree);
};
const dutch = messages('nl');
const english = messages('en');

/** Every file of the panel's own code (not the generated client, not the translations themselves). */
const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ['gql', 'i18n'].includes(entry.name) && dir === ADMIN_SRC ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
const sources = sourceFiles(ADMIN_SRC).map((file) => ({ file: path.relative(ADMIN_SRC, file), text: fs.readFileSync(file, 'utf8') }));

/** The enums a model's fields show: of its own fields, its filters and its forms, nested objects included. */
const enumsOf = (fields: FieldModel[]): string[] =>
  fields.flatMap((field) => (field.type.kind === 'enum' ? [field.type.enumName!] : field.type.kind === 'object' ? enumsOf(field.type.fields ?? []) : []));

/** The resources with hand-written list views (complaints/index.ts and the like): their labels are the views' own `app.` keys. */
const handWritten = new Set(sources.flatMap(({ text }) => [...text.matchAll(/^\s+(\w+): \{\s*list: createElement\(/gm)].map((match) => match[1])));

const shownEnums = (): string[] => {
  const generic = schema.resources.flatMap((resource) =>
    enumsOf([...resource.fields, ...resource.filterFields, ...(resource.create?.fields ?? []), ...(resource.update?.fields ?? [])]),
  );
  // the hand-written views: enumChoices('Channel', …), label('DeadlineKind', …), enumName="Role"
  const named = sources.flatMap(({ text }) =>
    [...text.matchAll(/\b(?:enumChoices|label)\(\s*'([A-Z]\w+)'|enumName[=:]\s*["']([A-Z]\w+)["']/g)].map((match) => match[1] ?? match[2]),
  );
  return [...new Set([...generic, ...named])].sort();
};

describe('the admin panel in Dutch and English', () => {
  it('labels every value of every enum it shows in Dutch and in English', () => {
    const enums = shownEnums();
    expect(enums).toEqual(expect.arrayContaining(['Channel', 'ComplaintStatus', 'DeadlineKind', 'TrendDimension', 'Role', 'ComplaintEventType']));
    const missing = enums.flatMap((name) => {
      const values = schema.enums.find((candidate) => candidate.name === name)?.values;
      if (!values) return [`${name}: not an enum of schema/schema.graphql`];
      return values.flatMap((value) =>
        (['nl', 'en'] as const).filter((locale) => !catalog.knownEnumLabel(locale, name, value)).map((locale) => `${name}.${value} (${locale})`),
      );
    });
    expect(missing).toEqual([]);
  });

  it('names every resource and every field of the generic views in Dutch and in English', () => {
    expect([...handWritten]).toEqual(expect.arrayContaining(['Complaint', 'Deadline', 'Review']));
    const generic = schema.resources.filter((resource) => !handWritten.has(resource.name));
    expect(generic.map((resource) => resource.name)).toEqual(expect.arrayContaining(['Staff', 'Unit', 'Policy', 'CalendarDay']));
    const missing = generic.flatMap((resource) => [
      ...(['nl', 'en'] as const).filter((locale) => !DOMAIN_LABELS[locale].resourceNames[resource.name]).map((locale) => `${resource.name} (${locale})`),
      ...catalog
        .resourceFieldNames(resource)
        .flatMap((field) =>
          (['nl', 'en'] as const)
            .filter((locale) => !catalog.knownFieldLabel(locale, resource.name, field))
            .map((locale) => `${resource.name}.${field} (${locale})`),
        ),
    ]);
    expect(missing).toEqual([]);
  });

  it('has a Dutch message for every translation key its code uses', () => {
    const used = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/['"`]((?:app|ra|resources|enums)\.[\w.]+[\w])['"`]/g)].map((match) => ({ file, key: match[1] })),
    );
    expect(used.length).toBeGreaterThan(300);
    const missing = used.filter(({ key }) => dutch[key] === undefined).map(({ file, key }) => `${key} (${file})`);
    expect(missing).toEqual([]);
    const missingInEnglish = used.filter(({ key }) => english[key] === undefined).map(({ file, key }) => `${key} (${file})`);
    expect(missingInEnglish).toEqual([]);
  });

  it('translates into English exactly what it says in Dutch: the same keys, the same parameters', () => {
    const own = (all: Record<string, string>) => Object.keys(all).filter((key) => key.startsWith('app.'));
    expect(own(english).sort()).toEqual(own(dutch).sort());
    const parameters = (text: string) => [...text.matchAll(/%\{(\w+)\}/g)].map((match) => match[1]).sort();
    const differing = own(dutch).filter(
      (key) => JSON.stringify([...new Set(parameters(dutch[key]))]) !== JSON.stringify([...new Set(parameters(english[key]))]),
    );
    expect(differing).toEqual([]);
    const apiKeys = (locale: Locale) => Object.keys(flatten(API_MESSAGES[locale])).sort();
    expect(apiKeys('en')).toEqual(apiKeys('nl'));
  });

  it('keeps each area of its texts apart: no area overrides another one', () => {
    const areas = (dir: Locale) =>
      fs
        .readdirSync(path.join(ADMIN_SRC, 'i18n', dir))
        .filter((file) => file.startsWith('app-'))
        .map((file) => Object.values(load<Record<string, Tree>>(`i18n/${dir}/${file}`))[0]);
    for (const locale of ['nl', 'en'] as const) {
      const keys = areas(locale).flatMap((area) => Object.keys(area));
      expect(keys.length).toBeGreaterThan(20);
      expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
    }
  });

  it("offers an enum's values in the order the API declares them, not as the schema sorts them", () => {
    const declared = Object.values(ComplaintStatus);
    const sorted = schema.enums.find((candidate) => candidate.name === 'ComplaintStatus')!.values;
    expect(sorted).not.toEqual(declared); // the schema's order is the alphabet's
    expect(inDomainOrder('ComplaintStatus', sorted)).toEqual(declared);
    expect(inDomainOrder('DeadlineKind', schema.enums.find((candidate) => candidate.name === 'DeadlineKind')!.values)).toEqual(Object.values(DeadlineKind));
  });

  it('asks for a password as long as the API does', () => {
    expect(lengths.MIN_PASSWORD_LENGTH).toBe(MIN_PASSWORD_LENGTH);
  });
});
