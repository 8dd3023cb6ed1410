import { AutocompleteInput, ReferenceInput, required, useGetList } from 'react-admin';

const searchByName = (searchText: string) => (searchText ? { q: searchText } : {});

/** Any active member of staff, searched by name or e-mail on the server. */
export const StaffInput = ({ source, label, isRequired = false, helperText }: {
    source: string;
    label: string;
    isRequired?: boolean;
    helperText?: string;
}) => (
    <ReferenceInput source={source} reference="Staff" filter={{ active: true }}>
        <AutocompleteInput
            label={label}
            optionText="name"
            filterToQuery={searchByName}
            validate={isRequired ? required() : undefined}
            helperText={helperText}
        />
    </ReferenceInput>
);

const ACTIVE_BY_ROLE = (role: string) => ({
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' as const },
    filter: { active: true, role },
});

/**
 * Who may handle a complaint: active staff with the role HANDLER or DIRECTOR (what
 * assignHandler accepts), never one of the employees the complaint is about. StaffFilter takes
 * one role, so this asks for each role and merges; the search is done in the browser.
 */
export const HandlerInput = ({ excludeIds = [] }: { excludeIds?: string[] }) => {
    const handlers = useGetList('Staff', ACTIVE_BY_ROLE('HANDLER'));
    const directors = useGetList('Staff', ACTIVE_BY_ROLE('DIRECTOR'));
    const byId = new Map<string, { id: string; name: string }>();
    for (const member of [...(handlers.data ?? []), ...(directors.data ?? [])]) {
        if (!excludeIds.includes(String(member.id))) {
            byId.set(String(member.id), { id: String(member.id), name: String(member.name) });
        }
    }
    const choices = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    return (
        <AutocompleteInput
            source="handlerId"
            label="Klachtbehandelaar"
            choices={choices}
            isPending={handlers.isPending || directors.isPending}
            validate={required()}
            helperText="Medewerkers met de rol klachtbehandelaar of directeur; niet wie de klacht betreft"
        />
    );
};
