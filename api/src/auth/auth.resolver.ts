import { Length, MaxLength } from 'class-validator';
import { Args, ArgsType, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { RequestContext } from '../shared/request-context';
import { LENGTH } from '../shared/lengths';
import { Staff } from '../staff/staff.entity';

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
}
