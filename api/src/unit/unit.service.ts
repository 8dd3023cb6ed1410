import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import type { Caller } from '../shared/caller';
import { whereEquals, whereIds, whereText } from '../shared/list-query';
import type { Page } from '../shared/pagination';
import { ReferenceData } from '../shared/reference-data';
import { Unit } from './unit.entity';
import type { CreateUnitInput, UnitListArgs, UpdateUnitInput } from './unit.input';

/** Organisational units (regions), each with its director and optionally its own policy. */
export class UnitService extends ReferenceData<Unit> {
  constructor(dataSource: DataSource, audit: AuditService) {
    super(dataSource, audit, Unit, { label: 'unit', auditName: 'Unit' });
  }

  create(caller: Caller, input: CreateUnitInput): Promise<Unit> {
    return this.insertRow(caller, input);
  }

  update(caller: Caller, id: string, version: number, input: UpdateUnitInput): Promise<Unit> {
    return this.updateRow(caller, id, version, input);
  }

  list(args: UnitListArgs): Promise<Page<Unit>> {
    const { filter } = args;
    return this.page(args, 'unit', args.sortField, (query) => {
      whereText(query, ['unit.name', 'unit.code'], filter?.q);
      whereEquals(query, { 'unit.active': filter?.active });
      whereIds(query, 'unit.id', filter?.ids);
    });
  }
}
