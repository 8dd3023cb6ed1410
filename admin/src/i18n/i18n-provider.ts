import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import type { FieldModel, SchemaModel } from '../schema/schema-model';
import { commonEnumValueLabels, commonFieldLabels, enumLabels, humanise, resourceFieldLabels, resourceNames } from './domain-labels';
import { appDutchMessages, raDutchMessages } from './nl';

/** All field names a resource's views may show: output, nested, input and filter fields. */
const fieldNamesOf = (fields: FieldModel[]): string[] =>
  fields.flatMap((field) => (field.type.kind === 'object' ? [field.name, ...fieldNamesOf(field.type.fields)] : [field.name]));

const fieldLabel = (resource: string, field: string): string => {
  const own = resourceFieldLabels[resource]?.[field] ?? commonFieldLabels[field];
  if (own) return own;
  // `unitId` is labelled like `unit`
  const stem = /^(.+?)Ids?$/.exec(field)?.[1];
  const stemLabel = stem && (resourceFieldLabels[resource]?.[stem] ?? commonFieldLabels[stem]);
  return stemLabel || humanise(field);
};

/**
 * The messages react-admin looks up: `resources.<Type>.name` / `.fields.<field>` and
 * `enums.<Enum>.<VALUE>`, generated for everything in the schema so a new type or field has
 * a label (Dutch where known, humanised otherwise) without touching the views.
 */
export const buildMessages = (schema: SchemaModel): TranslationMessages => {
  const resources = Object.fromEntries(
    schema.resources.map((resource) => {
      const names = resourceNames[resource.name] ?? {
        one: humanise(resource.name),
        many: humanise(resource.name),
      };
      const fieldNames = new Set([
        ...fieldNamesOf(resource.fields),
        ...fieldNamesOf(resource.filterFields),
        ...fieldNamesOf(resource.create?.fields ?? []),
        ...fieldNamesOf(resource.update?.fields ?? []),
      ]);
      return [
        resource.name,
        {
          name: `${names.one} |||| ${names.many}`,
          fields: Object.fromEntries([...fieldNames].map((field) => [field, fieldLabel(resource.name, field)])),
        },
      ];
    }),
  );
  const enums = Object.fromEntries(
    schema.enums.map((enumType) => [
      enumType.name,
      Object.fromEntries(enumType.values.map((value) => [value, enumLabels[enumType.name]?.[value] ?? commonEnumValueLabels[value] ?? humanise(value)])),
    ]),
  );
  return {
    ...raDutchMessages,
    resources,
    enums,
    app: {
      ...appDutchMessages,
      auth: {
        invalid_credentials: 'E-mailadres of wachtwoord onjuist, of het account is niet actief.',
      },
    },
  };
};

export const createI18nProvider = (schema: SchemaModel): I18nProvider => {
  const messages = buildMessages(schema);
  return polyglotI18nProvider(() => messages, 'nl', [{ locale: 'nl', name: 'Nederlands' }], {
    allowMissing: true,
  });
};
