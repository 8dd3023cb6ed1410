import { createElement } from 'react';
import type { SelectionOverrides } from '../providers/build-query';
import type { SchemaResourceOptions } from '../schema/schema-views';
import { HearingList } from './HearingList';

const NAMED = '{ id name }';

/** A row of the agenda: the hearing and the complaint it belongs to, in one hearingList request. */
const HEARING_ROW = `id status scheduledAt form location heldAt rescheduleReason chair ${NAMED}
  complaint { id reference status complainant { id name } unit ${NAMED} }`;

export const hearingSelections: SelectionOverrides = { Hearing: { list: HEARING_ROW } };

/** Hearings have no page of their own (no `hearing(id)`): a row links to its complaint. */
export const hearingViews: NonNullable<SchemaResourceOptions['views']> = {
  Hearing: { list: createElement(HearingList), show: null, edit: null, create: null },
};
