import { DateTime } from 'luxon';
import { ComplainantRelation, HearingForm } from '../../complaint/complaint.enums';
import { ZONE } from '../../shared/clock';
import { PublicNextStep, PublicStage } from '../portal.types';

/** The Dutch words of the site for what the API names with codes: stages, next steps, relations, hearing forms. */

export const RELATIONS: Record<ComplainantRelation, string> = {
  [ComplainantRelation.CLIENT]: 'Ik ben klant of deelnemer',
  [ComplainantRelation.CANDIDATE]: 'Ik ben kandidaat of werknemer',
  [ComplainantRelation.EMPLOYER]: 'Ik ben werkgever',
  [ComplainantRelation.PROSPECT]: 'Ik ben (nog) geen klant',
  [ComplainantRelation.REPRESENTATIVE]: 'Ik schrijf namens iemand anders',
  [ComplainantRelation.OTHER]: 'Anders',
};

/** Where the complaint stands, one sentence per stage. */
export const STAGES: Record<PublicStage, { title: string; sentence: string }> = {
  [PublicStage.RECEIVED]: { title: 'Ontvangen', sentence: 'Wij hebben uw klacht ontvangen. Een medewerker neemt contact met u op.' },
  [PublicStage.IN_HANDLING]: { title: 'In behandeling', sentence: 'Uw klacht is in behandeling. Wij zoeken uit wat er is gebeurd.' },
  [PublicStage.WAITING_FOR_YOU]: {
    title: 'Wij wachten op u',
    sentence: 'Wij hebben u om informatie gevraagd. Zolang wij daarop wachten, staat de termijn voor ons antwoord stil.',
  },
  [PublicStage.ANSWERED]: { title: 'Beantwoord', sentence: 'Wij hebben uw klacht beantwoord. U vindt ons antwoord bij de brieven hieronder.' },
  [PublicStage.OBJECTION]: { title: 'Bezwaar', sentence: 'U hebt bezwaar gemaakt tegen ons antwoord. Uw bezwaar is in behandeling.' },
  [PublicStage.HEARING_PLANNED]: {
    title: 'Hoorzitting gepland',
    sentence: 'Er is een hoorzitting gepland over uw bezwaar. Daar kunt u uw bezwaar toelichten.',
  },
  [PublicStage.REFERRED]: { title: 'Voorgelegd', sentence: 'Uw klacht is voorgelegd aan een onafhankelijke instantie. Die beslist verder.' },
  [PublicStage.CLOSED]: { title: 'Afgerond', sentence: 'De behandeling van uw klacht is afgerond.' },
  [PublicStage.WITHDRAWN]: { title: 'Ingetrokken', sentence: 'Uw klacht is ingetrokken. Wij behandelen haar niet verder.' },
};

/** What the organisation owes next: "<this>, uiterlijk <date>". */
export const NEXT_STEPS: Record<PublicNextStep, string> = {
  [PublicNextStep.CONTACT]: 'Wij nemen contact met u op',
  [PublicNextStep.PROGRESS_UPDATE]: 'U hoort van ons hoe het ervoor staat',
  [PublicNextStep.ANSWER]: 'U krijgt ons antwoord op uw klacht',
  [PublicNextStep.EXTENSION_NOTICE]: 'U hoort van ons of wij meer tijd nodig hebben voor ons antwoord',
  [PublicNextStep.HEARING]: 'Wij horen u over uw bezwaar',
  [PublicNextStep.DECISION]: 'U krijgt de beslissing op uw bezwaar',
};

export const HEARING_FORMS: Record<HearingForm, string> = {
  [HearingForm.OFFICE]: 'op ons kantoor',
  [HearingForm.PHONE]: 'telefonisch',
  [HearingForm.VIDEO]: 'via een videogesprek',
};

/** The survey's scale, as each radio button's label says it. */
export const SCALE: ReadonlyArray<{ value: number; label: string }> = [
  { value: 1, label: '1 – zeer ontevreden' },
  { value: 2, label: '2 – ontevreden' },
  { value: 3, label: '3 – neutraal' },
  { value: 4, label: '4 – tevreden' },
  { value: 5, label: '5 – zeer tevreden' },
];

/** What `?gedaan=…` confirms after an action (Post/Redirect/Get). */
export const DONE: Record<string, string> = {
  informatie: 'Dank u wel. Wij hebben uw antwoord ontvangen en gaan verder met uw klacht.',
  bezwaar: 'Wij hebben uw bezwaar ontvangen. Het telt als een schriftelijk bezwaar.',
  'hoorzitting-ja': 'U hebt laten weten dat u naar de hoorzitting komt. Tot dan!',
  'hoorzitting-nee': 'U hebt laten weten dat u geen hoorzitting wilt. De directie beslist zonder hoorzitting op uw bezwaar.',
  tevredenheid: 'Dank u wel voor het invullen van de vragen over uw tevredenheid.',
};

/** "dinsdag 16 juni 2026", from a calendar date (YYYY-MM-DD). */
export function dutchDate(date: string): string {
  return DateTime.fromISO(date, { zone: ZONE }).setLocale('nl').toFormat('cccc d LLLL yyyy');
}

/** "vrijdag 24 april 2026 om 14:00", from a moment, in Europe/Amsterdam. */
export function dutchMoment(moment: string | Date): string {
  const at = (typeof moment === 'string' ? DateTime.fromISO(moment) : DateTime.fromJSDate(moment)).setZone(ZONE).setLocale('nl');
  return `${at.toFormat('cccc d LLLL yyyy')} om ${at.toFormat('HH:mm')}`;
}

/** "dinsdag 16 juni 2026", from a moment: the day it fell on in Europe/Amsterdam. */
export function dutchDay(moment: string | Date): string {
  const at = typeof moment === 'string' ? DateTime.fromISO(moment) : DateTime.fromJSDate(moment);
  return at.setZone(ZONE).setLocale('nl').toFormat('cccc d LLLL yyyy');
}
