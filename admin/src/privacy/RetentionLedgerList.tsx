import { DataTable, Link, List, ReferenceField, SelectInput, TextField, useCreatePath, useTranslate } from 'react-admin';
import type { MouseEvent } from 'react';
import { useEnumLabel } from '../complaints/chips';
import { enumChoices } from '../complaints/choices';
import { formatCount, formatDateTime } from '../complaints/format';
import { removedDataLabel } from '../i18n/domain-labels';
import { ComplaintLink } from '../layout/list-parts';
import type { LedgerRow } from './privacy-api';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{ letter: 2, complainant: { name: 1 } }` → [['letter', 2], ['complainant', 1]]: a count per table (columns added up). */
const countsOf = (removed: Record<string, unknown>): Array<[string, number]> =>
  Object.entries(removed).flatMap(([table, value]): Array<[string, number]> => {
    if (typeof value === 'number') return [[table, value]];
    if (isRecord(value)) {
      const total = Object.values(value).reduce<number>((sum, count) => sum + (typeof count === 'number' ? count : 0), 0);
      return [[table, total]];
    }
    return [];
  });

/** What was removed, in the panel's language: "gegevens van de klager (1), brieven (2), bijlagen (1)" (nothing of what it was). */
export const removedText = (removed: Record<string, unknown> | null | undefined): string =>
  countsOf(removed ?? {})
    .filter(([, count]) => count > 0)
    .map(([table, count]) => `${removedDataLabel(table)} (${formatCount(count)})`)
    .join(', ');

const RuleText = ({ entry }: { entry: LedgerRow }) => {
  const label = useEnumLabel();
  const createPath = useCreatePath();
  const translate = useTranslate();
  const rule = label('RemovalRule', entry.rule);
  if (entry.rule === 'RETENTION' && entry.retentionMonths) return <>{translate('app.ledger.retentionRule', { rule, smart_count: entry.retentionMonths })}</>;
  if (entry.privacyRequestId) {
    return (
      <Link to={createPath({ resource: 'PrivacyRequest', id: entry.privacyRequestId, type: 'show' })} onClick={(event: MouseEvent) => event.stopPropagation()}>
        {rule}
      </Link>
    );
  }
  return <>{rule}</>;
};

const filters = [<SelectInput key="rule" source="rule" label="app.ledger.rule" choices={enumChoices('RemovalRule')} alwaysOn />];

const RemovedText = ({ entry }: { entry: LedgerRow }) => <>{removedText(entry.removed)}</>;

const Col = DataTable.Col<LedgerRow>;

/**
 * Verwijderlogboek (read-only): per dossier when its personal data went and under which rule — the
 * retention period or a complainant's request — with how many values were removed, never what they were.
 */
export const RetentionLedgerList = () => (
  <List title="app.ledger.title" filters={filters} sort={{ field: 'at', order: 'DESC' }} perPage={25} exporter={false} actions={false} empty={false}>
    <DataTable<LedgerRow> rowClick={false} bulkActionButtons={false}>
      <Col source="at" label="app.ledger.date" disableSort render={(entry) => formatDateTime(entry.at)} />
      <Col
        source="reference"
        label="app.ledger.reference"
        disableSort
        render={(entry) => <ComplaintLink complaint={{ id: entry.complaintId, reference: entry.reference }} />}
      />
      <Col source="rule" label="app.ledger.rule" disableSort render={(entry) => <RuleText entry={entry} />} />
      <Col source="removed" label="app.ledger.removed" disableSort render={(entry) => <RemovedText entry={entry} />} />
      <Col source="eventsRedacted" label="app.ledger.eventsRedacted" disableSort render={(entry) => formatCount(entry.eventsRedacted)} />
      <Col source="actorId" label="app.ledger.by" disableSort>
        {/* the erasures' staff in one staffList(filter: { ids }); none: the nightly retention run */}
        <ReferenceField source="actorId" reference="Staff" link={false} emptyText="app.ledger.nightly">
          <TextField source="name" />
        </ReferenceField>
      </Col>
    </DataTable>
  </List>
);
