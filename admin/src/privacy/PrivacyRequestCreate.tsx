import Typography from '@mui/material/Typography';
import { AutocompleteInput, Create, DateTimeInput, RadioButtonGroupInput, ReferenceInput, SimpleForm, required, type Validator } from 'react-admin';
import { enumChoices } from '../complaints/choices';
import { notInTheFuture, toIsoDateTime } from '../complaints/format';
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
      helperText="Zoek op kenmerk, naam of e-mailadres"
      sx={{ minWidth: 360 }}
    />
  </ReferenceInput>
);

/**
 * "Verzoek vastleggen" (recordPrivacyRequest): an access or erasure request, through one of the complainant's
 * complaints (searched by reference, name or e-mail); their other complaints are found by identity. Nothing is
 * removed yet: the request's page shows what an erasure would take.
 */
export const PrivacyRequestCreate = () => (
  <Create title="Privacyverzoek vastleggen" redirect="show">
    <SimpleForm defaultValues={{ kind: 'ACCESS', receivedAt: new Date().toISOString() }}>
      <Typography variant="body2" sx={{ mb: 2, maxWidth: 720 }}>
        Een klager vraagt om inzage in, of verwijdering van, zijn of haar gegevens (AVG art. 15 en 17). Kies een klacht van deze klager: de andere dossiers
        worden gevonden op e-mailadres, telefoonnummer of naam en adres (niet via een vertegenwoordiger); dat voorstel kunt u op de pagina van het verzoek
        aanpassen. Het antwoord moet binnen een maand na ontvangst.
      </Typography>
      <RadioButtonGroupInput source="kind" label="Soort verzoek" choices={enumChoices('PrivacyRequestKind')} validate={required()} />
      <ComplaintPicker label="Klacht van de klager" />
      <DateTimeInput source="receivedAt" label="Ontvangen op" parse={toIsoDateTime} validate={[required(), notInTheFuture]} />
    </SimpleForm>
  </Create>
);
