import type { MouseEvent, ReactElement } from 'react';
import {
  ArrayField,
  BooleanField,
  ChipField,
  DataTable,
  DateField,
  Link,
  NumberField,
  RecordContextProvider,
  ReferenceArrayField,
  ReferenceField,
  SimpleShowLayout,
  SingleFieldList,
  TextField,
  useCreatePath,
  useRecordContext,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import { formatDay } from '../complaints/format';
import { humanise } from '../i18n/domain-labels';
import { intlLocale } from '../i18n/locale';
import { schemaModel } from './contract';
import { isDayText } from './input-components';
import type { FieldModel } from './schema-model';

const TIME_ZONE = 'Europe/Amsterdam';

/**
 * How the seeds' presets describe themselves ("Seeds 000 en 001: doorsturen dezelfde dag, …"): the jargon of the
 * product's requirements, not of the organisation. The data stays; the panel shows the description without it.
 */
const SEED_PREFIX = /^Seeds?\s+\d{3}(?:\s*(?:[–-]|en|and|,)\s*\d{3})*\s*:\s*/i;

export const withoutSeedJargon = (text: string): string => text.replace(SEED_PREFIX, '');

/** A text field; a description without the seeds' jargon. */
const TextValueField = ({ source }: SchemaFieldProps) => {
  const record = useRecordContext();
  const value = record?.[source];
  if (value === null || value === undefined) return null;
  return <span>{source === 'description' ? withoutSeedJargon(String(value)) : String(value)}</span>;
};

/** A calendar day kept as text ("2026-12-24"), shown as the panel's language writes a day. */
const DayTextField = ({ source }: SchemaFieldProps) => {
  const record = useRecordContext();
  const value = record?.[source];
  return typeof value === 'string' ? <span>{formatDay(value)}</span> : null;
};

interface SchemaFieldProps {
  source: string;
  /** Read by SimpleShowLayout / DataTable to label the field; the i18n key is derived from source. */
  label?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

const valuesOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : value == null ? [] : [value]);

const chipRow = { display: 'flex', flexWrap: 'wrap', gap: 4 } as const;

/** An enum value (or a list of them) as chips with their labels in the panel's language. */
export const EnumField = ({ source, enumName }: SchemaFieldProps & { enumName: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const values = valuesOf(record?.[source]).map(String);
  return (
    <span style={chipRow}>
      {values.map((value) => (
        <RecordContextProvider
          key={value}
          value={{
            id: value,
            label: translate(`enums.${enumName}.${value}`, { _: humanise(value) }),
          }}
        >
          <ChipField source="label" size="small" sx={{ margin: 0 }} />
        </RecordContextProvider>
      ))}
    </span>
  );
};

/** A list of plain values (strings, numbers) as chips. */
export const ScalarListField = ({ source }: SchemaFieldProps) => {
  const record = useRecordContext();
  return (
    <span style={chipRow}>
      {valuesOf(record?.[source]).map((value) => (
        <RecordContextProvider key={String(value)} value={{ id: String(value), label: String(value) }}>
          <ChipField source="label" size="small" sx={{ margin: 0 }} />
        </RecordContextProvider>
      ))}
    </span>
  );
};

const stopPropagation = (event: MouseEvent) => event.stopPropagation();

/**
 * An object of another resource already in the row (`unit { id name }`): its display field,
 * linked to its page. No extra request, unlike ReferenceField.
 */
export const ReferenceObjectField = ({ source, reference, displayField }: SchemaFieldProps & { reference: string; displayField: string }) => {
  const record = useRecordContext();
  const createPath = useCreatePath();
  const target = schemaModel.resources.find((resource) => resource.name === reference);
  const linkType = target?.getOne ? 'show' : target?.update ? 'edit' : undefined;
  const items = valuesOf(record?.[source]).filter(isRecord);
  return (
    <span style={chipRow}>
      {items.map((item) => {
        const text = String(item[displayField] ?? item.id ?? '');
        return linkType && item.id != null ? (
          <Link key={String(item.id)} to={createPath({ resource: reference, id: String(item.id), type: linkType })} onClick={stopPropagation}>
            {text}
          </Link>
        ) : (
          <span key={String(item.id ?? text)}>{text}</span>
        );
      })}
    </span>
  );
};

/** A non-resource object (or list of them) on the show page: a small table or a nested layout. */
const ObjectField = ({ source, fields }: SchemaFieldProps & { fields: FieldModel[] }) => {
  const record = useRecordContext();
  const resource = useResourceContext();
  const flat = fields.filter((field) => field.type.kind !== 'object');
  const value = record?.[source];
  if (Array.isArray(value)) {
    return (
      <ArrayField source={source}>
        <DataTable bulkActionButtons={false} rowClick={false}>
          {flat.map((field) => (
            // labelled by its path ("rules.unit": a unit of time), as the form's inputs are
            <DataTable.Col key={field.name} source={field.name} label={`resources.${resource}.fields.${source}.${field.name}`} disableSort>
              {renderField(field)}
            </DataTable.Col>
          ))}
        </DataTable>
      </ArrayField>
    );
  }
  if (!isRecord(value)) return null;
  return (
    <RecordContextProvider value={{ id: String(value.id ?? source), ...value }}>
      <SimpleShowLayout sx={{ padding: 0 }}>{fields.map((field) => renderField(field))}</SimpleShowLayout>
    </RecordContextProvider>
  );
};

/** The display component for a field, chosen by its GraphQL type. */
export const renderField = (field: FieldModel): ReactElement => {
  const { name: source, type } = field;
  switch (type.kind) {
    case 'enum':
      return <EnumField key={source} source={source} enumName={type.enumName} />;
    case 'reference': {
      if (!type.byId) return <ReferenceObjectField key={source} source={source} reference={type.resource} displayField={type.displayField} />;
      // an id (`supervisorId`): the record it points at, by name, fetched for the whole page at once
      const target = schemaModel.resources.find((resource) => resource.name === type.resource);
      const link = target?.getOne ? 'show' : false;
      return field.list ? (
        <ReferenceArrayField key={source} source={source} reference={type.resource}>
          <SingleFieldList linkType={link}>
            <ChipField source={type.displayField} size="small" />
          </SingleFieldList>
        </ReferenceArrayField>
      ) : (
        <ReferenceField key={source} source={source} reference={type.resource} link={link}>
          <TextField source={type.displayField} />
        </ReferenceField>
      );
    }
    case 'object':
      return <ObjectField key={source} source={source} fields={type.fields} />;
    case 'scalar':
      if (field.list) return <ScalarListField key={source} source={source} />;
      switch (type.scalar) {
        case 'Int':
        case 'Float':
          return <NumberField key={source} source={source} locales={intlLocale()} />;
        case 'Boolean':
          return <BooleanField key={source} source={source} />;
        case 'DateTimeISO':
          return (
            <DateField
              key={source}
              source={source}
              showTime
              locales={intlLocale()}
              options={{ dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }}
            />
          );
        case 'Date':
          // YYYY-MM-DD is parsed as UTC midnight: show it in UTC so the day never shifts
          return <DateField key={source} source={source} locales={intlLocale()} options={{ dateStyle: 'medium', timeZone: 'UTC' }} />;
        default:
          return isDayText(field) ? <DayTextField key={source} source={source} /> : <TextValueField key={source} source={source} />;
      }
  }
};
