import { createElement } from 'react';
import { graphql } from '../gql';
import type { SelectionOverrides } from '../providers/build-query';
import { selectionOf } from '../providers/selection';
import type { SchemaResourceOptions } from '../schema/schema-views';
import { HearingList } from './HearingList';

/** A row of the agenda: the hearing and the complaint it belongs to, in one hearingList request. */
export const HEARING_ROW = graphql(`
  fragment HearingRow on Hearing {
    id
    status
    scheduledAt
    form
    location
    heldAt
    rescheduleReason
    chair {
      id
      name
    }
    complaint {
      id
      reference
      status
      description
      complainant {
        id
        name
      }
      unit {
        id
        name
      }
    }
  }
`);

export const hearingSelections: SelectionOverrides = { Hearing: { list: selectionOf(HEARING_ROW) } };

/** Hearings have no page of their own (no `hearing(id)`): a row links to its complaint. */
export const hearingViews: NonNullable<SchemaResourceOptions['views']> = {
  Hearing: { list: createElement(HearingList), show: null, edit: null, create: null },
};
