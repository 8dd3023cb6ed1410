import { graphql } from '../gql';
import type { PrivacyLedgerRowFragment, PrivacyRequestRecordFragment, PrivacyRequestRowFragment } from '../gql/graphql';
import type { SelectionOverrides } from '../providers/build-query';
import { selectionOf } from '../providers/selection';

/**
 * Privacy (AVG): a complainant's access and erasure requests and the retention ledger — what the pages
 * select (one round trip each) and the operation behind "Verwijderen uitvoeren". Recording a request is the
 * resource's create (`recordPrivacyRequest`); the ZIP of an access request is a file route (exportPath).
 */

/** A row of Privacyverzoeken: without the dossiers, which are looked up per request (the page has them). */
export const PRIVACY_REQUEST_ROW = graphql(`
  fragment PrivacyRequestRow on PrivacyRequest {
    id
    version
    kind
    status
    complaintId
    receivedAt
    dueAt
    carriedOutAt
    createdAt
    recordedBy {
      id
      name
    }
    carriedOutBy {
      id
      name
    }
  }
`);

/**
 * The request's page: the complaints it covers (complaintIds, proposed by identity at recording, correctable while
 * RECORDED) as dossiers, each with what removal takes or what keeps it.
 */
export const PRIVACY_REQUEST_RECORD = graphql(`
  fragment PrivacyRequestRecord on PrivacyRequest {
    ...PrivacyRequestRow
    exportPath
    complaintIds
    dossiers {
      complaintId
      reference
      status
      receivedAt
      anonymisedAt
      keep
      letters
      attachments
      contactMoments
      events
    }
  }
`);

/** A row of the Verwijderlogboek: counts only, never the removed data. */
export const PRIVACY_LEDGER_ROW = graphql(`
  fragment PrivacyLedgerRow on RetentionLedgerEntry {
    id
    complaintId
    reference
    at
    rule
    retentionMonths
    privacyRequestId
    actorId
    removed
    eventsRedacted
  }
`);

export const CARRY_OUT_ERASURE = graphql(`
  mutation CarryOutErasure($id: ID!, $version: Int!) {
    carryOutErasure(id: $id, version: $version) {
      request {
        ...PrivacyRequestRecord
      }
      dossiers {
        complaintId
        reference
        keep
        anonymisedAt
      }
    }
  }
`);

/**
 * "Uit verzoek halen" / "Klacht toevoegen" (RECORDED only): the list sent becomes the complaints the request covers;
 * the API keeps the one it was made through.
 */
export const SET_PRIVACY_REQUEST_DOSSIERS = graphql(`
  mutation SetPrivacyRequestDossiers($id: ID!, $version: Int!, $complaintIds: [ID!]!) {
    setPrivacyRequestDossiers(id: $id, version: $version, complaintIds: $complaintIds) {
      ...PrivacyRequestRecord
    }
  }
`);

export const privacySelections: SelectionOverrides = {
  PrivacyRequest: { list: selectionOf(PRIVACY_REQUEST_ROW), record: selectionOf(PRIVACY_REQUEST_RECORD) },
  RetentionLedgerEntry: { list: selectionOf(PRIVACY_LEDGER_ROW) },
};

export type PrivacyRequestRow = PrivacyRequestRowFragment;
export type PrivacyRequestRecord = PrivacyRequestRecordFragment;
export type DossierRow = PrivacyRequestRecord['dossiers'][number];
export type LedgerRow = PrivacyLedgerRowFragment;
