import type { RaRecord } from 'react-admin';

/** The shapes the complaint views read; they match the selections in complaint-queries.ts. */

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
    policy?: (Named & { key: string }) | null;
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
