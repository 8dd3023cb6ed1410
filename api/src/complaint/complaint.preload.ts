import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { Category } from '../category/category.entity';
import type { Loaders } from '../loaders';
import { Policy } from '../policy/policy.entity';
import { Staff } from '../staff/staff.entity';
import { Unit } from '../unit/unit.entity';
import { Complainant } from './complainant.entity';
import type { Complaint } from './complaint.entity';
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

/**
 * A page of complaints costs one statement more, not one per relation: the related rows the query
 * asks for come back as JSON in a single SELECT and prime the request's DataLoaders, so the field
 * resolvers find them there. (The loaders stay the one path; this only fills them ahead.)
 */
export async function preloadComplaintRelations(dataSource: DataSource, loaders: Loaders, complaints: Complaint[], fields: Set<string>): Promise<void> {
  if (complaints.length === 0) return;
  const distinct = (values: Array<string | null | undefined>) => [...new Set(values.filter((value): value is string => Boolean(value)))];
  const staffIds = distinct([
    ...(fields.has('handler') ? complaints.map((c) => c.handlerId) : []),
    ...(fields.has('registeredBy') ? complaints.map((c) => c.registeredById) : []),
    ...(fields.has('forwardedTo') ? complaints.map((c) => c.forwardedToId) : []),
    ...(fields.has('subjects') ? complaints.flatMap((c) => c.subjectStaffIds) : []),
  ]);
  const wanted = {
    staff: staffIds,
    units: fields.has('unit') ? distinct(complaints.map((c) => c.unitId)) : [],
    complainants: fields.has('complainant') ? distinct(complaints.map((c) => c.complainantId)) : [],
    categories: fields.has('category') ? distinct(complaints.map((c) => c.categoryId)) : [],
    policies: fields.has('policy') ? distinct(complaints.map((c) => c.policyId)) : [],
    deadlines: fields.has('deadlines') ? complaints.map((c) => c.id) : [],
  };
  if (Object.values(wanted).every((ids) => ids.length === 0)) return;

  const [row] = (await dataSource.query(
    `SELECT
       (SELECT coalesce(json_agg(to_jsonb(s) - 'password_hash'), '[]') FROM staff s WHERE s.id = ANY($1::uuid[])) AS staff,
       (SELECT coalesce(json_agg(u), '[]') FROM organisational_unit u WHERE u.id = ANY($2::uuid[])) AS units,
       (SELECT coalesce(json_agg(p), '[]') FROM complainant p WHERE p.id = ANY($3::uuid[])) AS complainants,
       (SELECT coalesce(json_agg(c), '[]') FROM category c WHERE c.id = ANY($4::uuid[])) AS categories,
       (SELECT coalesce(json_agg(p), '[]') FROM policy p WHERE p.id = ANY($5::uuid[])) AS policies,
       (SELECT coalesce(json_agg(d ORDER BY d.due_at, d.kind), '[]') FROM deadline d WHERE d.complaint_id = ANY($6::uuid[])) AS deadlines`,
    [wanted.staff, wanted.units, wanted.complainants, wanted.categories, wanted.policies, wanted.deadlines],
  )) as Array<Record<keyof typeof wanted, ObjectLiteral[]>>;

  /** A row as PostgreSQL's JSON gives it (column names, timestamps as text) → an entity, as TypeORM would hydrate it. */
  const hydrate = <T extends ObjectLiteral>(entity: EntityTarget<T>, json: ObjectLiteral): T => {
    const metadata = dataSource.getMetadata(entity);
    const instance = metadata.create() as T;
    for (const column of metadata.columns) {
      if (!(column.databaseName in json)) continue;
      const value = json[column.databaseName];
      const prepared =
        value === null
          ? null
          : dataSource.driver.prepareHydratedValue(
              column.type === 'timestamptz' || column.type === 'timestamp with time zone' ? new Date(value as string) : value,
              column,
            );
      (instance as ObjectLiteral)[column.propertyName] = prepared;
    }
    return instance;
  };

  for (const json of row.staff) loaders.staff.prime(json.id, hydrate(Staff, json));
  for (const json of row.units) loaders.unit.prime(json.id, hydrate(Unit, json));
  for (const json of row.complainants) loaders.complainant.prime(json.id, hydrate(Complainant, json));
  for (const json of row.categories) loaders.category.prime(json.id, hydrate(Category, json));
  for (const json of row.policies) loaders.policy.prime(json.id, hydrate(Policy, json));
  if (wanted.deadlines.length) {
    const byComplaint = new Map<string, Deadline[]>(wanted.deadlines.map((id) => [id, []]));
    for (const json of row.deadlines) byComplaint.get(json.complaint_id as string)?.push(hydrate(Deadline, json));
    for (const [id, deadlines] of byComplaint) loaders.deadlinesOfComplaint.prime(id, deadlines);
  }
}
