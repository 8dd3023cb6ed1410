import type { DataSource } from 'typeorm';
import { CalendarDay } from './calendar/calendar-day.entity';
import { WorkingCalendar } from './calendar/working-calendar';
import { Category } from './category/category.entity';
import { Attachment } from './complaint/attachment.entity';
import { Complainant } from './complaint/complainant.entity';
import { ComplaintEvent } from './complaint/complaint-event.entity';
import { Complaint } from './complaint/complaint.entity';
import { ComplaintPause } from './complaint/pause.entity';
import { ContactMoment } from './complaint/contact-moment.entity';
import { Deadline } from './complaint/deadline.entity';
import { Hearing } from './hearing/hearing.entity';
import { Objection } from './objection/objection.entity';
import { Policy } from './policy/policy.entity';
import { ExternalParty } from './referral/external-party.entity';
import { Referral } from './referral/referral.entity';
import { SatisfactionSurvey } from './satisfaction/satisfaction.entity';
import { byIdLoader, childrenLoader } from './shared/loaders';
import { Staff } from './staff/staff.entity';
import { Unit } from './unit/unit.entity';

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

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
    pausesOfComplaint: childrenLoader(dataSource, ComplaintPause, 'complaintId', { requestedAt: 'ASC' }),
    eventsOfComplaint: childrenLoader(dataSource, ComplaintEvent, 'complaintId', { seq: 'ASC' }),
    attachmentsOfComplaint: childrenLoader(dataSource, Attachment, 'complaintId', { createdAt: 'ASC' }),
    objectionsOfComplaint: childrenLoader(dataSource, Objection, 'complaintId', { receivedAt: 'ASC' }),
    hearingsOfComplaint: childrenLoader(dataSource, Hearing, 'complaintId', { createdAt: 'ASC' }),
    referralsOfComplaint: childrenLoader(dataSource, Referral, 'complaintId', { referredAt: 'ASC' }),
    surveysOfComplaint: childrenLoader(dataSource, SatisfactionSurvey, 'complaintId', { answeredAt: 'ASC' }),
    externalParty: byIdLoader(dataSource, ExternalParty),
    /** The working calendar with the closing days as they are now: read once per request, when asked. */
    workingCalendar: once(async () => {
      const days = await dataSource.getRepository(CalendarDay).find();
      return WorkingCalendar.of(days.map((day) => ({ date: day.date, description: day.description, kind: day.kind })));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
