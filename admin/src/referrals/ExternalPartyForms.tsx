import { BooleanInput, Create, Edit, SaveButton, SelectInput, SimpleForm, TextInput, Toolbar, maxLength, required } from 'react-admin';
import { enumChoices } from '../complaints/choices';
import { CheckboxInput } from '../layout/CheckboxInput';
import { LENGTH } from '../lengths';

const PartyFields = () => (
  <>
    <TextInput source="name" label="Naam" validate={[required(), maxLength(LENGTH.name)]} />
    <SelectInput source="kind" label="Soort" choices={enumChoices('ExternalPartyKind')} validate={required()} />
    <TextInput source="phone" label="Telefoonnummer" validate={maxLength(LENGTH.phone)} />
    <TextInput source="email" label="E-mailadres" type="email" validate={maxLength(LENGTH.email)} />
    <CheckboxInput
      source="binding"
      label="De uitspraak is bindend voor alle partijen"
      helperText="Bijvoorbeeld een bij de MfN geregistreerde mediator; de uitkomst sluit de klacht met die uitkomst"
    />
  </>
);

/** A new mediator, ombudsman, competent body or other party (ADMIN). */
export const ExternalPartyCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ binding: false }}>
      <PartyFields />
    </SimpleForm>
  </Create>
);

export const ExternalPartyEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <PartyFields />
      <BooleanInput source="active" label="Actief (te kiezen bij een verwijzing)" />
    </SimpleForm>
  </Edit>
);
