import { Arg, Args, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { caller, type RequestContext } from '../shared/request-context';
import { Complaint } from './complaint.entity';
import {
  AssessmentInput,
  AttachmentInput,
  ContactInput,
  ForwardInput,
  NoteTextArgs,
  OptionalNoteArgs,
  OutcomeInput,
  ReasonArgs,
  ResponseInput,
} from './complaint.input';
import { ComplaintAction } from './complaint.procedure';
import { stepRoles } from './procedure-rules';

/** The steps recordContactMoment takes, by the contact's kind. */
const CONTACT_STEPS = [
  ComplaintAction.ACKNOWLEDGE,
  ComplaintAction.SEND_PROGRESS_UPDATE,
  ComplaintAction.SEND_EXTENSION_NOTICE,
  ComplaintAction.RECORD_CONTACT,
];

/**
 * The steps of the procedure on a complaint (DOMAIN.md steps 1–6 and 10). Who may take each, and when,
 * is the procedure table's: @Authorized comes from it (stepRoles), the engine asks it again per complaint.
 */
@Resolver(() => Complaint)
export class ComplaintStepsResolver {
  @Authorized(stepRoles(ComplaintAction.FORWARD))
  @Mutation(() => Complaint, { description: 'To the supervisor or director (meets FORWARD).' })
  async forwardComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => ForwardInput, { nullable: true }) input: ForwardInput | null,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.complaints.forward(caller(context), id, version, input ?? new ForwardInput());
  }

  @Authorized([...new Set(CONTACT_STEPS.flatMap(stepRoles))])
  @Mutation(() => Complaint, {
    description: 'ACKNOWLEDGEMENT meets ACKNOWLEDGE, PROGRESS_UPDATE meets PROGRESS_UPDATE, EXTENSION_NOTICE meets EXTENSION_NOTICE.',
  })
  async recordContactMoment(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => ContactInput) input: ContactInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.complaints.recordContact(caller(context), id, version, input);
  }

  @Authorized(stepRoles(ComplaintAction.ASSIGN_HANDLER))
  @Mutation(() => Complaint, { description: 'Never someone the complaint is about (CONFLICT_OF_INTEREST).' })
  async assignHandler(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('handlerId', () => ID) handlerId: string,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.complaints.assignHandler(caller(context), id, version, handlerId);
  }

  @Authorized(stepRoles(ComplaintAction.RECORD_ASSESSMENT))
  @Mutation(() => Complaint)
  async recordAssessment(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => AssessmentInput) input: AssessmentInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.complaints.recordAssessment(caller(context), id, version, input);
  }

  @Authorized(stepRoles(ComplaintAction.RESPOND))
  @Mutation(() => Complaint, { description: 'The answer to the complainant (meets RESPOND).' })
  async respondToComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => ResponseInput) input: ResponseInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.complaints.respond(caller(context), id, version, input);
  }

  @Authorized(stepRoles(ComplaintAction.RECORD_OUTCOME))
  @Mutation(() => Complaint, { description: "The customer's agreement and satisfaction (meets RECORD)." })
  async recordOutcome(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => OutcomeInput) input: OutcomeInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.complaints.recordOutcome(caller(context), id, version, input);
  }

  @Authorized(stepRoles(ComplaintAction.CLOSE))
  @Mutation(() => Complaint)
  async closeComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Args(() => OptionalNoteArgs) { note }: OptionalNoteArgs,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.complaints.close(caller(context), id, version, note ?? null);
  }

  @Authorized(stepRoles(ComplaintAction.ARCHIVE))
  @Mutation(() => Complaint)
  async archiveComplaint(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() context: RequestContext): Promise<Complaint> {
    return context.services.complaints.archive(caller(context), id, version);
  }

  @Authorized(stepRoles(ComplaintAction.WITHDRAW))
  @Mutation(() => Complaint, { description: 'Its open deadlines are cancelled.' })
  async withdrawComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Args(() => ReasonArgs) { reason }: ReasonArgs,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.complaints.withdraw(caller(context), id, version, reason);
  }

  @Authorized(stepRoles(ComplaintAction.REOPEN))
  @Mutation(() => Complaint, { description: 'A new RESPOND deadline, counted from now.' })
  async reopenComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Args(() => ReasonArgs) { reason }: ReasonArgs,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.complaints.reopen(caller(context), id, version, reason);
  }

  @Authorized(stepRoles(ComplaintAction.ADD_NOTE))
  @Mutation(() => Complaint, { description: 'An internal note in the history (never shown to the complainant).' })
  async addComplaintNote(
    @Arg('id', () => ID) id: string,
    @Args(() => NoteTextArgs) { text }: NoteTextArgs,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.complaints.addNote(caller(context), id, text);
  }

  @Authorized(stepRoles(ComplaintAction.ADD_ATTACHMENT))
  @Mutation(() => Complaint, { description: "Records an attachment's metadata in the complaint's history." })
  async addAttachment(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AttachmentInput) input: AttachmentInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.complaints.addAttachment(caller(context), id, input);
  }
}
