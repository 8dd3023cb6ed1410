import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import type { Caller } from '../shared/caller';
import { whereEquals, whereIds, whereText } from '../shared/list-query';
import type { Page } from '../shared/pagination';
import { ReferenceData } from '../shared/reference-data';
import { ExternalParty } from './external-party.entity';
import type { CreateExternalPartyInput, ExternalPartyListArgs, UpdateExternalPartyInput } from './external-party.input';

/** The directory of external parties (mediators, the Nationale ombudsman, ...), kept by ADMIN. */
export class ExternalPartyService extends ReferenceData<ExternalParty> {
  constructor(dataSource: DataSource, audit: AuditService) {
    super(dataSource, audit, ExternalParty, { label: 'external party', auditName: 'ExternalParty' });
  }

  create(caller: Caller, input: CreateExternalPartyInput): Promise<ExternalParty> {
    return this.insertRow(caller, input);
  }

  update(caller: Caller, id: string, version: number, input: UpdateExternalPartyInput): Promise<ExternalParty> {
    return this.updateRow(caller, id, version, input);
  }

  list(args: ExternalPartyListArgs): Promise<Page<ExternalParty>> {
    const { filter } = args;
    return this.page(args, 'party', args.sortField, (query) => {
      whereText(query, ['party.name'], filter?.q);
      whereEquals(query, { 'party.kind': filter?.kind, 'party.active': filter?.active });
      whereIds(query, 'party.id', filter?.ids);
    });
  }
}
