import type { RaRecord } from 'react-admin';

/** The shapes the complaint views read; they match the selections in complaint-api.ts. */

export interface Named {
  id: string;
  name: string;
}

export interface DeadlineRow {
  id: string;
  kind: string;
  /** YYYY-MM-DD, Europe/Amsterdam */
  dueDate: string;
  dueAt: string;
  status: 'PENDING' | 'MET' | 'BREACHED' | string;
  metAt?: string | null;
  late?: boolean;
}

export interface ContactMomentRow {
  id: string;
  kind: string;
  channel: string;
  contactedAt: string;
  summary?: string | null;
  by?: Named | null;
}

export interface ComplaintEventRow {
  id: string;
  type: string;
  at: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  data?: Record<string, unknown> | null;
  actor?: Named | null;
}

/** The complainant's objection to the response (step 7) and the director's decision on it. */
export interface ObjectionRow {
  id: string;
  receivedAt: string;
  channel: string;
  grounds: string;
  late: boolean;
  lateAcceptanceReason?: string | null;
  lateAcceptedById?: string | null;
  director?: Named | null;
  hearingWaivedAt?: string | null;
  waiverNote?: string | null;
  settledAt?: string | null;
  outcome?: string | null;
  reasoning?: string | null;
  furtherOptions?: string | null;
  decidedAt?: string | null;
  decidedBy?: Named | null;
}

/** A hearing on the objection (step 8); a rescheduled one stays, with status RESCHEDULED. */
export interface HearingRow {
  id: string;
  status: 'SCHEDULED' | 'HELD' | 'RESCHEDULED' | string;
  scheduledAt: string;
  form: string;
  location?: string | null;
  chair: Named;
  handlerAttends: boolean;
  subjectEmployeeAttends: boolean;
  complainantConsents: boolean;
  employeeConsents: boolean;
  rescheduledFromId?: string | null;
  rescheduleReason?: string | null;
  heldAt?: string | null;
  heldForm?: string | null;
  minutes?: string | null;
  proposal?: string | null;
  settlementTerms?: string | null;
  complainantAgreedAt?: string | null;
  organisationAgreedAt?: string | null;
  organisationAgreedBy?: Named | null;
  settledAt?: string | null;
}

export interface ExternalPartyRef extends Named {
  kind: string;
  binding: boolean;
}

/** A referral to an external party (step 9). */
export interface ReferralRow {
  id: string;
  referredAt: string;
  referredBy?: Named | null;
  party: ExternalPartyRef;
  binding: boolean;
  reason: string;
  whatSent: string;
  outcome?: string | null;
  /** YYYY-MM-DD */
  outcomeDate?: string | null;
  outcomeRecordedAt?: string | null;
}

export interface Complainant {
  id: string;
  name: string;
  email?: string | null;
  phone?: string | null;
  postalAddress?: string | null;
  relation?: string | null;
  organisation?: string | null;
  onBehalfOf?: string | null;
}

export interface ComplaintRecord extends RaRecord {
  id: string;
  reference: string;
  kind: string;
  status: string;
  channel: string;
  receivedAt: string;
  nextDueAt?: string | null;
  version: number;
  complainant?: Complainant | null;
  unit?: Named | null;
  handler?: Named | null;
  category?: Named | null;
  deadlines?: DeadlineRow[];
  // the complaint page only
  description?: string;
  availableActions?: string[];
  policy?: (Named & { key: string; referral?: string | null }) | null;
  registeredBy?: Named | null;
  forwardedTo?: Named | null;
  subjects?: Named[];
  subjectStaffIds?: string[];
  subjectService?: string | null;
  verdict?: string | null;
  cause?: string | null;
  solution?: string | null;
  offer?: string[];
  preventiveMeasure?: string | null;
  assessedAt?: string | null;
  respondedAt?: string | null;
  responseSummary?: string | null;
  customerAgreed?: boolean | null;
  satisfaction?: number | null;
  outcomeRecordedAt?: string | null;
  closedAt?: string | null;
  archivedAt?: string | null;
  withdrawnAt?: string | null;
  contactMoments?: ContactMomentRow[];
  history?: ComplaintEventRow[];
  objectionFiledAt?: string | null;
  hearingScheduledAt?: string | null;
  hearingHeldAt?: string | null;
  hearingWaivedAt?: string | null;
  objection?: ObjectionRow | null;
  hearings?: HearingRow[];
  referrals?: ReferralRow[];
}

export interface DeadlineRecord extends RaRecord {
  id: string;
  kind: string;
  dueDate: string;
  dueAt: string;
  status: string;
  complaint: {
    id: string;
    reference: string;
    status: string;
    complainant?: { name: string } | null;
    handler?: Named | null;
    unit?: Named | null;
  };
}
