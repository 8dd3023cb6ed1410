import type { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import { NotFoundError, StaleVersionError } from './errors';

/**
 * The row to change, locked until the transaction ends, and only when the caller read the version it
 * has now: two people editing the same record cannot both win (STALE_VERSION for the second).
 */
export async function lockVersion<T extends { id: string; version: number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  version: number,
  label: string,
): Promise<T> {
  const row = await manager.getRepository(entity).findOne({ where: { id } as FindOptionsWhere<T>, lock: { mode: 'pessimistic_write' } });
  if (!row) throw new NotFoundError(label, id);
  if (row.version !== version) throw new StaleVersionError(`${label[0].toUpperCase()}${label.slice(1)} ${id}`, version, row.version);
  return row;
}
