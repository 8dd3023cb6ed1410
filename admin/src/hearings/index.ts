import { createElement } from 'react';
import { graphql } from '../gql';
import { lazyView } from '../layout/lazy-view';
import type { SelectionOverrides } from '../providers/build-query';
import { selectionOf } from '../providers/selection';
import type { SchemaResourceOptions } from '../schema/schema-resources';

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

const HearingList = lazyView(() => import('./HearingList').then((module) => module.HearingList));

export const hearingSelections: SelectionOverrides = { Hearing: { list: selectionOf(HEARING_ROW) } };

/** Hearings have no page of their own (no `hearing(id)`): a row links to its complaint. */
export const hearingViews: NonNullable<SchemaResourceOptions['views']> = {
  Hearing: { list: createElement(HearingList), show: null, edit: null, create: null },
};
