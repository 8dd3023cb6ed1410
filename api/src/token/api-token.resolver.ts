import { Length } from 'class-validator';
import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { caller, type RequestContext } from '../shared/request-context';
import { Role } from '../shared/roles';
import { ApiToken, ApiTokenScope } from './api-token.entity';
import { LENGTH } from '../shared/lengths';

@InputType()
export class CreateApiTokenInput {
  @Field({ description: 'What uses it, e.g. "Power BI kwaliteit" or "Website".' })
  @Length(1, LENGTH.name)
  name: string;

  @Field(() => ApiTokenScope)
  scope: ApiTokenScope;
}

@ObjectType()
export class CreatedApiToken {
  @Field(() => ApiToken)
  token: ApiToken;

  @Field({ description: 'Send as `Authorization: Bearer <secret>`. Shown only now: it is stored hashed.' })
  secret: string;
}

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @Authorized(Role.ADMIN)
  @Query(() => [ApiToken])
  async apiTokens(@Ctx() { services }: RequestContext): Promise<ApiToken[]> {
    return services.apiTokens.list();
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreatedApiToken)
  async createApiToken(@Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput, @Ctx() context: RequestContext): Promise<CreatedApiToken> {
    return context.services.apiTokens.create(caller(context), input.name, input.scope);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ApiToken, { description: 'The token stops working at once.' })
  async revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<ApiToken> {
    return context.services.apiTokens.revoke(caller(context), id);
  }
}
