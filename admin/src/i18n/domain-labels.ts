import { enEnumLabels } from './en/enums';
import { enEventEnumLabels } from './en/enums-events';
import { enCommonEnumValueLabels, enContentTypeLabels, enRemovedDataLabels } from './en/files';
import { enFieldLabels, enResourceFieldLabels, enResourceNames } from './en/resources';
import { currentLocale, type AppLocale } from './locale';
import { nlEnumLabels } from './nl/enums';
import { nlEventEnumLabels } from './nl/enums-events';
import { nlCommonEnumValueLabels, nlContentTypeLabels, nlRemovedDataLabels } from './nl/files';
import { nlFieldLabels, nlResourceFieldLabels, nlResourceNames } from './nl/resources';

/**
 * The names of what the schema contains, per language (nl/ and en/ hold the tables, with the same keys): resources,
 * fields, enum values, file types and what the retention ledger counts. Keys are GraphQL names; a field missing from
 * the tables falls back to a humanised version of its name (see `humanise`).
 */
export interface DomainLabels {
  /** Resource type name → singular and plural. */
  resourceNames: Record<string, { one: string; many: string }>;
  /** Field names used across resources. */
  fieldLabels: Record<string, string>;
  /** Per resource, where a field means something more specific than its common label. */
  resourceFieldLabels: Record<string, Record<string, string>>;
  /** Enum type → value → label. */
  enumLabels: Record<string, Record<string, string>>;
  /** Enum values whose meaning does not depend on the enum they are in (for enums not in `enumLabels`). */
  commonEnumValueLabels: Record<string, string>;
  /** The types of file the API takes as an attachment (api/src/files/content-type.ts), as people call them. */
  contentTypeLabels: Record<string, string>;
  /** What the retention ledger's `removed` counts are of (the tables anonymise_complaint touches); a key not here is shown as it is. */
  removedDataLabels: Record<string, string>;
}

export const DOMAIN_LABELS: Record<AppLocale, DomainLabels> = {
  nl: {
    resourceNames: nlResourceNames,
    fieldLabels: nlFieldLabels,
    resourceFieldLabels: nlResourceFieldLabels,
    enumLabels: { ...nlEnumLabels, ...nlEventEnumLabels },
    commonEnumValueLabels: nlCommonEnumValueLabels,
    contentTypeLabels: nlContentTypeLabels,
    removedDataLabels: nlRemovedDataLabels,
  },
  en: {
    resourceNames: enResourceNames,
    fieldLabels: enFieldLabels,
    resourceFieldLabels: enResourceFieldLabels,
    enumLabels: { ...enEnumLabels, ...enEventEnumLabels },
    commonEnumValueLabels: enCommonEnumValueLabels,
    contentTypeLabels: enContentTypeLabels,
    removedDataLabels: enRemovedDataLabels,
  },
};

/** A file type as people call it ("Afbeelding (PNG)"), in the panel's language; an unknown one as it is. */
export const contentTypeLabel = (contentType: string): string => DOMAIN_LABELS[currentLocale()].contentTypeLabels[contentType] ?? contentType;

/** What the retention ledger counted ("brieven"), in the panel's language; an unknown table as it is. */
export const removedDataLabel = (table: string): string => DOMAIN_LABELS[currentLocale()].removedDataLabels[table] ?? table;

/** `createdAt` → "Created at", `QUALITY_MANAGER` → "Quality manager", `unitId` → "Unit". */
export const humanise = (name: string): string => {
  const words = name
    .replace(/Ids?$/, '')
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * An enum's values in the order of the procedure, as the API declares them and the Dutch labels list them (the schema
 * sorts them by name: Ontvangst bevestigd, Gearchiveerd, Afgesloten, ...); a value the labels lack goes last.
 */
export const inDomainOrder = (enumName: string, values: readonly string[]): string[] => {
  const order = Object.keys(DOMAIN_LABELS.nl.enumLabels[enumName] ?? {});
  const rank = (value: string) => (order.includes(value) ? order.indexOf(value) : order.length);
  return [...values].sort((a, b) => rank(a) - rank(b));
};
