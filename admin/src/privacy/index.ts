import { createElement } from 'react';
import { lazyView } from '../layout/lazy-view';
import type { SchemaResourceOptions } from '../schema/schema-resources';

export { privacySelections } from './privacy-api';

const PrivacyRequestList = lazyView(() => import('./PrivacyRequestList').then((module) => module.PrivacyRequestList));
const PrivacyRequestShow = lazyView(() => import('./PrivacyRequestShow').then((module) => module.PrivacyRequestShow));
const PrivacyRequestCreate = lazyView(() => import('./PrivacyRequestCreate').then((module) => module.PrivacyRequestCreate));
const RetentionLedgerList = lazyView(() => import('./RetentionLedgerList').then((module) => module.RetentionLedgerList));

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
