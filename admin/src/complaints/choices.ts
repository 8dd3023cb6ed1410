import { schemaModel } from '../schema/contract';

export interface Choice {
    id: string;
    name: string;
}

/**
 * The values of an enum of the contract as choices (names are i18n keys: react-admin's choice
 * inputs translate them), optionally only `only`, in that order.
 */
export const enumChoices = (enumName: string, only?: readonly string[]): Choice[] => {
    const values = schemaModel.enums.find(candidate => candidate.name === enumName)?.values ?? [];
    const wanted = only ? only.filter(value => values.includes(value)) : values;
    return wanted.map(value => ({ id: value, name: `enums.${enumName}.${value}` }));
};

/** The channels staff register a complaint from (the web form registers itself). */
export const STAFF_CHANNELS = ['PHONE', 'IN_PERSON', 'EMAIL', 'LETTER'] as const;

/** Roles that may list staff (staffList), so get a staff autocomplete. */
export const STAFF_LISTING_ROLES = ['ADMIN', 'DIRECTOR', 'QUALITY_MANAGER'];

export const mayListStaff = (permissions: unknown): boolean =>
    Array.isArray(permissions) && permissions.some(role => STAFF_LISTING_ROLES.includes(String(role)));
