import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import {
  AutocompleteArrayInput,
  Create,
  RadioButtonGroupInput,
  ReferenceArrayInput,
  SelectInput,
  SimpleForm,
  TextInput,
  maxLength,
  required,
  useGetList,
  useNotify,
  usePermissions,
  useRedirect,
  useTranslate,
  type Validator,
} from 'react-admin';
import type { ComplaintRecord } from './types';
import { STAFF_CHANNELS, enumChoices, mayListStaff } from './choices';
import { LENGTH } from '../lengths';
import { MomentInput } from './steps/step-inputs';
import { ReferenceByNameInput, searchByName } from '../layout/list-parts';
import { emailAddress } from '../layout/validators';

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%', maxWidth: 880, mb: 1 }}>
      <Typography variant="h6" component="h2" sx={{ mt: 1, mb: 1 }}>
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
};

const Row = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, '& > *': { flex: '1 1 260px' } }}>{children}</Box>
);

/**
 * Seed 003: at least one way to reach the complainant. Checked on each of the three fields (with the others'
 * values), not as a form-level check: react-admin ignores every input's own validators when the form has one, and
 * the name and the description would go unchecked.
 */
const CONTACT_FIELDS = ['email', 'phone', 'postalAddress'] as const;

const oneWayToReach: Validator = (_value: unknown, values: Record<string, unknown>) => {
  const complainant = (values.complainant ?? {}) as Record<string, unknown>;
  const filled = CONTACT_FIELDS.some((name) => typeof complainant[name] === 'string' && (complainant[name] as string).trim() !== '');
  return filled ? undefined : 'app.validation.contactRequired';
};

/** Policies are chosen by key (registerComplaint takes `policyKey`); empty: the default. */
const PolicyInput = () => {
  const { data = [], isPending } = useGetList('Policy', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
  });
  return (
    <SelectInput
      source="policyKey"
      label="app.intake.policy"
      choices={data.map((policy) => ({ id: String(policy.key), name: `${policy.name} (${policy.key})` }))}
      translateChoice={false}
      isPending={isPending}
      emptyText="app.intake.policyDefault"
      helperText="app.intake.policyHelp"
    />
  );
};

/**
 * Klacht registreren: the intake of a complaint received by phone, in person, e-mail or letter. Every required field
 * is checked on the field before anything is sent; the API's refusals land under their fields too (by code, nested
 * ones like `complainant.phone` included; providers/error-mapping.ts).
 */
export const ComplaintCreate = () => {
  const { permissions } = usePermissions();
  const notify = useNotify();
  const redirect = useRedirect();
  const onSuccess = (complaint: ComplaintRecord) => {
    notify('app.intake.registered', { type: 'success', messageArgs: { reference: complaint.reference } });
    redirect('show', 'Complaint', complaint.id, complaint);
  };
  const defaultValues = () => ({
    channel: 'PHONE',
    kind: 'COMPLAINT',
    receivedAt: new Date().toISOString(),
    complainant: { relation: 'CLIENT' },
  });
  const contact = [oneWayToReach];
  return (
    <Create title="app.intake.title" mutationOptions={{ onSuccess }}>
      <SimpleForm defaultValues={defaultValues} noValidate>
        <Section title="app.intake.receipt">
          <Row>
            <RadioButtonGroupInput source="channel" label="app.intake.channel" choices={enumChoices('Channel', STAFF_CHANNELS)} validate={required()} />
            <RadioButtonGroupInput
              source="kind"
              label="app.intake.kind"
              choices={enumChoices('ComplaintKind', ['COMPLAINT', 'SIGNAL'])}
              helperText="app.intake.kindHelp"
              validate={required()}
            />
          </Row>
          <Row>
            <MomentInput source="receivedAt" label="app.intake.receivedAt" />
            <PolicyInput />
          </Row>
        </Section>
        <Section title="app.intake.complainant">
          <Row>
            <TextInput source="complainant.name" label="app.intake.name" validate={[required(), maxLength(LENGTH.name)]} />
            <SelectInput source="complainant.relation" label="app.intake.relation" choices={enumChoices('ComplainantRelation')} validate={required()} />
          </Row>
          <Row>
            <TextInput
              source="complainant.email"
              label="app.intake.email"
              inputMode="email"
              autoComplete="off"
              validate={[...contact, emailAddress, maxLength(LENGTH.email)]}
            />
            <TextInput source="complainant.phone" label="app.intake.phone" inputMode="tel" validate={[...contact, maxLength(LENGTH.phone)]} />
          </Row>
          <TextInput
            source="complainant.postalAddress"
            label="app.intake.postalAddress"
            multiline
            minRows={2}
            validate={[...contact, maxLength(LENGTH.postalAddress)]}
          />
          <Row>
            <TextInput source="complainant.organisation" label="app.intake.organisation" validate={maxLength(LENGTH.name)} />
            <TextInput source="complainant.onBehalfOf" label="app.intake.onBehalfOf" validate={maxLength(LENGTH.name)} helperText="app.intake.onBehalfOfHelp" />
          </Row>
        </Section>
        <Section title="app.intake.complaint">
          <TextInput source="description" label="app.intake.description" multiline minRows={4} validate={[required(), maxLength(LENGTH.description)]} />
          <Row>
            <ReferenceByNameInput source="unitId" reference="Unit" filter={{ active: true }} label="app.intake.unit" />
            <ReferenceByNameInput source="categoryId" reference="Category" filter={{ active: true }} label="app.intake.category" />
          </Row>
          <Row>
            {mayListStaff(permissions) ? (
              <ReferenceArrayInput source="subjectStaffIds" reference="Staff" filter={{ active: true }}>
                <AutocompleteArrayInput label="app.intake.subjects" optionText="name" filterToQuery={searchByName} helperText="app.intake.subjectsHelp" />
              </ReferenceArrayInput>
            ) : null}
            <TextInput source="subjectService" label="app.intake.subjectService" validate={maxLength(LENGTH.subjectService)} />
          </Row>
        </Section>
      </SimpleForm>
    </Create>
  );
};
