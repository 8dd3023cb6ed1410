import { createElement } from 'react';
import type { SchemaResourceOptions } from '../schema/schema-views';
import { PrivacyRequestCreate } from './PrivacyRequestCreate';
import { PrivacyRequestList } from './PrivacyRequestList';
import { PrivacyRequestShow } from './PrivacyRequestShow';
import { RetentionLedgerList } from './RetentionLedgerList';

export { privacySelections } from './privacy-api';

/**
 * Privacy (the PRIVACY permission: QUALITY_MANAGER, DIRECTOR): Privacyverzoeken — recorded through a
 * complaint, a page per request with its dossiers, carried out there — and the Verwijderlogboek, read-only.
 */
export const privacyViews: NonNullable<SchemaResourceOptions['views']> = {
  PrivacyRequest: {
    list: createElement(PrivacyRequestList),
    show: createElement(PrivacyRequestShow),
    create: createElement(PrivacyRequestCreate),
    // nothing to edit: a request is carried out, not changed
    edit: null,
  },
  // no `retentionLedgerEntry(id)`: the rows say all there is
  RetentionLedgerEntry: { list: createElement(RetentionLedgerList), show: null, edit: null, create: null, recordRepresentation: 'reference' },
};
