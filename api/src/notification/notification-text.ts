import { DateTime } from 'luxon';
import { ZONE } from '../shared/clock';
import { NotificationKind } from './notification.entity';

/** What a notification says, in Dutch: the panel shows it, and the e-mail carries it. One place for both. */
const DEADLINES: Record<string, string> = {
  FORWARD: 'doorsturen',
  ACKNOWLEDGE: 'ontvangstbevestiging/eerste contact',
  PROGRESS_UPDATE: 'voortgangsbericht',
  RESPOND: 'antwoord',
  RECORD: 'vastleggen',
  HEARING: 'hoorzitting',
  FINAL_DECISION: 'beslissing op bezwaar',
  EXTENSION_NOTICE: 'bericht van verdaging',
};

const day = (value: unknown) => (typeof value === 'string' && value ? DateTime.fromISO(value, { zone: ZONE }).setLocale('nl').toFormat('d MMMM yyyy') : '');
const moment = (value: unknown) =>
  typeof value === 'string' && value ? DateTime.fromISO(value).setZone(ZONE).setLocale('nl').toFormat("d MMMM yyyy 'om' HH:mm") : '';
const text = (value: unknown) => (typeof value === 'string' ? value : '');

interface DigestPart {
  count: number;
  items: Array<{ reference: string; kind: string; dueDate: string }>;
}

export function notificationText(kind: NotificationKind, data: Record<string, unknown>): { subject: string; text: string } {
  const reference = text(data.reference);
  const deadline = data.deadlineKind ? `${DEADLINES[text(data.deadlineKind)] ?? text(data.deadlineKind)}, uiterlijk ${day(data.dueDate)}` : '';
  const about = reference ? ` (${reference})` : '';
  switch (kind) {
    case NotificationKind.ASSIGNED:
      return {
        subject: `Klacht ${reference} is aan u toegewezen`,
        text: `Klacht ${reference} is aan u toegewezen${data.byName ? ` door ${text(data.byName)}` : ''}.`,
      };
    case NotificationKind.FORWARDED:
      return {
        subject: `Klacht ${reference} is aan u doorgestuurd`,
        text:
          data.rule === 'WRITTEN_TO_MANAGEMENT'
            ? `Schriftelijke klacht ${reference}: direct naar de directie.`
            : `Klacht ${reference} is aan u doorgestuurd${data.byName ? ` door ${text(data.byName)}` : ''}.`,
      };
    case NotificationKind.REMINDER:
      return { subject: `Herinnering: ${deadline}${about}`, text: `Herinnering voor klacht ${reference}: ${deadline}.` };
    case NotificationKind.BREACHED:
      return { subject: `Termijn verlopen: ${deadline}${about}`, text: `Klacht ${reference}: ${deadline} is niet op tijd gehaald.` };
    case NotificationKind.ESCALATED:
      return data.level === 2
        ? { subject: `Tweede escalatie: ${deadline}${about}`, text: `Klacht ${reference}: ${deadline} is nog steeds niet gedaan.` }
        : { subject: `Escalatie: ${deadline}${about}`, text: `Klacht ${reference}: ${deadline} is niet op tijd gehaald door wie het moest doen.` };
    case NotificationKind.OBJECTION_FILED:
      return {
        subject: `Bezwaar tegen het antwoord op klacht ${reference}`,
        text: `De klager maakt bezwaar tegen het antwoord op klacht ${reference}${data.late ? ' (te laat, aanvaard)' : ''}.`,
      };
    case NotificationKind.INFORMATION_RECEIVED:
      return {
        subject: `Antwoord van de klager${about}`,
        text: `De klager heeft online de gevraagde informatie gestuurd voor klacht ${reference}; de termijnen lopen weer.`,
      };
    case NotificationKind.HEARING_ANSWERED:
      return data.accepted
        ? { subject: `Hoorzitting bevestigd${about}`, text: `De klager komt naar de hoorzitting over klacht ${reference} (${moment(data.scheduledAt)}).` }
        : {
            subject: `Hoorzitting niet gewenst${about}`,
            text: `De klager ziet af van de hoorzitting over klacht ${reference}; de directie beslist op het bezwaar zonder hoorzitting.`,
          };
    case NotificationKind.REOPEN_REQUESTED:
      return {
        subject: `Verzoek om heropening${about}`,
        text: `De klager is niet tevreden over de afhandeling van klacht ${reference} (afhandeling ${text(String(data.handling ?? ''))}/5, uitkomst ${text(String(data.outcome ?? ''))}/5) en vraagt de klacht te heropenen. Heropen de klacht of wijs het verzoek met redenen af.`,
      };
    case NotificationKind.HEARING_TOMORROW:
      return { subject: `Hoorzitting morgen${about}`, text: `De hoorzitting over klacht ${reference} is ${moment(data.scheduledAt)}.` };
    case NotificationKind.SUBJECT_OF_COMPLAINT:
      return {
        subject: `Een klacht noemt u${about}`,
        text: `Klacht ${reference} gaat (ook) over u. U kunt de klacht lezen en uw kant van het verhaal vastleggen.`,
      };
    case NotificationKind.EXTENDED:
      return { subject: `Het antwoord op klacht ${reference} is verdaagd`, text: `Het antwoord op klacht ${reference}, die u noemt, komt later.` };
    case NotificationKind.FINDINGS:
      return { subject: `Klacht ${reference} is beantwoord`, text: `Klacht ${reference}, die u noemt, is beantwoord; de bevindingen staan bij de klacht.` };
    case NotificationKind.DIGEST: {
      const part = (title: string, value: unknown) => {
        const section = value as DigestPart | undefined;
        if (!section?.count) return [];
        return [
          `${title} (${section.count}):`,
          ...section.items.map((item) => `- ${item.reference}: ${DEADLINES[item.kind] ?? item.kind}, uiterlijk ${day(item.dueDate)}`),
          ...(section.count > section.items.length ? [`- en ${section.count - section.items.length} meer`] : []),
        ];
      };
      return {
        subject: `Dagoverzicht ${day(data.date)}`,
        text: [...part('Te laat', data.overdue), ...part('Vandaag', data.today), ...part('Deze week', data.thisWeek)].join('\n'),
      };
    }
  }
}
