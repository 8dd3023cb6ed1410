import { AutocompleteInput, ReferenceInput, required, useGetIdentity, useGetList } from 'react-admin';
import { searchByName } from '../layout/list-parts';

/** Any active member of staff, searched by name or e-mail on the server. */
export const StaffInput = ({ source, label, isRequired = false, helperText }: { source: string; label: string; isRequired?: boolean; helperText?: string }) => (
  <ReferenceInput source={source} reference="Staff" filter={{ active: true }}>
    <AutocompleteInput label={label} optionText="name" filterToQuery={searchByName} validate={isRequired ? required() : undefined} helperText={helperText} />
  </ReferenceInput>
);

/**
 * Active staff with any of `roles` (one `staffList(filter: { roles })` request), never one of
 * `excludeIds` (the employees a complaint is about); searched in the browser.
 */
export const StaffWithRoleInput = ({
  source,
  label,
  roles,
  excludeIds = [],
  isRequired = true,
  helperText,
}: {
  source: string;
  label: string;
  roles: readonly string[];
  excludeIds?: readonly string[];
  isRequired?: boolean;
  helperText?: string;
}) => {
  const { data, isPending } = useGetList('Staff', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
    filter: { active: true, roles },
  });
  const choices = (data ?? [])
    .filter((member) => !excludeIds.includes(String(member.id)))
    .map((member) => ({ id: String(member.id), name: String(member.name) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return (
    <AutocompleteInput
      source={source}
      label={label}
      choices={choices}
      translateChoice={false}
      isPending={isPending}
      validate={isRequired ? required() : undefined}
      helperText={helperText}
    />
  );
};

/** Who may handle a complaint: what assignHandler accepts, never whom the complaint is about. */
export const HandlerInput = ({ excludeIds = [] }: { excludeIds?: string[] }) => (
  <StaffWithRoleInput
    source="handlerId"
    label="app.steps.fields.handler"
    roles={['HANDLER', 'DIRECTOR']}
    excludeIds={excludeIds}
    helperText="app.steps.fields.handlerHelp"
  />
);

/**
 * Whom a complaint may be forwarded to (the FORWARD step): active staff who work on complaints — not an account that
 * is only ADMIN (who sees no complaints) or only ANALYST — and never whom the complaint is about, nor oneself.
 */
export const ForwardTargetInput = ({ excludeIds = [] }: { excludeIds?: string[] }) => {
  // nor oneself: forwarding is handing over
  const { identity } = useGetIdentity();
  return (
    <StaffWithRoleInput
      source="toId"
      label="app.steps.fields.forwardTo"
      roles={['EMPLOYEE', 'HANDLER', 'QUALITY_MANAGER', 'DIRECTOR']}
      excludeIds={identity ? [...excludeIds, String(identity.id)] : excludeIds}
      isRequired={false}
      helperText="app.steps.fields.forwardToHelp"
    />
  );
};

/** Who may chair a hearing: casework staff, never the employee the complaint is about. */
export const ChairInput = ({ excludeIds = [] }: { excludeIds?: string[] }) => (
  <StaffWithRoleInput
    source="chairId"
    label="app.steps.fields.chair"
    roles={['HANDLER', 'QUALITY_MANAGER', 'DIRECTOR']}
    excludeIds={excludeIds}
    helperText="app.steps.fields.chairHelp"
  />
);
