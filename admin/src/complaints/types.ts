import type { ComplaintRecordFragment, ComplaintRowFragment, DeadlineRowFragment } from '../gql/graphql';

/**
 * The shapes the complaint views read: generated from the fragments in complaint-api.ts (and so from the
 * schema). A field the API drops or renames breaks the typecheck of every view that reads it.
 */
export interface Named {
  id: string;
  name: string;
}

/** The complaint page, and what every step answers with. */
export type ComplaintRecord = ComplaintRecordFragment;
/** A row of the Klachten list. */
export type ComplaintRow = ComplaintRowFragment;
/** A row of the Termijnen list. */
export type DeadlineRecord = DeadlineRowFragment;

export type DeadlineRow = ComplaintRecord['deadlines'][number];
export type ContactMomentRow = ComplaintRecord['contactMoments'][number];
export type ComplaintEventRow = ComplaintRecord['history'][number];
export type ObjectionRow = NonNullable<ComplaintRecord['objection']>;
export type HearingRow = ComplaintRecord['hearings'][number];
export type ReferralRow = ComplaintRecord['referrals'][number];
export type ExternalPartyRef = ReferralRow['party'];
export type Complainant = ComplaintRecord['complainant'];
export type AttachmentRow = ComplaintRecord['attachments'][number];
