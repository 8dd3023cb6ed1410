import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import {
  AutocompleteArrayInput,
  Create,
  DateTimeInput,
  RadioButtonGroupInput,
  ReferenceArrayInput,
  SelectInput,
  SimpleForm,
  TextInput,
  email,
  maxLength,
  required,
  useGetList,
  useNotify,
  usePermissions,
  useRedirect,
} from 'react-admin';
import type { ComplaintRecord } from './types';
import { STAFF_CHANNELS, enumChoices, mayListStaff } from './choices';
import { notInTheFuture, toIsoDateTime } from './format';
import { LENGTH } from '../lengths';
import { ReferenceByNameInput, searchByName } from '../layout/list-parts';

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box sx={{ width: '100%', maxWidth: 880, mb: 1 }}>
    <Typography variant="h6" component="h2" sx={{ mt: 1, mb: 1 }}>
      {title}
    </Typography>
    {children}
  </Box>
);

const Row = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, '& > *': { flex: '1 1 260px' } }}>{children}</Box>
);

/** Seed 003: a name and at least one way to reach the complainant. */
const validateIntake = (values: Record<string, unknown>) => {
  const complainant = (values.complainant ?? {}) as Record<string, unknown>;
  const has = (name: string) => typeof complainant[name] === 'string' && complainant[name] !== '';
  if (has('email') || has('phone') || has('postalAddress')) return {};
  return {
    complainant: {
      email: 'Geef een e-mailadres, telefoonnummer of postadres',
      phone: 'Geef een e-mailadres, telefoonnummer of postadres',
      postalAddress: 'Geef een e-mailadres, telefoonnummer of postadres',
    },
  };
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
      label="Klachtenregeling"
      choices={data.map((policy) => ({ id: String(policy.key), name: `${policy.name} (${policy.key})` }))}
      translateChoice={false}
      isPending={isPending}
      emptyText="Standaard (van de eenheid of de organisatie)"
      helperText="Leeg laten: de regeling van de eenheid, anders die van de organisatie"
    />
  );
};

/** Klacht registreren: the intake of a complaint received by phone, in person, e-mail or letter. */
export const ComplaintCreate = () => {
  const { permissions } = usePermissions();
  const notify = useNotify();
  const redirect = useRedirect();
  const onSuccess = (complaint: ComplaintRecord) => {
    notify(`Klacht ${complaint.reference} geregistreerd`, { type: 'success' });
    redirect('show', 'Complaint', complaint.id, complaint);
  };
  const defaultValues = () => ({
    channel: 'PHONE',
    kind: 'COMPLAINT',
    receivedAt: new Date().toISOString(),
    complainant: { relation: 'CLIENT' },
  });
  return (
    <Create title="Klacht registreren" mutationOptions={{ onSuccess }}>
      <SimpleForm defaultValues={defaultValues} validate={validateIntake}>
        <Section title="Ontvangst">
          <Row>
            <RadioButtonGroupInput source="channel" label="Kanaal" choices={enumChoices('Channel', STAFF_CHANNELS)} validate={required()} />
            <RadioButtonGroupInput
              source="kind"
              label="Soort"
              choices={enumChoices('ComplaintKind', ['COMPLAINT', 'SIGNAL'])}
              helperText="Melding: meteen opgelost; telt mee, zonder procedure"
            />
          </Row>
          <Row>
            <DateTimeInput source="receivedAt" label="Ontvangen op" parse={toIsoDateTime} validate={[required(), notInTheFuture]} />
            <PolicyInput />
          </Row>
        </Section>
        <Section title="Klager">
          <Row>
            <TextInput source="complainant.name" label="Naam" validate={[required(), maxLength(LENGTH.name)]} />
            <SelectInput source="complainant.relation" label="Relatie" choices={enumChoices('ComplainantRelation')} validate={required()} />
          </Row>
          <Row>
            <TextInput source="complainant.email" label="E-mailadres" type="email" validate={[email('Geen geldig e-mailadres'), maxLength(LENGTH.email)]} />
            <TextInput source="complainant.phone" label="Telefoonnummer" type="tel" validate={maxLength(LENGTH.phone)} />
          </Row>
          <TextInput source="complainant.postalAddress" label="Postadres" multiline minRows={2} validate={maxLength(LENGTH.postalAddress)} />
          <Row>
            <TextInput source="complainant.organisation" label="Organisatie" validate={maxLength(LENGTH.name)} />
            <TextInput
              source="complainant.onBehalfOf"
              label="Namens"
              validate={maxLength(LENGTH.name)}
              helperText="Als de klager namens iemand anders klaagt"
            />
          </Row>
        </Section>
        <Section title="Klacht">
          <TextInput source="description" label="Omschrijving" multiline minRows={4} validate={[required(), maxLength(LENGTH.description)]} />
          <Row>
            <ReferenceByNameInput source="unitId" reference="Unit" filter={{ active: true }} label="Eenheid" />
            <ReferenceByNameInput source="categoryId" reference="Category" filter={{ active: true }} label="Categorie" />
          </Row>
          <Row>
            {mayListStaff(permissions) ? (
              <ReferenceArrayInput source="subjectStaffIds" reference="Staff" filter={{ active: true }}>
                <AutocompleteArrayInput
                  label="Betrokken medewerkers"
                  optionText="name"
                  filterToQuery={searchByName}
                  helperText="Over wie de klacht gaat; zij kunnen haar niet behandelen"
                />
              </ReferenceArrayInput>
            ) : null}
            <TextInput source="subjectService" label="Betrokken dienst" validate={maxLength(LENGTH.subjectService)} />
          </Row>
        </Section>
      </SimpleForm>
    </Create>
  );
};
