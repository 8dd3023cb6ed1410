import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsUUID, Max, Min } from 'class-validator';
import { ArgsType, Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { ComplaintStatus, DeadlineKind } from '../complaint/complaint.enums';
import { ComplaintAction } from '../complaint/complaint.procedure';
import { DeadlineCounts } from '../complaint/deadline.entity';
import { PERSONAL_DATA_ROLES } from '../shared/roles';

/**
 * A step someone owes, flat for a list (what "Mijn werk" shows): the deadline, its complaint in brief, who owes it, and
 * the step that meets it when the reader may take it now.
 */
@ObjectType({ description: 'A step someone owes: the deadline, its complaint in brief, who owes it, and the step that meets it.' })
export class WorkItem {
  @Field(() => ID, { description: "The deadline's id." })
  id: string;

  @Field(() => DeadlineKind)
  kind: DeadlineKind;

  @Field(() => Date)
  dueAt: Date;

  @Field({ description: 'YYYY-MM-DD (Europe/Amsterdam).' })
  dueDate: string;

  @Field(() => ID)
  complaintId: string;

  @Field()
  reference: string;

  @Field(() => ComplaintStatus)
  complaintStatus: ComplaintStatus;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field({ description: "The complainant's name." })
  complainantName: string;

  @Authorized(PERSONAL_DATA_ROLES)
  @Field({ description: 'What it is about: the start of the description.' })
  subject: string;

  @Field(() => ID, { nullable: true, description: 'Who owes it (the deadline watch reminds and escalates them).' })
  ownerId: string | null;

  @Field(() => ComplaintAction, { nullable: true, description: 'The step that meets it, when the reader may take it now: the form to open.' })
  action: ComplaintAction | null;
}

@ObjectType()
export class WorkList {
  @Field(() => Int)
  total: number;

  @Field(() => [WorkItem], { description: 'Earliest due first.' })
  items: WorkItem[];
}

@ObjectType()
export class UnassignedQueue {
  @Field(() => Int)
  total: number;

  @Field(() => [Complaint], { description: 'Open complaints without a handler, the earliest next due moment first.' })
  items: Complaint[];
}

@ObjectType({ description: '"Mijn werk": what the reader owes, and for a director or quality manager their unit or organisation, and the queue.' })
export class MyWork {
  @Field(() => WorkList, { description: 'The steps the reader owes, earliest due first.' })
  mine: WorkList;

  @Field(() => DeadlineCounts, { description: 'Of those: overdue, due later today, due later this week.' })
  counts: DeadlineCounts;

  @Field(() => WorkList, {
    nullable: true,
    description:
      'A DIRECTOR: what others owe in the units they direct (all, when they direct none); a QUALITY_MANAGER: in the organisation. Their own steps are in mine. Null for others.',
  })
  team: WorkList | null;

  @Field(() => UnassignedQueue, {
    nullable: true,
    description:
      "Complaints waiting for a handler: a HANDLER sees their unit's queue where the policy lets them pick up; a DIRECTOR their units' (all, when they direct none); a QUALITY_MANAGER all. Null when there is no queue for the reader.",
  })
  unassigned: UnassignedQueue | null;
}

@ArgsType()
export class MyWorkArgs {
  @Field(() => Int, { defaultValue: 20, description: 'How many items of each list.' })
  @Min(1)
  @Max(100)
  first: number = 20;
}

@ArgsType()
export class BulkAssignArgs {
  @Field(() => [ID])
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ids: string[];

  @Field(() => ID)
  @IsUUID('all')
  handlerId: string;
}

@ObjectType({ description: 'A complaint a bulk assignment did not assign, and why (the code the single step would have answered).' })
export class BulkRefusal {
  @Field(() => ID)
  id: string;

  @Field()
  code: string;

  @Field()
  message: string;
}

@ObjectType()
export class BulkAssignResult {
  @Field(() => [Complaint])
  assigned: Complaint[];

  @Field(() => [BulkRefusal])
  refused: BulkRefusal[];
}
