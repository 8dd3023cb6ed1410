import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { HearingForm } from '../complaint/complaint.enums';
import { LetterKind } from '../correspondence/letter-kinds';
import { ReopenDecision } from '../satisfaction/satisfaction.entity';

/** Where the complaint stands, in the complainant's words (the status page): never the organisation's internals. */
export enum PublicStage {
  RECEIVED = 'RECEIVED',
  IN_HANDLING = 'IN_HANDLING',
  /** The organisation asked the complainant for information: the clock stands still until the answer. */
  WAITING_FOR_YOU = 'WAITING_FOR_YOU',
  ANSWERED = 'ANSWERED',
  OBJECTION = 'OBJECTION',
  HEARING_PLANNED = 'HEARING_PLANNED',
  REFERRED = 'REFERRED',
  CLOSED = 'CLOSED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(PublicStage, { name: 'PublicStage', description: 'Where a complaint stands, as its complainant sees it.' });

/** What the organisation owes the complainant next. */
export enum PublicNextStep {
  CONTACT = 'CONTACT',
  PROGRESS_UPDATE = 'PROGRESS_UPDATE',
  ANSWER = 'ANSWER',
  EXTENSION_NOTICE = 'EXTENSION_NOTICE',
  HEARING = 'HEARING',
  DECISION = 'DECISION',
}
registerEnumType(PublicNextStep, { name: 'PublicNextStep', description: 'What the organisation owes the complainant next.' });

/** What the complainant may do now, online (the procedure table's steps for the party COMPLAINANT). */
export enum PublicAction {
  /** Send the information the organisation asked for (text and files): the clock runs again. */
  ANSWER_INFORMATION = 'ANSWER_INFORMATION',
  /** Object to the answer, within the window (a web objection counts as written). */
  OBJECT = 'OBJECT',
  /** Say they will come to the hearing they were invited to. */
  ACCEPT_HEARING = 'ACCEPT_HEARING',
  /** Say they want no hearing: the director decides on the objection without one. */
  WAIVE_HEARING = 'WAIVE_HEARING',
  /** Answer the satisfaction survey (once). */
  ANSWER_SURVEY = 'ANSWER_SURVEY',
}
registerEnumType(PublicAction, { name: 'PublicAction', description: 'What the complainant may do now, online.' });

@ObjectType({ description: 'The hearing that is planned: when, where or how (never who of the staff).' })
export class PublicHearing {
  @Field(() => Date)
  at: Date;

  @Field(() => HearingForm)
  form: HearingForm;

  @Field(() => String, { nullable: true, description: 'The address, room, phone number or video link.' })
  location: string | null;

  @Field({ description: 'The complainant said they will come.' })
  accepted: boolean;
}

@ObjectType({ description: 'A letter that was sent to the complainant.' })
export class PublicLetter {
  @Field({ description: 'Where its PDF is downloaded: a link of its own that works for an hour (and no longer once a new code is issued).' })
  url: string;

  @Field(() => LetterKind)
  kind: LetterKind;

  @Field()
  subject: string;

  @Field(() => Date)
  sentAt: Date;
}

@ObjectType({ description: "The complainant's answer to the satisfaction survey, and what became of a request to reopen." })
export class PublicSurvey {
  @Field(() => Date)
  answeredAt: Date;

  @Field(() => Int)
  handling: number;

  @Field(() => Int)
  outcome: number;

  @Field()
  reopenRequested: boolean;

  @Field(() => ReopenDecision, { nullable: true, description: 'null: not asked, or not decided yet.' })
  reopenDecision: ReopenDecision | null;

  @Field(() => String, { nullable: true, description: 'Why the request to reopen was declined.' })
  reopenDeclinedReason: string | null;
}

@ObjectType({ description: 'The public status of a complaint, for whoever has its reference and code (complaintStatus).' })
export class PublicComplaintStatus {
  @Field()
  reference: string;

  @Field(() => Date)
  receivedAt: Date;

  @Field(() => PublicStage)
  stage: PublicStage;

  @Field(() => PublicNextStep, { nullable: true, description: 'What the organisation owes next (null: nothing now).' })
  nextStep: PublicNextStep | null;

  @Field(() => String, { nullable: true, description: 'By when, YYYY-MM-DD (Europe/Amsterdam).' })
  nextStepDueDate: string | null;

  @Field(() => Date, { nullable: true, description: 'When the answer was sent.' })
  answeredAt: Date | null;

  @Field(() => String, { nullable: true, description: 'The last day an objection is accepted, YYYY-MM-DD, while that is still ahead.' })
  objectionUntil: string | null;

  @Field(() => String, { nullable: true, description: 'The organisation asked for information: what, as it was asked.' })
  informationQuestion: string | null;

  @Field(() => String, { nullable: true, description: 'By when the answer is asked for, YYYY-MM-DD.' })
  informationAnswerBy: string | null;

  @Field(() => PublicHearing, { nullable: true })
  hearing: PublicHearing | null;

  @Field(() => [PublicLetter], { description: 'The letters sent so far, the latest last.' })
  letters: PublicLetter[];

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the objection was received.' })
  objectionFiledAt: Date | null;

  @Field(() => [PublicAction], { description: 'What the complainant may do now (the status page offers exactly these).' })
  actions: PublicAction[];

  @Field({ description: 'Whether the survey may ask to reopen the complaint now (after the answer or the closure, before an objection or referral).' })
  reopenPossible: boolean;

  @Field(() => PublicSurvey, { nullable: true, description: 'The answer to the satisfaction survey, once given.' })
  survey: PublicSurvey | null;

  @Field(() => String, { nullable: true, description: "The handler's name, only where the policy says the status page names them (statusPageNamesHandler)." })
  handlerName: string | null;
}
