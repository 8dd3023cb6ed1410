import type { ReactElement } from 'react';
import {
  ArrayInput,
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  NullableBooleanInput,
  NumberInput,
  PasswordInput,
  ReferenceArrayInput,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  maxValue,
  minLength,
  minValue,
  required,
  type Validator,
} from 'react-admin';
import { DateInput, DateTimeInput } from '../layout/DateInputs';
import { emailAddress } from '../layout/validators';
import { inDomainOrder } from '../i18n/domain-labels';
import { MIN_PASSWORD_LENGTH, NUMBER_BOUNDS } from '../lengths';
import { schemaModel } from './contract';
import { isTechnicalField, type FieldModel } from './schema-model';

type Choice = { id: string; name: string };

/** Enum choices in the procedure's order; SelectInput translates the names, so they are i18n keys. */
const enumChoices = (enumName: string, values: string[]): Choice[] =>
  inDomainOrder(enumName, values).map((value) => ({ id: value, name: `enums.${enumName}.${value}` }));

const isPasswordField = (name: string) => /password$/i.test(name);
const isEmailField = (name: string) => /(^e?mail$|Email$)/i.test(name) || name === 'email';
const isLongText = (name: string) => /(description|notes?|text|body|summary|comment|remarks?)$/i.test(name);
/** A calendar day kept as text (`CalendarDay.date`: "YYYY-MM-DD" in the schema's description): picked as a date. */
export const isDayText = (field: FieldModel) => field.type.kind === 'scalar' && field.type.scalar === 'String' && /^YYYY-MM-DD\b/.test(field.description ?? '');

/** Searching a referenced resource uses its `q` filter when it has one. */
const filterToQuery = (resource: string) => {
  const target = schemaModel.resources.find((candidate) => candidate.name === resource);
  const hasQ = target?.filterFields.some((field) => field.name === 'q');
  return (searchText: string) => (hasQ && searchText ? { q: searchText } : {});
};

/**
 * The form input for an input-type field, chosen by its GraphQL type and a few name
 * conventions (`password`, `email`, `fooId`). `prefix` is set for fields of nested input objects.
 * Labels come from react-admin's `resources.<Type>.fields.<field>` (i18n/catalog.ts); no input leaves a check to
 * the browser (no `type="email"` popup), and dates are MUI X pickers in the panel's language.
 */
export const renderInput = (field: FieldModel, prefix = ''): ReactElement | null => {
  const { type } = field;
  const source = `${prefix}${field.name}`;
  if (isTechnicalField(field.name)) return null;
  const bounds = NUMBER_BOUNDS[field.name];
  const validators: Validator[] = [
    ...(field.required && !(type.kind === 'scalar' && type.scalar === 'Boolean') ? [required()] : []),
    ...(bounds && type.kind === 'scalar' ? [minValue(bounds.min), maxValue(bounds.max)] : []),
    ...(isPasswordField(field.name) ? [minLength(MIN_PASSWORD_LENGTH)] : []),
    ...(isEmailField(field.name) ? [emailAddress] : []),
  ];
  const validate = validators.length === 0 ? undefined : validators.length === 1 ? validators[0] : validators;
  // a create form starts from the API's own default (an update input has none)
  const common = { source, validate, ...(field.defaultValue !== undefined && !field.list ? { defaultValue: field.defaultValue } : {}) };

  switch (type.kind) {
    case 'enum': {
      const choices = enumChoices(type.enumName, type.values);
      return field.list ? <SelectArrayInput key={source} {...common} choices={choices} /> : <SelectInput key={source} {...common} choices={choices} />;
    }
    case 'reference':
      return field.list ? (
        <ReferenceArrayInput key={source} source={source} reference={type.resource}>
          <AutocompleteArrayInput optionText={type.displayField} filterToQuery={filterToQuery(type.resource)} validate={validate} />
        </ReferenceArrayInput>
      ) : (
        <ReferenceInput key={source} source={source} reference={type.resource}>
          <AutocompleteInput optionText={type.displayField} filterToQuery={filterToQuery(type.resource)} validate={validate} />
        </ReferenceInput>
      );
    case 'object':
      return field.list ? (
        <ArrayInput key={source} {...common}>
          <SimpleFormIterator inline>{type.fields.map((subField) => renderInput(subField))}</SimpleFormIterator>
        </ArrayInput>
      ) : (
        <div key={source}>{type.fields.map((subField) => renderInput(subField, `${source}.`))}</div>
      );
    case 'scalar':
      if (field.list) {
        return (
          <TextInput
            key={source}
            {...common}
            helperText="app.generic.onePerLine"
            multiline
            format={(value: unknown) => (Array.isArray(value) ? value.join('\n') : '')}
            parse={(value: string) =>
              value
                .split('\n')
                .map((line) => line.trim())
                .filter(Boolean)
            }
          />
        );
      }
      switch (type.scalar) {
        case 'Int':
          return <NumberInput key={source} {...common} step={1} />;
        case 'Float':
          return <NumberInput key={source} {...common} />;
        case 'Boolean':
          return <BooleanInput key={source} {...common} />;
        case 'DateTimeISO':
          return <DateTimeInput key={source} {...common} />;
        case 'Date':
          return <DateInput key={source} {...common} />;
        default:
          if (isPasswordField(field.name)) {
            return <PasswordInput key={source} {...common} autoComplete="new-password" />;
          }
          if (isEmailField(field.name)) {
            return <TextInput key={source} {...common} inputMode="email" autoComplete="off" />;
          }
          if (isDayText(field)) return <DateInput key={source} {...common} />;
          return <TextInput key={source} {...common} multiline={isLongText(field.name)} />;
      }
  }
};

/** The list filter for a field of the `XFilter` input type. */
export const renderFilter = (field: FieldModel): ReactElement | null => {
  const { type, name: source } = field;
  if (source === 'ids') return null;
  if (source === 'q') return <SearchInput key={source} source={source} alwaysOn />;
  switch (type.kind) {
    case 'enum': {
      const choices = enumChoices(type.enumName, type.values);
      return field.list ? <SelectArrayInput key={source} source={source} choices={choices} /> : <SelectInput key={source} source={source} choices={choices} />;
    }
    case 'reference':
      return (
        <ReferenceInput key={source} source={source} reference={type.resource}>
          <AutocompleteInput optionText={type.displayField} filterToQuery={filterToQuery(type.resource)} />
        </ReferenceInput>
      );
    case 'object':
      return null;
    case 'scalar':
      switch (type.scalar) {
        case 'Boolean':
          return <NullableBooleanInput key={source} source={source} />;
        case 'DateTimeISO':
        case 'Date':
          return <DateInput key={source} source={source} asFilter />;
        case 'Int':
        case 'Float':
          return <NumberInput key={source} source={source} />;
        default:
          return <TextInput key={source} source={source} />;
      }
  }
};
