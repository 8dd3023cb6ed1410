import type { DataSource } from 'typeorm';
import type { Page } from '../shared/pagination';
import { ReferenceData } from '../shared/reference-data';
import { escapeLike } from '../shared/list-query';
import { Unit } from './unit.entity';
import type { UnitListArgs } from './unit.resolver';

export class UnitService extends ReferenceData<Unit> {
  constructor(dataSource: DataSource) {
    super(dataSource, Unit, 'unit');
  }

  list(args: UnitListArgs): Promise<Page<Unit>> {
    const { filter } = args;
    return this.page(args, 'unit', args.sortField, (query) => {
      if (filter?.q) query.andWhere('(unit.name ILIKE :q OR unit.code ILIKE :q)', { q: `%${escapeLike(filter.q)}%` });
      if (filter?.active != null) query.andWhere('unit.active = :active', { active: filter.active });
      if (filter?.ids) query.andWhere('unit.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : [null] });
    });
  }
}
