import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { Staff } from '../staff/staff.entity';

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
  async login(
    @Arg('email') email: string,
    @Arg('password') password: string,
    @Ctx() { services, ip }: RequestContext,
  ): Promise<LoginPayload> {
    return services.auth.login(email, password, ip);
  }
}
