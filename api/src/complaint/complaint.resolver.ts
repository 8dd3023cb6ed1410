import type { GraphQLResolveInfo } from 'graphql';
import { DateTime } from 'luxon';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { workingDaysLate } from './lateness';
import { Category } from '../category/category.entity';
import { caller, type RequestContext } from '../shared/request-context';
import { Policy } from '../policy/policy.entity';
import { PageOf } from '../shared/pagination';
import { ROLES_FOR } from '../shared/roles';
import { Staff } from '../staff/staff.entity';

import { Unit } from '../unit/unit.entity';
import { Attachment } from './attachment.entity';
import { Complainant } from './complainant.entity';
import { ComplaintEvent } from './complaint-event.entity';
import { Complaint } from './complaint.entity';
import { DeadlineStatus } from './complaint.enums';
import { ComplaintListArgs, ComplaintLookupArgs, DeadlineCountFilter, DeadlineListArgs } from './complaint-list.input';
import { relationsReadWith, requestedItemFields } from './complaint-page';
import { ComplaintSearchArgs, ComplaintSearchResult } from './complaint-search';
import { ComplaintAction } from './complaint.procedure';
import { availableActions } from './procedure-rules';
import { ContactMoment } from './contact-moment.entity';
import { DueExplanation, toDueExplanation } from '../calendar/due-explanation.types';
import { explanationOf } from './deadline-planner';
import { Deadline, DeadlineCounts } from './deadline.entity';
import { HistoryVerification } from './history.service';

/** Staff who work on complaints (every role but ADMIN and ANALYST). */

/** A relation now (its page read it) or once the loaders have it. */
type Maybe<T> = T | null | Promise<T | null>;

@ObjectType()
export class ComplaintPage extends PageOf(Complaint) {}

@ObjectType()
export class DeadlinePage extends PageOf(Deadline) {}

@Resolver(() => Complaint)
export class ComplaintResolver {
  @Authorized(ROLES_FOR.COMPLAINTS)
  @Query(() => Complaint, { nullable: true, description: 'One complaint by id or reference; one you may not see answers NOT_FOUND.' })
  async complaint(@Args(() => ComplaintLookupArgs) { id, reference }: ComplaintLookupArgs, @Ctx() context: RequestContext): Promise<Complaint> {
    return context.services.complaintQueries.get(caller(context), { id, reference });
  }

  @Authorized(ROLES_FOR.COMPLAINTS)
  @Query(() => ComplaintPage, { description: 'Complaints the caller may see: one page and the total, in one statement.' })
  async complaintList(
    @Args(() => ComplaintListArgs) args: ComplaintListArgs,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ComplaintPage> {
    return context.services.complaintQueries.list(caller(context), args, { loaders: context.loaders, fields: requestedItemFields(info) });
  }

  @Authorized(ROLES_FOR.MANAGEMENT)
  @Query(() => HistoryVerification, { description: "Recomputes the history's hash chain (of one complaint, or of all): changed, removed or inserted events." })
  async verifyHistory(
    @Arg('complaintId', () => ID, { nullable: true }) complaintId: string | null,
    @Ctx() { services }: RequestContext,
  ): Promise<HistoryVerification> {
    return services.history.verify(complaintId);
  }

  @Authorized(ROLES_FOR.COMPLAINTS)
  @Query(() => ComplaintSearchResult, {
    description:
      "Search from anywhere: the complainant's name, the description and the service (Dutch full-text, prefixes), or the start of a reference; ranked.",
  })
  async complaintSearch(@Args(() => ComplaintSearchArgs) { q, first }: ComplaintSearchArgs, @Ctx() context: RequestContext): Promise<ComplaintSearchResult> {
    return context.services.complaintQueries.search(caller(context), q, first);
  }

  @Authorized(ROLES_FOR.COMPLAINTS)
  @Query(() => DeadlineCounts, { description: 'How many open deadlines are overdue, due later today and due later this week (the tabs).' })
  async deadlineCounts(
    @Arg('filter', () => DeadlineCountFilter, { nullable: true }) filter: DeadlineCountFilter | null,
    @Ctx() context: RequestContext,
  ): Promise<DeadlineCounts> {
    return context.services.complaintQueries.countDeadlines(caller(context), filter ?? {});
  }

  @Authorized(ROLES_FOR.COMPLAINTS)
  @Query(() => DeadlinePage, { description: 'Open deadlines (overdue, due later today, due later this week), earliest first.' })
  async deadlineList(@Args(() => DeadlineListArgs) args: DeadlineListArgs, @Ctx() context: RequestContext): Promise<DeadlinePage> {
    return context.services.complaintQueries.listDeadlines(caller(context), args);
  }

  // ------------------------------------------------------------- fields

  // A relation its list page read comes from there at once (relationsReadWith), else through the loaders.

  @FieldResolver(() => Complainant)
  complainant(@Root() complaint: Complaint, @Ctx() { loaders }: RequestContext): Maybe<Complainant> {
    return relationsReadWith(complaint)?.complainant ?? loaders.complainant.load(complaint.complainantId);
  }

  @FieldResolver(() => Staff, { nullable: true })
  registeredBy(@Root() complaint: Complaint, @Ctx() { loaders }: RequestContext): Maybe<Staff> {
    return relationsReadWith(complaint)?.registeredBy ?? (complaint.registeredById ? loaders.staff.load(complaint.registeredById) : null);
  }

  @FieldResolver(() => Staff, { nullable: true })
  handler(@Root() complaint: Complaint, @Ctx() { loaders }: RequestContext): Maybe<Staff> {
    return relationsReadWith(complaint)?.handler ?? (complaint.handlerId ? loaders.staff.load(complaint.handlerId) : null);
  }

  @FieldResolver(() => Staff, { nullable: true })
  forwardedTo(@Root() complaint: Complaint, @Ctx() { loaders }: RequestContext): Maybe<Staff> {
    return relationsReadWith(complaint)?.forwardedTo ?? (complaint.forwardedToId ? loaders.staff.load(complaint.forwardedToId) : null);
  }

  @FieldResolver(() => [Staff], { description: 'The employees the complaint is about.' })
  subjects(@Root() complaint: Complaint, @Ctx() { loaders }: RequestContext): Staff[] | Promise<Staff[]> {
    const read = relationsReadWith(complaint)?.subjects;
    if (read) return read;
    return loaders.staff.loadMany(complaint.subjectStaffIds).then((staff) => staff.filter((member): member is Staff => member instanceof Staff));
  }

  @FieldResolver(() => Unit, { nullable: true })
  unit(@Root() complaint: Complaint, @Ctx() { loaders }: RequestContext): Maybe<Unit> {
    return relationsReadWith(complaint)?.unit ?? (complaint.unitId ? loaders.unit.load(complaint.unitId) : null);
  }

  @FieldResolver(() => Category, { nullable: true })
  category(@Root() complaint: Complaint, @Ctx() { loaders }: RequestContext): Maybe<Category> {
    return relationsReadWith(complaint)?.category ?? (complaint.categoryId ? loaders.category.load(complaint.categoryId) : null);
  }

  @FieldResolver(() => Policy, { description: 'The policy it runs under (its deadlines were fixed at receipt).' })
  policy(@Root() complaint: Complaint, @Ctx() { loaders }: RequestContext): Maybe<Policy> {
    return relationsReadWith(complaint)?.policy ?? loaders.policy.load(complaint.policyId);
  }

  @FieldResolver(() => [Deadline], {
    description: 'Its deadlines, earliest first. One cancelled before it was due (moot) only when asked; one cancelled after it lapsed stays, BREACHED.',
  })
  deadlines(
    @Root() complaint: Complaint,
    @Arg('includeCancelled', () => Boolean, { defaultValue: false }) includeCancelled: boolean,
    @Ctx() { loaders }: RequestContext,
  ): Deadline[] | Promise<Deadline[]> {
    const shown = (deadlines: Deadline[]) =>
      includeCancelled ? deadlines : deadlines.filter((deadline) => !deadline.cancelledAt || deadline.cancelledAt > deadline.dueAt);
    const read = relationsReadWith(complaint)?.deadlines;
    return read ? shown(read) : loaders.deadlinesOfComplaint.load(complaint.id).then(shown);
  }

  @FieldResolver(() => [ContactMoment])
  async contactMoments(@Root() complaint: Complaint, @Ctx() { loaders }: RequestContext): Promise<ContactMoment[]> {
    return loaders.contactsOfComplaint.load(complaint.id);
  }

  @FieldResolver(() => [ComplaintEvent], { description: 'Every step, oldest first.' })
  async history(@Root() complaint: Complaint, @Ctx() { loaders }: RequestContext): Promise<ComplaintEvent[]> {
    return loaders.eventsOfComplaint.load(complaint.id);
  }

  @FieldResolver(() => [Attachment])
  async attachments(@Root() complaint: Complaint, @Ctx() { loaders }: RequestContext): Promise<Attachment[]> {
    return loaders.attachmentsOfComplaint.load(complaint.id);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'How many working days the next deadline (nextDueKind) is late: 0 when it passed today; null when it is not late.',
  })
  async nextDueWorkingDaysLate(@Root() complaint: Complaint, @Ctx() { loaders, clock }: RequestContext): Promise<number | null> {
    return workingDaysLate(complaint.nextDueAt, clock.now(), loaders);
  }

  @FieldResolver(() => [ComplaintAction], { description: 'The steps the signed-in user may take now (the admin shows exactly these).' })
  availableActions(@Root() complaint: Complaint, @Ctx() context: RequestContext): ComplaintAction[] {
    return availableActions(complaint, caller(context));
  }
}

@Resolver(() => Deadline)
export class DeadlineResolver {
  @FieldResolver(() => DeadlineStatus)
  status(@Root() deadline: Deadline, @Ctx() { clock }: RequestContext): DeadlineStatus {
    return deadline.statusAt(clock.now().toJSDate());
  }

  @FieldResolver(() => DueExplanation, { description: 'Why it is due when it is: the rule, the start, each day skipped and why, the pauses and extension.' })
  async explanation(@Root() deadline: Deadline, @Ctx() { loaders }: RequestContext): Promise<DueExplanation> {
    return toDueExplanation(explanationOf(deadline, await loaders.workingCalendar()));
  }

  @FieldResolver(() => Boolean, { description: 'Met, but after its due moment.' })
  late(@Root() deadline: Deadline): boolean {
    return deadline.metAt !== null && deadline.metAt > deadline.dueAt;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Working days it is late (still open) or was late (met after it): 0 when on the day itself; null when not late.',
  })
  async workingDaysLate(@Root() deadline: Deadline, @Ctx() { loaders, clock }: RequestContext): Promise<number | null> {
    if (deadline.cancelledAt && deadline.cancelledAt <= deadline.dueAt) return null;
    if (deadline.pausedAt) return null;
    return workingDaysLate(deadline.dueAt, deadline.metAt ? DateTime.fromJSDate(deadline.metAt) : clock.now(), loaders);
  }

  @FieldResolver(() => Complaint)
  async complaint(@Root() deadline: Deadline, @Ctx() { loaders }: RequestContext): Promise<Complaint | null> {
    return loaders.complaint.load(deadline.complaintId);
  }
}

@Resolver(() => ComplaintEvent)
export class ComplaintEventResolver {
  @FieldResolver(() => Staff, { nullable: true })
  async actor(@Root() event: ComplaintEvent, @Ctx() { loaders }: RequestContext): Promise<Staff | null> {
    return event.actorId ? loaders.staff.load(event.actorId) : null;
  }
}

@Resolver(() => ContactMoment)
export class ContactMomentResolver {
  @FieldResolver(() => Staff, { nullable: true })
  async by(@Root() contact: ContactMoment, @Ctx() { loaders }: RequestContext): Promise<Staff | null> {
    return contact.byId ? loaders.staff.load(contact.byId) : null;
  }
}
