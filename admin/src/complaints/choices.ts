import { inDomainOrder } from '../i18n/domain-labels';
import { mayUse } from '../providers/roles';
import { schemaModel } from '../schema/contract';

export interface Choice {
  id: string;
  name: string;
}

/**
 * The values of an enum of the contract as choices (names are i18n keys: react-admin's choice
 * inputs translate them) in the procedure's order, or only `only`, in that order.
 */
export const enumChoices = (enumName: string, only?: readonly string[]): Choice[] => {
  const values = schemaModel.enums.find((candidate) => candidate.name === enumName)?.values ?? [];
  const wanted = only ? only.filter((value) => values.includes(value)) : inDomainOrder(enumName, values);
  return wanted.map((value) => ({ id: value, name: `enums.${enumName}.${value}` }));
};

/** The channels staff register a complaint from (the web form registers itself). */
export const STAFF_CHANNELS = ['PHONE', 'IN_PERSON', 'EMAIL', 'LETTER'] as const;

/** Whether the role may list staff (staffList: every role but ANALYST), so gets a staff autocomplete. */
export const mayListStaff = (permissions: unknown): boolean => mayUse(permissions, 'STAFF_DIRECTORY');

/** Objections are in writing (FileObjectionInput.channel). */
export const OBJECTION_CHANNELS = ['LETTER', 'EMAIL', 'WEB_FORM'] as const;
