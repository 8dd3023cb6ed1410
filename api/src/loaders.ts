import type { DataSource } from 'typeorm';
import { Category } from './category/category.entity';
import { Attachment } from './complaint/attachment.entity';
import { Complainant } from './complaint/complainant.entity';
import { ComplaintEvent } from './complaint/complaint-event.entity';
import { Complaint } from './complaint/complaint.entity';
import { ContactMoment } from './complaint/contact-moment.entity';
import { Deadline } from './complaint/deadline.entity';
import { Hearing } from './hearing/hearing.entity';
import { Objection } from './objection/objection.entity';
import { Policy } from './policy/policy.entity';
import { ExternalParty } from './referral/external-party.entity';
import { Referral } from './referral/referral.entity';
import { byIdLoader, childrenLoader } from './shared/loaders';
import { Staff } from './staff/staff.entity';
import { Unit } from './unit/unit.entity';

/** Fresh per request (in the context): field resolvers load through these, never query directly. */
export function createLoaders(dataSource: DataSource) {
  return {
    staff: byIdLoader(dataSource, Staff),
    unit: byIdLoader(dataSource, Unit),
    category: byIdLoader(dataSource, Category),
    policy: byIdLoader(dataSource, Policy),
    complainant: byIdLoader(dataSource, Complainant),
    complaint: byIdLoader(dataSource, Complaint),
    deadlinesOfComplaint: childrenLoader(dataSource, Deadline, 'complaintId', { dueAt: 'ASC', kind: 'ASC' }),
    contactsOfComplaint: childrenLoader(dataSource, ContactMoment, 'complaintId', { contactedAt: 'ASC' }),
    eventsOfComplaint: childrenLoader(dataSource, ComplaintEvent, 'complaintId', { seq: 'ASC' }),
    attachmentsOfComplaint: childrenLoader(dataSource, Attachment, 'complaintId', { createdAt: 'ASC' }),
    objectionsOfComplaint: childrenLoader(dataSource, Objection, 'complaintId', { receivedAt: 'ASC' }),
    hearingsOfComplaint: childrenLoader(dataSource, Hearing, 'complaintId', { createdAt: 'ASC' }),
    referralsOfComplaint: childrenLoader(dataSource, Referral, 'complaintId', { referredAt: 'ASC' }),
    externalParty: byIdLoader(dataSource, ExternalParty),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
