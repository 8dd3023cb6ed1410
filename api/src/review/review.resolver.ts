import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { caller, type RequestContext } from '../shared/request-context';
import { PageOf } from '../shared/pagination';
import { ROLES_FOR } from '../shared/roles';
import { Staff } from '../staff/staff.entity';
import { Measure, Review } from './review.entity';
import { MeasureInput, MeasureListArgs, MeasureUpdateInput, OpenReviewInput, ReviewFigures, ReviewListArgs, UpdateReviewInput } from './review.types';

@ObjectType()
export class ReviewPage extends PageOf(Review) {}

@ObjectType()
export class MeasurePage extends PageOf(Measure) {}

@Resolver(() => Review)
export class ReviewResolver {
  @Authorized(ROLES_FOR.MANAGEMENT)
  @Query(() => Review, { nullable: true })
  async review(@Arg('id', () => ID) id: string, @Ctx() { services }: RequestContext): Promise<Review> {
    return services.reviews.get(id);
  }

  @Authorized(ROLES_FOR.MANAGEMENT)
  @Query(() => ReviewPage)
  async reviewList(@Args(() => ReviewListArgs) args: ReviewListArgs, @Ctx() { services }: RequestContext): Promise<ReviewPage> {
    return services.reviews.list(args);
  }

  @Authorized(ROLES_FOR.MANAGEMENT)
  @Mutation(() => Review, { description: 'Opens the half-yearly review of a period.' })
  async openReview(@Arg('input', () => OpenReviewInput) input: OpenReviewInput, @Ctx() context: RequestContext): Promise<Review> {
    return context.services.reviews.open(caller(context), input);
  }

  @Authorized(ROLES_FOR.MANAGEMENT)
  @Mutation(() => Review)
  async updateReview(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateReviewInput) input: UpdateReviewInput,
    @Ctx() context: RequestContext,
  ): Promise<Review> {
    return context.services.reviews.update(caller(context), id, version, input.findings);
  }

  @Authorized(ROLES_FOR.MANAGEMENT)
  @Mutation(() => Review)
  async closeReview(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Review> {
    return context.services.reviews.close(caller(context), id);
  }

  @Authorized(ROLES_FOR.MANAGEMENT)
  @Mutation(() => Measure)
  async addMeasure(
    @Arg('reviewId', () => ID) reviewId: string,
    @Arg('input', () => MeasureInput) input: MeasureInput,
    @Ctx() context: RequestContext,
  ): Promise<Measure> {
    return context.services.reviews.addMeasure(caller(context), reviewId, input);
  }

  @Authorized(ROLES_FOR.MANAGEMENT)
  @Mutation(() => Measure, { description: 'Follow-up notes, a new due date, or done.' })
  async updateMeasure(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => MeasureUpdateInput) input: MeasureUpdateInput,
    @Ctx() context: RequestContext,
  ): Promise<Measure> {
    return context.services.reviews.updateMeasure(caller(context), id, version, input);
  }

  @Authorized(ROLES_FOR.MANAGEMENT)
  @Query(() => MeasurePage, { description: 'Measures to follow up (open, overdue, per owner).' })
  async measureList(@Args(() => MeasureListArgs) args: MeasureListArgs, @Ctx() { services }: RequestContext): Promise<MeasurePage> {
    return services.reviews.listMeasures(args);
  }

  @FieldResolver(() => ReviewFigures, { description: "The period's figures next to the previous period's, and the trends." })
  async figures(@Root() review: Review, @Ctx() { services }: RequestContext): Promise<ReviewFigures> {
    return services.reviews.figures(review);
  }

  @FieldResolver(() => [Measure])
  async measures(@Root() review: Review, @Ctx() { services }: RequestContext): Promise<Measure[]> {
    return (await services.reviews.listMeasures(Object.assign(new MeasureListArgs(), { perPage: 200, filter: { reviewId: review.id } }))).items;
  }

  @FieldResolver(() => String, { description: 'The review as a readable Markdown report.' })
  async report(@Root() review: Review, @Ctx() { services }: RequestContext): Promise<string> {
    return services.reviews.report(review);
  }

  @FieldResolver(() => Staff)
  async openedBy(@Root() review: Review, @Ctx() { loaders }: RequestContext): Promise<Staff | null> {
    return loaders.staff.load(review.openedById);
  }
}

@Resolver(() => Measure)
export class MeasureResolver {
  @FieldResolver(() => Staff)
  async owner(@Root() measure: Measure, @Ctx() { loaders }: RequestContext): Promise<Staff | null> {
    return loaders.staff.load(measure.ownerId);
  }
}
