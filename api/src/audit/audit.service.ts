import type { DataSource, EntityManager } from 'typeorm';
import type { Caller } from '../shared/caller';
import { pageOf, whereEquals } from '../shared/list-query';
import type { Page } from '../shared/pagination';
import { AuditAction, AuditEvent } from './audit-event.entity';
import type { AuditEventListArgs } from './audit.input';

/** Fields whose values never go into the audit trail: that they changed is enough. */
const SECRET_FIELDS = new Set(['password', 'passwordHash', 'tokenHash', 'sessionVersion']);
/** Bookkeeping every change touches. */
const IGNORED_FIELDS = new Set(['version', 'updatedAt', 'createdAt']);

type Values = Record<string, unknown>;

const comparable = (value: unknown) => JSON.stringify(value instanceof Date ? value.toISOString() : (value ?? null));
const shown = (field: string, value: unknown) => (SECRET_FIELDS.has(field) ? '(changed)' : value instanceof Date ? value.toISOString() : (value ?? null));

/** What changed between two states of a record: { field: { from, to } }, secrets masked. */
export function changesBetween(before: object, after: object): Values {
  const was = before as Values;
  const now = after as Values;
  const changes: Values = {};
  for (const field of Object.keys(now)) {
    if (IGNORED_FIELDS.has(field) || now[field] === undefined || comparable(was[field]) === comparable(now[field])) continue;
    changes[field] = SECRET_FIELDS.has(field) ? '(changed)' : { from: shown(field, was[field]), to: shown(field, now[field]) };
  }
  return changes;
}

/** The values of a new record, secrets masked. */
export function createdValues(values: object): Values {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([field, value]) => value !== undefined && !IGNORED_FIELDS.has(field))
      .map(([field, value]) => [field, shown(field, value)]),
  );
}

/**
 * The audit trail of the set-up: `record` writes one event in the caller's transaction (so a change and
 * its record commit together); ADMIN reads it per record or per actor.
 */
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, actor: Caller | null, entity: string, entityId: string, action: AuditAction, changes: Values): Promise<void> {
    if (action === AuditAction.UPDATED && Object.keys(changes).length === 0) return;
    const events = manager.getRepository(AuditEvent);
    await events.save(events.create({ actorId: actor && !actor.tokenScope ? actor.id : null, entity, entityId, action, changes }));
  }

  list(args: AuditEventListArgs): Promise<Page<AuditEvent>> {
    const query = this.dataSource.getRepository(AuditEvent).createQueryBuilder('audit');
    const filter = args.filter ?? {};
    whereEquals(query, { 'audit.entity': filter.entity, 'audit.entity_id': filter.entityId, 'audit.actor_id': filter.actorId });
    return pageOf(query, args, 'audit.at', args.sortOrder, 'audit.id');
  }
}
