import { createElement } from 'react';
import { graphql } from '../gql';
import { lazyView } from '../layout/lazy-view';
import type { SelectionOverrides } from '../providers/build-query';
import { selectionOf } from '../providers/selection';
import type { SchemaResourceOptions } from '../schema/schema-resources';

/** A row of Doorverwijzingen: the referral, its party and its complaint, in one request. */
export const REFERRAL_ROW = graphql(`
  fragment ReferralRow on Referral {
    id
    referredAt
    reason
    whatSent
    binding
    outcome
    outcomeDate
    outcomeRecordedAt
    referredBy {
      id
      name
    }
    party {
      id
      name
      kind
      binding
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
    }
  }
`);

const ReferralList = lazyView(() => import('./ReferralList').then((module) => module.ReferralList));
const ExternalPartyCreate = lazyView(() => import('./ExternalPartyForms').then((module) => module.ExternalPartyCreate));
const ExternalPartyEdit = lazyView(() => import('./ExternalPartyForms').then((module) => module.ExternalPartyEdit));

export const referralSelections: SelectionOverrides = { Referral: { list: selectionOf(REFERRAL_ROW) } };

export const referralViews: NonNullable<SchemaResourceOptions['views']> = {
  // no `referral(id)`: a row opens its complaint
  Referral: { list: createElement(ReferralList), show: null, edit: null, create: null },
};

/** ADMIN keeps the external parties: generic list and show; the forms tick "binding" as a statement. */
export const externalPartyAdminViews: NonNullable<SchemaResourceOptions['views']> = {
  ExternalParty: { create: createElement(ExternalPartyCreate), edit: createElement(ExternalPartyEdit) },
};
