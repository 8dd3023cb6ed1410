import { BooleanInput, Create, Edit, SaveButton, SelectInput, SimpleForm, TextInput, Toolbar, maxLength, required } from 'react-admin';
import { enumChoices } from '../complaints/choices';
import { CheckboxInput } from '../layout/CheckboxInput';
import { LENGTH } from '../lengths';
import { emailAddress } from '../layout/validators';
import { useSavedNotice } from '../schema/saved-notice';

const PartyFields = () => (
  <>
    <TextInput source="name" label="app.externalParty.name" validate={[required(), maxLength(LENGTH.name)]} />
    <SelectInput source="kind" label="app.externalParty.kind" choices={enumChoices('ExternalPartyKind')} validate={required()} />
    <TextInput source="phone" label="app.externalParty.phone" inputMode="tel" validate={maxLength(LENGTH.phone)} />
    <TextInput source="email" label="app.externalParty.email" inputMode="email" validate={[emailAddress, maxLength(LENGTH.email)]} />
    <CheckboxInput source="binding" label="app.externalParty.binding" helperText="app.externalParty.bindingHelp" />
  </>
);

/** A new mediator, ombudsman, competent body or other party (ADMIN). */
export const ExternalPartyCreate = () => {
  const onSuccess = useSavedNotice('ExternalParty', 'created', 'show');
  return (
    <Create redirect="show" mutationOptions={{ onSuccess }}>
      <SimpleForm defaultValues={{ binding: false }} noValidate>
        <PartyFields />
      </SimpleForm>
    </Create>
  );
};

export const ExternalPartyEdit = () => {
  const onSuccess = useSavedNotice('ExternalParty', 'updated', 'show');
  return (
    <Edit mutationMode="pessimistic" redirect="show" mutationOptions={{ onSuccess }}>
      <SimpleForm
        noValidate
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        <PartyFields />
        <BooleanInput source="active" label="app.externalParty.active" />
      </SimpleForm>
    </Edit>
  );
};
