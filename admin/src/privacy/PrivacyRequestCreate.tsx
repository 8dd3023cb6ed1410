import Typography from '@mui/material/Typography';
import { AutocompleteInput, Create, RadioButtonGroupInput, ReferenceInput, SimpleForm, required, useTranslate, type Validator } from 'react-admin';
import { MomentInput } from '../complaints/steps/step-inputs';
import { enumChoices } from '../complaints/choices';
import { searchByName } from '../layout/list-parts';

interface ComplaintOption {
  reference?: string;
  complainant?: { name?: string | null } | null;
}

const complaintText = (complaint: ComplaintOption | undefined): string =>
  complaint ? `${complaint.reference ?? ''}${complaint.complainant?.name ? ` — ${complaint.complainant.name}` : ''}` : '';

/** A complaint searched by reference, name or e-mail (`complaintId`): on this form, and to add one to a request. */
export const ComplaintPicker = ({ label, validate = required() }: { label: string; validate?: Validator | Validator[] }) => (
  <ReferenceInput source="complaintId" reference="Complaint">
    <AutocompleteInput
      label={label}
      optionText={complaintText}
      filterToQuery={searchByName}
      validate={validate}
      helperText="app.privacy.searchHelp"
      sx={{ minWidth: 360 }}
    />
  </ReferenceInput>
);

/**
 * "Verzoek vastleggen" (recordPrivacyRequest): an access or erasure request, through one of the complainant's
 * complaints (searched by reference, name or e-mail); their other complaints are found by identity. Nothing is
 * removed yet: the request's page shows what an erasure would take.
 */
export const PrivacyRequestCreate = () => {
  const translate = useTranslate();
  return (
    <Create title="app.privacy.createTitle" redirect="show">
      <SimpleForm defaultValues={{ kind: 'ACCESS', receivedAt: new Date().toISOString() }} noValidate>
        <Typography variant="body2" sx={{ mb: 2, maxWidth: 720 }}>
          {translate('app.privacy.createIntro')}
        </Typography>
        <RadioButtonGroupInput source="kind" label="app.privacy.kind" choices={enumChoices('PrivacyRequestKind')} validate={required()} />
        <ComplaintPicker label="app.privacy.complaintOfComplainant" />
        <MomentInput source="receivedAt" label="app.privacy.receivedAt" />
      </SimpleForm>
    </Create>
  );
};
