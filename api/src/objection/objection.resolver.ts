import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { Complaint } from '../complaint/complaint.entity';
import { ComplaintAction } from '../complaint/complaint.procedure';
import { stepRoles } from '../complaint/procedure-rules';
import { caller, type RequestContext } from '../shared/request-context';
import { Staff } from '../staff/staff.entity';
import { Objection } from './objection.entity';
import { DecideObjectionInput, FileObjectionInput } from './objection.input';

@Resolver(() => Complaint)
export class ObjectionResolver {
  @Authorized(stepRoles(ComplaintAction.FILE_OBJECTION))
  @Mutation(() => Complaint, { description: 'Registers a written objection; opens HEARING and FINAL_DECISION. Late: only a DIRECTOR, with a reason.' })
  async fileObjection(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => FileObjectionInput) input: FileObjectionInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.objections.file(caller(context), id, version, input);
  }

  @Authorized(stepRoles(ComplaintAction.DECIDE_OBJECTION))
  @Mutation(() => Complaint, {
    description: 'The reasoned final decision of the director the objection went to; closes the internal path (meets FINAL_DECISION).',
  })
  async decideObjection(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => DecideObjectionInput) input: DecideObjectionInput,
    @Ctx() context: RequestContext,
  ): Promise<Complaint> {
    return context.services.objections.decide(caller(context), id, version, input);
  }

  @FieldResolver(() => Objection, { nullable: true })
  async objection(@Root() complaint: Complaint, @Ctx() { loaders }: RequestContext): Promise<Objection | null> {
    return (await loaders.objectionsOfComplaint.load(complaint.id))[0] ?? null;
  }
}

@Resolver(() => Objection)
export class ObjectionFieldsResolver {
  @FieldResolver(() => Staff, { nullable: true })
  async director(@Root() objection: Objection, @Ctx() { loaders }: RequestContext): Promise<Staff | null> {
    return objection.directorId ? loaders.staff.load(objection.directorId) : null;
  }

  @FieldResolver(() => Staff, { nullable: true, description: 'The DIRECTOR who accepted a late objection.' })
  async lateAcceptedBy(@Root() objection: Objection, @Ctx() { loaders }: RequestContext): Promise<Staff | null> {
    return objection.lateAcceptedById ? loaders.staff.load(objection.lateAcceptedById) : null;
  }

  @FieldResolver(() => Staff, { nullable: true })
  async decidedBy(@Root() objection: Objection, @Ctx() { loaders }: RequestContext): Promise<Staff | null> {
    return objection.decidedById ? loaders.staff.load(objection.decidedById) : null;
  }
}
