import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { JobQueueName } from '../jobs/jobs.types';
import { ROLES_FOR } from '../shared/roles';
import { caller, type RequestContext } from '../shared/request-context';
import { LetterTemplateInput, PreviewLetterInput, SendLetterInput } from './correspondence.input';
import { LetterKind, fieldsOf } from './letter-kinds';
import { LetterTemplate } from './letter-template.entity';
import { Letter } from './letter.entity';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity';
import { OutboxService } from './outbox.service';

@ObjectType({ description: 'A letter as it would be written now: subject, the template part, and what the product adds to every letter of its kind.' })
export class LetterPreview {
  @Field()
  subject: string;

  @Field()
  body: string;

  @Field(() => [String], { description: 'The mandatory paragraphs: dates, the further procedure, the external body.' })
  mandatory: string[];

  @Field(() => Int)
  templateVersion: number;
}

/** Letters to the complainant, their templates and the outbox. */
@Resolver(() => Letter)
export class CorrespondenceResolver {
  @Authorized(ROLES_FOR.ADMINISTRATION)
  @Query(() => [LetterTemplate], { description: "Every kind's current wording, for all policies and the policies' own." })
  async letterTemplates(@Arg('kind', () => LetterKind, { nullable: true }) kind: LetterKind | null, @Ctx() context: RequestContext): Promise<LetterTemplate[]> {
    return context.services.correspondence.templates(kind ?? null);
  }

  @Authorized(ROLES_FOR.ADMINISTRATION)
  @Mutation(() => LetterTemplate, { description: 'Saves a new version; a template that refers to a field its kind does not have is refused (UNKNOWN_FIELD).' })
  async saveLetterTemplate(@Arg('input', () => LetterTemplateInput) input: LetterTemplateInput, @Ctx() context: RequestContext): Promise<LetterTemplate> {
    return context.services.correspondence.saveTemplate(caller(context), input);
  }

  @Authorized(ROLES_FOR.ADMINISTRATION)
  @Query(() => LetterPreview, { description: 'A template being edited, filled in with a fictional complaint; refused like saving it would be.' })
  previewLetterTemplate(@Arg('input', () => LetterTemplateInput) input: LetterTemplateInput, @Ctx() context: RequestContext): LetterPreview {
    return context.services.correspondence.previewTemplate(input.kind, input.subject, input.body);
  }

  @Authorized(ROLES_FOR.ADMINISTRATION)
  @Query(() => [String], { description: 'The fields a template of this kind may use.' })
  letterTemplateFields(@Arg('kind', () => LetterKind) kind: LetterKind): readonly string[] {
    return fieldsOf(kind);
  }

  @Authorized(ROLES_FOR.CASEWORK)
  @Query(() => LetterPreview, { description: 'A letter on a complaint as it would be written now (with subject/body: a draft template).' })
  async previewLetter(@Arg('input', () => PreviewLetterInput) input: PreviewLetterInput, @Ctx() context: RequestContext): Promise<LetterPreview> {
    return context.services.correspondence.preview(caller(context), input);
  }

  @Authorized(ROLES_FOR.COMPLAINTS)
  @Mutation(() => Complaint, {
    description: 'Writes a letter; by e-mail it goes to the outbox and takes its step now (the contact moment or the answer, meeting its deadline).',
  })
  async sendLetter(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => SendLetterInput) input: SendLetterInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    const complaint = await context.services.correspondence.send(caller(context), id, version, input);
    await context.services.jobs.nudge(JobQueueName.MAIL_OUTBOX);
    return complaint;
  }

  @Authorized(ROLES_FOR.COMPLAINTS)
  @Mutation(() => Complaint, { description: 'A printed letter was posted: it counts as sent now, and takes its step.' })
  async markLetterPosted(
    @Arg('letterId', () => ID) letterId: string,
    @Arg('version', () => Int, { description: "The complaint's version." }) version: number,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.correspondence.markPosted(caller(context), letterId, version);
  }

  @Authorized(ROLES_FOR.MANAGEMENT)
  @Query(() => [OutboxMessage], { description: 'The outbox, newest first (at most 200): what waits, what failed, what was sent.' })
  async outboxMessages(
    @Arg('status', () => [OutboxStatus], { nullable: true }) status: OutboxStatus[] | null,
    @Ctx() context: RequestContext,
  ): Promise<OutboxMessage[]> {
    return context.services.outbox.list(caller(context), status ?? null);
  }

  @Authorized(ROLES_FOR.MANAGEMENT)
  @Mutation(() => OutboxMessage, { description: 'Sends a message that failed (or waits) again, from its first attempt.' })
  async resendMessage(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<OutboxMessage> {
    return context.services.outbox.resend(caller(context), id);
  }

  @Authorized(ROLES_FOR.COMPLAINTS)
  @Query(() => Boolean, { description: 'A mail server is configured (SMTP_URL): without one, messages wait in the outbox.' })
  mailConfigured(@Ctx() context: RequestContext): boolean {
    return context.services.outbox.configured;
  }

  @FieldResolver(() => String, { description: 'Where its PDF is (GET with the bearer token).' })
  pdfPath(@Root() letter: Letter): string {
    return `/letters/${letter.id}.pdf`;
  }

  @FieldResolver(() => OutboxMessage, { nullable: true, description: 'Its e-mail: queued, sent (with the proof) or failed.' })
  async delivery(@Root() letter: Letter, @Ctx() context: RequestContext): Promise<OutboxMessage | null> {
    return letter.outboxId ? context.services.outbox.ofLetter(letter.id, letter.outboxId) : null;
  }
}

@Resolver(() => OutboxMessage)
export class OutboxMessageResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Why it is not sent yet, in short.' })
  waiting(@Root() message: OutboxMessage, @Ctx() context: RequestContext): string | null {
    return OutboxService.describeWait(message, context.services.outbox.configured);
  }
}

@Resolver(() => Complaint)
export class ComplaintLettersResolver {
  @Authorized(ROLES_FOR.COMPLAINTS)
  @FieldResolver(() => [Letter], { description: 'The letters written to the complainant, newest first.' })
  async letters(@Root() complaint: Complaint, @Ctx() context: RequestContext): Promise<Letter[]> {
    return context.services.correspondence.lettersOf(complaint.id);
  }
}
