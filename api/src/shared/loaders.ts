import DataLoader from 'dataloader';
import { In, type DataSource, type EntityTarget, type FindOptionsOrder, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';

/** One SELECT … WHERE id IN (…) per request tick, whatever number of rows ask. */
export function byIdLoader<T extends ObjectLiteral & { id: string }>(dataSource: DataSource, entity: EntityTarget<T>): DataLoader<string, T | null> {
  return new DataLoader(async (ids: readonly string[]) => {
    const rows = await dataSource.getRepository(entity).findBy({ id: In([...ids]) } as FindOptionsWhere<T>);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** The rows of a child table per parent id, in one SELECT … WHERE parent IN (…). */
export function childrenLoader<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  parentKey: keyof T & string,
  order: FindOptionsOrder<T>,
): DataLoader<string, T[]> {
  return new DataLoader(async (parentIds: readonly string[]) => {
    const rows = await dataSource.getRepository(entity).find({ where: { [parentKey]: In([...parentIds]) } as FindOptionsWhere<T>, order });
    const grouped = new Map<string, T[]>(parentIds.map((id) => [id, []]));
    for (const row of rows) grouped.get(row[parentKey] as string)?.push(row);
    return parentIds.map((id) => grouped.get(id) ?? []);
  });
}
