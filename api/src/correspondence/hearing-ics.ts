import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { ZONE } from '../shared/clock';

/**
 * Europe/Amsterdam as iCalendar describes it (the EU rule since 1996: CEST from the last Sunday of March,
 * 02:00, to the last Sunday of October, 03:00), so that calendars show the hearing at its Dutch time
 * whatever their own zone, on both sides of a DST switch.
 */
const AMSTERDAM = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Amsterdam',
  'X-LIC-LOCATION:Europe/Amsterdam',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

export interface HearingEvent {
  /** The same for a hearing and every rescheduling of it: the first hearing's id. */
  uid: string;
  /** 0 for the first invitation, one more for each rescheduling. */
  sequence: number;
  start: Date;
  minutes: number;
  summary: string;
  location: string | null;
  description: string;
  organizer: { name: string; email: string };
  attendees: Array<{ name: string; email: string }>;
  cancelled?: boolean;
}

/** The invitation (METHOD:REQUEST) or its cancellation (METHOD:CANCEL), in Amsterdam time. */
export function hearingIcs(event: HearingEvent): string {
  const calendar = ical({
    prodId: { company: 'Klachtenregistratie', product: 'hoorzitting', language: 'NL' },
    method: event.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.timezone({ name: ZONE, generator: () => AMSTERDAM });
  const start = DateTime.fromJSDate(event.start).setZone(ZONE);
  calendar.createEvent({
    id: event.uid,
    sequence: event.sequence,
    // luxon DateTimes in Amsterdam: ical-generator writes their local time under TZID (a Date would be written in UTC)
    start,
    end: start.plus({ minutes: event.minutes }),
    timezone: ZONE,
    summary: event.summary,
    location: event.location ?? undefined,
    description: event.description,
    organizer: event.organizer,
    attendees: event.attendees.map((attendee) => ({ ...attendee, rsvp: true })),
    status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
