import type DataLoader from 'dataloader';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Category } from '../category/category.entity';
import type { Loaders } from '../loaders';
import { Policy } from '../policy/policy.entity';
import { queryPrepared } from '../database/pool';
import { jsonColumnsSql, jsonHydrator, jsonSelectList } from '../shared/json-rows';
import type { Page, PageArgs } from '../shared/pagination';
import { Staff } from '../staff/staff.entity';
import { Unit } from '../unit/unit.entity';
import { Complainant } from './complainant.entity';
import { Complaint } from './complaint.entity';
import { Deadline } from './deadline.entity';

/** The fields asked for under `items` of a list query (fragments included). */
export function requestedItemFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const collect = (selections: readonly FieldNode['selectionSet'][]) => {
    for (const set of selections) {
      for (const selection of set?.selections ?? []) {
        if (selection.kind === 'Field') names.add(selection.name.value);
        else if (selection.kind === 'InlineFragment') collect([selection.selectionSet]);
        else if (selection.kind === 'FragmentSpread') collect([info.fragments[selection.name.value]?.selectionSet]);
      }
    }
  };
  const items = info.fieldNodes
    .flatMap((node) => node.selectionSet?.selections ?? [])
    .filter((selection): selection is FieldNode => selection.kind === 'Field' && selection.name.value === 'items');
  collect(items.map((item) => item.selectionSet));
  return names;
}

/** What a page is read with: the request's loaders, primed with the relations its query asks for. */
export interface PagePreload {
  loaders: Loaders;
  fields: Set<string>;
}

/** The alias of the complaint in list queries. */
export const COMPLAINT_ALIAS = 'complaint';
/** A property of the complaint in the page (the CTE's columns are the entity's properties). */
const onPage = (property: keyof Complaint) => `page."${property}"`;

/**
 * The related rows a page may ask for, each as one JSON array selected beside the page: the ids come from the
 * page itself (the CTE), so the relations cost no statement of their own. Only readable columns (jsonColumnsSql):
 * never a password hash.
 */
const RELATIONS = {
  staff: {
    entity: Staff,
    table: 'staff',
    fields: { handler: 'handlerId', registeredBy: 'registeredById', forwardedTo: 'forwardedToId', subjects: 'subjectStaffIds' },
  },
  units: { entity: Unit, table: 'organisational_unit', fields: { unit: 'unitId' } },
  complainants: { entity: Complainant, table: 'complainant', fields: { complainant: 'complainantId' } },
  categories: { entity: Category, table: 'category', fields: { category: 'categoryId' } },
  policies: { entity: Policy, table: 'policy', fields: { policy: 'policyId' } },
  deadlines: { entity: Deadline, table: 'deadline', fields: { deadlines: 'id' } },
} as const satisfies Record<string, { entity: EntityTarget<ObjectLiteral>; table: string; fields: Record<string, keyof Complaint> }>;
type Relation = keyof typeof RELATIONS;

/** The relation's rows for the page, as JSON, when the query asks for one of its fields; else null. */
function relationSql(dataSource: DataSource, relation: Relation, fields: Set<string>): string | null {
  const { entity, table, fields: through } = RELATIONS[relation];
  const asked = Object.entries(through).filter(([field]) => fields.has(field));
  if (!asked.length) return null;
  const object = jsonColumnsSql(dataSource, entity, 'r');
  if (relation === 'deadlines')
    return `SELECT coalesce(json_agg(${object} ORDER BY r.due_at, r.kind), '[]') FROM ${table} r WHERE r.complaint_id IN (SELECT ${onPage('id')} FROM page)`;
  const ids = asked
    .map(([, property]) => (property === 'subjectStaffIds' ? `SELECT unnest(${onPage(property)}) FROM page` : `SELECT ${onPage(property)} FROM page`))
    .join(' UNION ');
  return `SELECT coalesce(json_agg(${object}), '[]') FROM ${table} r WHERE r.id IN (${ids})`;
}

/**
 * A page of complaints in one statement: the list's query (its filters, its visibility, its order, the total as
 * a scalar sub-select, as pageOf) becomes a CTE of the entity's readable columns, and PostgreSQL returns the
 * page and the related rows the GraphQL query asks for as JSON. Those prime the request's DataLoaders and are
 * kept for the field resolvers (relationsReadWith): they stay the one path to a relation; this fills them ahead.
 * Prepared on its connection (queryPrepared). Past the last page, the count alone, as pageOf.
 */
export async function complaintPage(
  dataSource: DataSource,
  query: SelectQueryBuilder<Complaint>,
  args: Pick<PageArgs, 'offset' | 'perPage'>,
  sort: { column: keyof Complaint; order: 'ASC' | 'DESC' },
  preload: PagePreload | undefined,
): Promise<Page<Complaint>> {
  const count = query.clone().select('COUNT(*)').orderBy();
  const nulls = sort.order === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST';
  const sortColumn = dataSource.getMetadata(Complaint).findColumnWithPropertyName(sort.column)!.databaseName;
  query
    .select(jsonSelectList(dataSource, Complaint, COMPLAINT_ALIAS))
    .addSelect(`(${count.getQuery()})`, 'total')
    .orderBy(`${COMPLAINT_ALIAS}.${sortColumn}`, sort.order, nulls)
    .addOrderBy(`${COMPLAINT_ALIAS}.id`, 'ASC');
  // the page's bounds as parameters (TypeORM writes them into the text): one prepared statement for every page
  const [filteredSql, filterParameters] = query.getQueryAndParameters();
  const parameters = [...filterParameters, args.perPage, args.offset];
  const pageSql = `${filteredSql} LIMIT $${parameters.length - 1} OFFSET $${parameters.length}`;
  const relations = (Object.keys(RELATIONS) as Relation[]).flatMap((relation) => {
    const sql = preload ? relationSql(dataSource, relation, preload.fields) : null;
    return sql ? [`, (${sql}) AS "${relation}"`] : [];
  });
  type Row = { total: string | null; items: ObjectLiteral[] } & Partial<Record<Relation, ObjectLiteral[]>>;
  const [row] = await queryPrepared<Row>(
    dataSource,
    `WITH page AS (${pageSql})
     SELECT (SELECT total FROM page LIMIT 1) AS total,
            (SELECT coalesce(json_agg(page ORDER BY ${onPage(sort.column)} ${sort.order} ${nulls}, ${onPage('id')}), '[]') FROM page) AS items
            ${relations.join(' ')}`,
    parameters,
  );

  const items = row.items.map(jsonHydrator(dataSource, Complaint));
  if (preload) prime(dataSource, preload.loaders, items, row, preload.fields);
  const total = row.total !== null ? Number(row.total) : args.offset > 0 ? Number((await count.getRawOne<{ count: string }>())?.count ?? 0) : 0;
  return { items, total };
}

/** A complaint's relations as its page read them, for its field resolvers to answer without a round through the loaders. */
export interface PageRelations {
  handler?: Staff | null;
  registeredBy?: Staff | null;
  forwardedTo?: Staff | null;
  subjects?: Staff[];
  unit?: Unit | null;
  complainant?: Complainant | null;
  category?: Category | null;
  policy?: Policy | null;
  deadlines?: Deadline[];
}
const pageRelations = new WeakMap<Complaint, PageRelations>();

/**
 * The relations a page read for this complaint (undefined: not read with it; load it). A field resolver that
 * finds its relation here answers at once instead of with a promise: on a page of 50 that is some 250 promises
 * fewer for graphql-js to wait on (test/bench, workload 2).
 */
export const relationsReadWith = (complaint: Complaint): PageRelations | undefined => pageRelations.get(complaint);

function prime(dataSource: DataSource, loaders: Loaders, complaints: Complaint[], row: Partial<Record<Relation, ObjectLiteral[]>>, fields: Set<string>): void {
  const index = <T extends { id: string }>(rows: ObjectLiteral[] | undefined, hydrate: (json: ObjectLiteral) => T, loader: DataLoader<string, T | null>) => {
    const byId = new Map<string, T>();
    for (const json of rows ?? []) {
      const entity = hydrate(json);
      byId.set(entity.id, entity);
      loader.prime(entity.id, entity);
    }
    return byId;
  };
  const staff = index(row.staff, jsonHydrator(dataSource, Staff), loaders.staff);
  const units = index(row.units, jsonHydrator(dataSource, Unit), loaders.unit);
  const complainants = index(row.complainants, jsonHydrator(dataSource, Complainant), loaders.complainant);
  const categories = index(row.categories, jsonHydrator(dataSource, Category), loaders.category);
  const policies = index(row.policies, jsonHydrator(dataSource, Policy), loaders.policy);
  const deadlines = new Map<string, Deadline[]>(row.deadlines ? complaints.map((complaint) => [complaint.id, []]) : []);
  const deadline = jsonHydrator(dataSource, Deadline);
  for (const json of row.deadlines ?? []) {
    const entity = deadline(json);
    deadlines.get(entity.complaintId)?.push(entity);
  }
  for (const [id, list] of deadlines) loaders.deadlinesOfComplaint.prime(id, list);

  const one = <T>(read: Map<string, T>, field: string, id: string | null) => (fields.has(field) ? (id ? (read.get(id) ?? undefined) : null) : undefined);
  for (const complaint of complaints) {
    pageRelations.set(complaint, {
      handler: one(staff, 'handler', complaint.handlerId),
      registeredBy: one(staff, 'registeredBy', complaint.registeredById),
      forwardedTo: one(staff, 'forwardedTo', complaint.forwardedToId),
      subjects: fields.has('subjects') ? complaint.subjectStaffIds.flatMap((id) => staff.get(id) ?? []) : undefined,
      unit: one(units, 'unit', complaint.unitId),
      complainant: one(complainants, 'complainant', complaint.complainantId),
      category: one(categories, 'category', complaint.categoryId),
      policy: one(policies, 'policy', complaint.policyId),
      deadlines: deadlines.get(complaint.id),
    });
  }
}
