import { Length, MaxLength } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import { MIN_PASSWORD_LENGTH } from '../config';
import { caller, type RequestContext } from '../shared/request-context';
import { LENGTH } from '../shared/lengths';
import { ForbiddenError } from '../shared/errors';
import { Language, Staff } from '../staff/staff.entity';

/** Bounded, so that an anonymous caller cannot make the server hash or log megabytes. */
@ArgsType()
export class LoginArgs {
  @Field()
  @Length(1, LENGTH.email, { message: `is required (at most ${LENGTH.email} characters)` })
  email: string;

  @Field()
  @MaxLength(LENGTH.password)
  password: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field()
  @MaxLength(LENGTH.password)
  currentPassword: string;

  @Field({ description: `At least ${MIN_PASSWORD_LENGTH} characters, other than the current one.` })
  @Length(MIN_PASSWORD_LENGTH, LENGTH.password, { message: `must be ${MIN_PASSWORD_LENGTH} to ${LENGTH.password} characters` })
  newPassword: string;
}

@ObjectType()
export class LoginPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' })
  token: string;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => Staff)
  staff: Staff;
}

@Resolver()
export class AuthResolver {
  @Mutation(() => LoginPayload, { description: 'Sign in with e-mail address and password.' })
  async login(@Args(() => LoginArgs) { email, password }: LoginArgs, @Ctx() context: RequestContext): Promise<LoginPayload> {
    const payload = await context.services.auth.login(email, password, context.ip);
    // The rest of this request is the signed-in member of staff's: the payload's own fields are theirs to read.
    context.caller = context.services.auth.callerOf(payload.staff);
    return payload;
  }

  @Authorized()
  @Mutation(() => LoginPayload, {
    description: 'Your own password, with the current one (throttled as a sign-in): every other session ends; this one goes on with the new token.',
  })
  async changeOwnPassword(
    @Args(() => ChangePasswordArgs) { currentPassword, newPassword }: ChangePasswordArgs,
    @Ctx() context: RequestContext,
  ): Promise<LoginPayload> {
    return context.services.auth.changeOwnPassword(caller(context), currentPassword, newPassword, context.ip);
  }

  @Authorized()
  @Mutation(() => Staff, { description: 'The language of your admin panel (Dutch by default).' })
  async setMyLanguage(@Arg('language', () => Language) language: Language, @Ctx() context: RequestContext): Promise<Staff> {
    const me = caller(context);
    if (me.tokenScope) throw new ForbiddenError('An API token has no admin panel.');
    return context.services.staff.setLanguage(me, language);
  }
}
