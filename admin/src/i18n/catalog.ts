import type { FieldModel, SchemaModel } from '../schema/schema-model';
import { DOMAIN_LABELS, humanise } from './domain-labels';
import { enApp } from './en';
import type { AppLocale } from './locale';
import { nlApp } from './nl';

/**
 * The panel's messages in one language, react-admin's own aside (i18n-provider.ts adds them):
 * `resources.<Type>.name` / `.fields.<field>` and `enums.<Enum>.<VALUE>`, generated for everything in the schema so
 * a new type or field has a label (from the tables where known, humanised otherwise) without touching the views;
 * and `app.…`, the panel's own texts (nl/app-*.ts, en/app-*.ts). No react-admin runtime here: the unit test
 * (test/unit/admin-i18n.test.ts) reads it too.
 */

export const APP_MESSAGES: Record<AppLocale, typeof nlApp> = { nl: nlApp, en: enApp };

/**
 * All field names a resource's views may show: output, input and filter fields, and the fields of nested objects both
 * on their own (`amount`, as a column of a nested table) and by their path (`rules.amount`, which react-admin looks up
 * for an input inside `ArrayInput` or a nested object).
 */
export const fieldNamesOf = (fields: FieldModel[]): string[] =>
  fields.flatMap((field) => {
    if (field.type.kind !== 'object') return [field.name];
    const nested = fieldNamesOf(field.type.fields);
    return [field.name, ...nested, ...nested.map((name) => `${field.name}.${name}`)];
  });

/**
 * The label of a field in a language's tables, if it has one: the resource's own for the field (or its path), else the
 * common one of its last part (`rules.amount` like `amount`; `unitId` like `unit`).
 */
export const knownFieldLabel = (locale: AppLocale, resource: string, field: string): string | undefined => {
  const { resourceFieldLabels, fieldLabels } = DOMAIN_LABELS[locale];
  const name = field.split('.').pop() ?? field;
  const own = resourceFieldLabels[resource]?.[field] ?? resourceFieldLabels[resource]?.[name] ?? fieldLabels[name];
  if (own) return own;
  const stem = /^(.+?)Ids?$/.exec(name)?.[1];
  return stem ? (resourceFieldLabels[resource]?.[stem] ?? fieldLabels[stem]) : undefined;
};

/** The label of an enum value in a language's tables, if it has one. */
export const knownEnumLabel = (locale: AppLocale, enumName: string, value: string): string | undefined => {
  const { enumLabels, commonEnumValueLabels } = DOMAIN_LABELS[locale];
  return enumLabels[enumName]?.[value] ?? commonEnumValueLabels[value];
};

/** Every field name a resource's views, forms and filters may show. */
export const resourceFieldNames = (resource: SchemaModel['resources'][number]): string[] => [
  ...new Set([
    ...fieldNamesOf(resource.fields),
    ...fieldNamesOf(resource.filterFields),
    ...fieldNamesOf(resource.create?.fields ?? []),
    ...fieldNamesOf(resource.update?.fields ?? []),
  ]),
];

export const buildMessages = (schema: SchemaModel, locale: AppLocale) => {
  const { resourceNames } = DOMAIN_LABELS[locale];
  const resources = Object.fromEntries(
    schema.resources.map((resource) => {
      const names = resourceNames[resource.name] ?? { one: humanise(resource.name), many: humanise(resource.name) };
      return [
        resource.name,
        {
          name: `${names.one} |||| ${names.many}`,
          // react-admin's notice after a delete says what went ("Sluitingsdag verwijderd"); saves say more (schema/saved-notice.ts)
          notifications: { deleted: APP_MESSAGES[locale].saved.deleted.replace('%{name}', names.one) },
          fields: Object.fromEntries(
            resourceFieldNames(resource).map((field) => [field, knownFieldLabel(locale, resource.name, field) ?? humanise(field.split('.').pop() ?? field)]),
          ),
        },
      ];
    }),
  );
  const enums = Object.fromEntries(
    schema.enums.map((enumType) => [
      enumType.name,
      Object.fromEntries(enumType.values.map((value) => [value, knownEnumLabel(locale, enumType.name, value) ?? humanise(value)])),
    ]),
  );
  return { resources, enums, app: APP_MESSAGES[locale] };
};
