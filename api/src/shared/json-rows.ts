import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Entities read as JSON that PostgreSQL writes: the readable columns of an entity (not those marked
 * `select: false`, such as a password hash), keyed by property, in SQL (`jsonColumnsSql`, `jsonSelectList`);
 * and back in Node as TypeORM would hydrate them from a plain SELECT (`jsonHydrator`): timestamps become
 * Dates, a transformer or an odd type goes through the driver, everything else (text, numbers, booleans,
 * arrays, jsonb, dates as 'YYYY-MM-DD') is already what the entity holds. One JSON value per page parses far
 * faster in Node than thousands of columns through pg's type parsers, and a hydrator compiled once per entity
 * skips TypeORM's transformer (test/bench, workload 2). Keys come from the metadata, never from a caller.
 */
export type JsonHydrator<T> = (json: ObjectLiteral) => T;

const TIMESTAMPS = new Set(['timestamptz', 'timestamp with time zone', 'timestamp', 'timestamp without time zone']);
const AS_JSON_GIVES = new Set([
  'uuid',
  'varchar',
  'character varying',
  'text',
  'int',
  'int4',
  'integer',
  'smallint',
  'int2',
  'boolean',
  'jsonb',
  'json',
  'date',
]);

type Convert = (value: unknown) => unknown;

const readable = (dataSource: DataSource, entity: EntityTarget<ObjectLiteral>): ColumnMetadata[] =>
  dataSource.getMetadata(entity).columns.filter((column) => column.isSelect);

/** `alias.column AS "property"`, each readable column: the select list of a row that `json_agg` turns into the entity's JSON. */
export function jsonSelectList(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string): string[] {
  return readable(dataSource, entity).map((column) => `${alias}.${column.databaseName} AS "${column.propertyName}"`);
}

/** The JSON object of a row of the entity, keyed by property (in pieces of 50 pairs, the limit of one call, joined as jsonb). */
export function jsonColumnsSql(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string): string {
  const pairs = readable(dataSource, entity).map((column) => `'${column.propertyName}', ${alias}.${column.databaseName}`);
  const pieces: string[] = [];
  for (let start = 0; start < pairs.length; start += 50) pieces.push(`json_build_object(${pairs.slice(start, start + 50).join(', ')})`);
  return pieces.length === 1 ? pieces[0] : `(${pieces.map((piece) => `${piece}::jsonb`).join(' || ')})`;
}

/**
 * How a column's JSON value becomes what TypeORM would hold: a Date for a timestamp, nothing to do for the types
 * whose JSON is already that. Any other type (numeric and bigint, which pg gives as strings; interval; a column with
 * a transformer) is refused when the hydrator is compiled rather than hydrated differently from TypeORM.
 */
function converter(entity: string, column: ColumnMetadata): Convert | null {
  const type = typeof column.type === 'string' ? column.type : String(column.type);
  if (!column.transformer && TIMESTAMPS.has(type))
    return column.isArray ? (value) => (value as string[]).map((text) => new Date(text)) : (value) => new Date(value as string);
  if (!column.transformer && AS_JSON_GIVES.has(type)) return null;
  throw new Error(
    `json-rows: ${entity}.${column.propertyName} (${type}${column.transformer ? ', with a transformer' : ''}) is not read from JSON as TypeORM reads it`,
  );
}

const compiled = new WeakMap<DataSource, Map<EntityTarget<ObjectLiteral>, JsonHydrator<ObjectLiteral>>>();

/** The hydrator of an entity's JSON as jsonColumnsSql or jsonSelectList wrote it. */
export function jsonHydrator<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>): JsonHydrator<T> {
  let perSource = compiled.get(dataSource);
  if (!perSource) compiled.set(dataSource, (perSource = new Map()));
  const known = perSource.get(entity as EntityTarget<ObjectLiteral>);
  if (known) return known as JsonHydrator<T>;

  const metadata = dataSource.getMetadata(entity);
  const columns = readable(dataSource, entity as EntityTarget<ObjectLiteral>).map((column) => ({
    property: column.propertyName,
    convert: converter(metadata.name, column),
  }));
  // One function per entity with every key written out: V8 reads and writes them as fixed properties (a loop
  // over the names makes each access a dictionary lookup, slower than all the rest of the hydration). As
  // TypeORM does for rows it reads: no constructor, no field initialisers.
  const body = columns
    .map(({ property, convert }, index) => {
      const key = JSON.stringify(property);
      return `value = json[${key}]; if (value !== undefined) instance[${key}] = value === null ? null : ${convert ? `convert[${index}](value)` : 'value'};`;
    })
    .join('\n');
  const compile = new Function(
    'prototype',
    'convert',
    `return function hydrate(json) { const instance = Object.create(prototype); let value;\n${body}\nreturn instance; };`,
  ) as (prototype: object, convert: Array<Convert | null>) => JsonHydrator<T>;
  const hydrate = compile(
    (metadata.target as { prototype: object }).prototype,
    columns.map(({ convert }) => convert),
  );
  perSource.set(entity as EntityTarget<ObjectLiteral>, hydrate as JsonHydrator<ObjectLiteral>);
  return hydrate;
}
