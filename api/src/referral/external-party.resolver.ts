import { ObjectType, Resolver } from 'type-graphql';
import { PageOf } from '../shared/pagination';
import { ReferenceDataResolver } from '../shared/reference-data.resolver';
import { STAFF_DIRECTORY } from '../shared/roles';
import { ExternalParty } from './external-party.entity';
import { CreateExternalPartyInput, ExternalPartyListArgs, UpdateExternalPartyInput } from './external-party.input';

@ObjectType()
export class ExternalPartyPage extends PageOf(ExternalParty) {}

/** Mediators and bodies have names and contact details: for colleagues and ADMIN, not for BI. */
@Resolver(() => ExternalParty)
export class ExternalPartyResolver extends ReferenceDataResolver({
  entity: ExternalParty,
  page: ExternalPartyPage,
  listArgs: ExternalPartyListArgs,
  createInput: CreateExternalPartyInput,
  updateInput: UpdateExternalPartyInput,
  names: { one: 'externalParty', list: 'externalPartyList', create: 'createExternalParty', update: 'updateExternalParty' },
  descriptions: { list: 'Mediators, the Nationale ombudsman, other bodies and parties.' },
  service: (services) => services.externalParties,
  read: STAFF_DIRECTORY,
}) {}
