import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AuditAction } from '../audit/audit-event.entity';
import { changesBetween, createdValues, type AuditService } from '../audit/audit.service';
import type { Caller } from './caller';
import { FieldCode, NotFoundError, problem, UserInputError } from './errors';
import { pageOf } from './list-query';
import type { Page, PageArgs } from './pagination';
import { lockVersion } from './optimistic-lock';
import { foreignKeyViolation, uniqueViolation } from './postgres-errors';

/** Unique constraints of reference data → the input field that collided. */
const UNIQUE_FIELDS: Record<string, string> = {
  organisational_unit_code_key: 'code',
  category_key_key: 'key',
  policy_key_key: 'key',
  external_party_name_key: 'name',
  PK_calendar_day: 'date',
};

/** Foreign keys of reference data → the input field that named a row that does not exist. */
const REFERENCE_FIELDS: Record<string, string> = {
  organisational_unit_director_fk: 'directorId',
  organisational_unit_policy_fk: 'policyId',
};

export interface ReferenceDataOptions<T> {
  /** How a message names one ("unit", "closing day"). */
  label: string;
  /** How the audit trail names the kind of record (the GraphQL type: Unit, CalendarDay). */
  auditName: string;
  /** The key column (`id`, or `date` for closing days). */
  key?: keyof T & string;
}

/**
 * Reading and changing the small tables ADMIN keeps (units, categories, policies, closing days, external
 * parties): a page in one statement; create and update attributed to the caller in the audit trail, in
 * the same transaction; a duplicate key a field error, a missing row NOT_FOUND, a stale version STALE_VERSION.
 * A feature's service offers `create(caller, input)` and `update(caller, id, version, input)` in terms of
 * its own inputs, through insertRow and updateRow.
 */
export class ReferenceData<T extends ObjectLiteral> {
  protected readonly label: string;
  private readonly auditName: string;
  private readonly key: keyof T & string;

  constructor(
    protected readonly dataSource: DataSource,
    protected readonly audit: AuditService,
    private readonly entity: EntityTarget<T>,
    options: ReferenceDataOptions<T>,
  ) {
    this.label = options.label;
    this.auditName = options.auditName;
    this.key = options.key ?? ('id' as keyof T & string);
  }

  /** A page of rows, `filter` narrowing the query aliased `alias`; one statement. */
  protected page(args: PageArgs, alias: string, sortColumn: string, filter: (query: SelectQueryBuilder<T>) => void): Promise<Page<T>> {
    const query = this.dataSource.getRepository(this.entity).createQueryBuilder(alias);
    filter(query);
    return pageOf(query, args, `${alias}.${sortColumn}`, args.sortOrder, `${alias}.${this.key}`);
  }

  private translate(error: unknown): never {
    const constraint = uniqueViolation(error);
    if (constraint && UNIQUE_FIELDS[constraint]) {
      const field = UNIQUE_FIELDS[constraint];
      throw new UserInputError(
        `Another ${this.label} already has this ${field}.`,
        { [field]: problem(FieldCode.ALREADY_IN_USE, 'is already in use') },
        'DUPLICATE_KEY',
      );
    }
    const foreignKey = foreignKeyViolation(error);
    if (foreignKey && REFERENCE_FIELDS[foreignKey]) {
      const field = REFERENCE_FIELDS[foreignKey];
      throw new UserInputError(
        `${field} names something that does not exist.`,
        { [field]: problem(FieldCode.DOES_NOT_EXIST, 'does not exist') },
        'UNKNOWN_REFERENCE',
      );
    }
    throw error;
  }

  async get(id: string): Promise<T> {
    const row = await this.dataSource.getRepository(this.entity).findOneBy({ [this.key]: id } as never);
    if (!row) throw new NotFoundError(this.label, id);
    return row;
  }

  /** Always an INSERT: save() would turn an existing key the caller chose (a calendar date) into an UPDATE. */
  protected async insertRow(caller: Caller, values: Partial<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const repository = manager.getRepository(this.entity);
        const { identifiers } = await repository.insert(repository.create(values as never) as never);
        const row = await repository.findOneByOrFail(identifiers[0] as never);
        await this.audit.record(manager, caller, this.auditName, String(row[this.key]), AuditAction.CREATED, createdValues(values));
        return row;
      });
    } catch (error) {
      return this.translate(error);
    }
  }

  /** Changes a row the caller read at `version` (STALE_VERSION when someone changed it since). */
  protected async updateRow(caller: Caller, id: string, version: number, values: Partial<T>): Promise<T> {
    const changes = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
    try {
      return await this.dataSource.transaction(async (manager) => {
        const row = await lockVersion(manager, this.entity as EntityTarget<T & { id: string; version: number }>, id, version, this.label);
        const saved = await manager.getRepository(this.entity).save({ ...row, ...changes } as T);
        await this.audit.record(manager, caller, this.auditName, id, AuditAction.UPDATED, changesBetween(row, changes));
        return saved;
      });
    } catch (error) {
      return this.translate(error);
    }
  }

  /** Removes a row (closing days only: everything else is deactivated, never deleted). */
  protected removeRow(caller: Caller, id: string): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.getRepository(this.entity).findOneBy({ [this.key]: id } as never);
      // No row lock (the request role may not UPDATE closing days): a delete that found nothing is NOT_FOUND.
      const { affected } = row ? await manager.getRepository(this.entity).delete({ [this.key]: id } as never) : { affected: 0 };
      if (!row || !affected) throw new NotFoundError(this.label, id);
      await this.audit.record(manager, caller, this.auditName, id, AuditAction.DELETED, createdValues(row));
      return row;
    });
  }
}
