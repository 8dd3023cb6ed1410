import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { NotFoundError, UserInputError } from './errors';
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

/**
 * Insert and update for the small tables ADMIN keeps (units, categories, policies, closed days):
 * a duplicate key becomes a field error, a missing row NOT_FOUND.
 */
export class ReferenceData<T extends ObjectLiteral> {
  constructor(
    protected readonly dataSource: DataSource,
    private readonly entity: EntityTarget<T>,
    private readonly label: string,
    private readonly key: keyof T & string = 'id',
  ) {}

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
      throw new UserInputError(`Another ${this.label} already has this ${field}.`, { [field]: 'is already in use' }, 'DUPLICATE_KEY');
    }
    const foreignKey = foreignKeyViolation(error);
    if (foreignKey && REFERENCE_FIELDS[foreignKey]) {
      const field = REFERENCE_FIELDS[foreignKey];
      throw new UserInputError(`${field} names something that does not exist.`, { [field]: 'does not exist' }, 'UNKNOWN_REFERENCE');
    }
    throw error;
  }

  async get(id: string): Promise<T> {
    const row = await this.dataSource.getRepository(this.entity).findOneBy({ [this.key]: id } as never);
    if (!row) throw new NotFoundError(this.label, id);
    return row;
  }

  /** Always an INSERT: save() would turn an existing key the caller chose (a calendar date) into an UPDATE. */
  async create(values: Partial<T>): Promise<T> {
    const repository = this.dataSource.getRepository(this.entity);
    try {
      const { identifiers } = await repository.insert(repository.create(values as never) as never);
      return await repository.findOneByOrFail(identifiers[0] as never);
    } catch (error) {
      return this.translate(error);
    }
  }

  /** Changes a row the caller read at `version` (STALE_VERSION when someone changed it since). */
  async update(id: string, version: number, values: Partial<T>): Promise<T> {
    const changes = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
    try {
      return await this.dataSource.transaction(async (manager) => {
        const row = await lockVersion(manager, this.entity as EntityTarget<T & { id: string; version: number }>, id, version, this.label);
        return manager.getRepository(this.entity).save({ ...row, ...changes } as T);
      });
    } catch (error) {
      return this.translate(error);
    }
  }
}
