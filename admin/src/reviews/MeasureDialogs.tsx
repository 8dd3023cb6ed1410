import Button from '@mui/material/Button';
import { useState } from 'react';
import { AutocompleteArrayInput, DateInput, ReferenceArrayInput, TextInput, maxLength, required, useDataProvider, useNotify, useRefresh } from 'react-admin';
import { StaffInput } from '../complaints/staff-inputs';
import { CheckboxInput } from '../layout/CheckboxInput';
import { FormDialog } from '../layout/FormDialog';
import type { GraphQLDataProvider } from '../providers/graphql-call';
import { ADD_MEASURE, UPDATE_MEASURE, localDay, type MeasureRecord } from './review-api';
import { LENGTH } from '../lengths';

type Values = Record<string, unknown>;

const searchByReference = (searchText: string) => (searchText ? { q: searchText } : {});

const trimmed = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** "Maatregel toevoegen": what, who, by when, and the complaints behind it. */
export const AddMeasureButton = ({ reviewId }: { reviewId: string }) => {
  const [open, setOpen] = useState(false);
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const submit = async (values: Values) => {
    await dataProvider.graphql({
      document: ADD_MEASURE,
      variables: {
        reviewId,
        input: {
          description: trimmed(values.description) ?? '',
          ownerId: String(values.ownerId ?? ''),
          dueDate: String(values.dueDate ?? ''),
          complaintIds: Array.isArray(values.complaintIds) ? values.complaintIds.map(String) : [],
        },
      },
      formFields: ['description', 'ownerId', 'dueDate', 'complaintIds'],
    });
    notify('Maatregel toegevoegd', { type: 'success' });
    refresh();
  };
  return (
    <>
      <Button variant="contained" size="small" onClick={() => setOpen(true)}>
        Maatregel toevoegen
      </Button>
      {open ? (
        <FormDialog
          title="Maatregel toevoegen"
          intro="Een preventieve maatregel: wat er gebeurt, wie er eigenaar van is en wanneer het klaar is."
          onSubmit={submit}
          onClose={() => setOpen(false)}
        >
          <TextInput source="description" label="Maatregel" multiline minRows={3} validate={[required(), maxLength(LENGTH.text)]} />
          <StaffInput source="ownerId" label="Eigenaar" isRequired />
          <DateInput source="dueDate" label="Uiterlijk klaar op" validate={required()} />
          <ReferenceArrayInput source="complaintIds" reference="Complaint">
            <AutocompleteArrayInput
              label="Klachten (kenmerk)"
              optionText="reference"
              filterToQuery={searchByReference}
              helperText="De klachten waar de maatregel uit voortkomt; zoek op kenmerk"
            />
          </ReferenceArrayInput>
        </FormDialog>
      ) : null}
    </>
  );
};

/** "Opvolgen": follow-up notes, a new due date, or done. */
export const FollowUpButton = ({ measure }: { measure: MeasureRecord }) => {
  const [open, setOpen] = useState(false);
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const done = measure.status === 'DONE';
  const submit = async (values: Values) => {
    const input: Values = {};
    const followUp = typeof values.followUp === 'string' ? values.followUp.trim() : '';
    if (followUp !== (measure.followUp ?? '')) input.followUp = followUp;
    if (values.dueDate && values.dueDate !== measure.dueDate) input.dueDate = values.dueDate;
    if ((values.done === true) !== done) input.done = values.done === true;
    if (Object.keys(input).length > 0) {
      await dataProvider.graphql({
        document: UPDATE_MEASURE,
        variables: { id: measure.id, version: measure.version, input },
        formFields: ['followUp', 'dueDate', 'done'],
      });
      notify(input.done === true ? 'Maatregel uitgevoerd' : 'Maatregel bijgewerkt', { type: 'success' });
      refresh();
    }
  };
  return (
    <>
      <Button
        size="small"
        variant={done ? 'text' : 'outlined'}
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
        aria-label={`Opvolgen: ${measure.description}`}
      >
        {done ? 'Bijwerken' : 'Opvolgen'}
      </Button>
      {open ? (
        <FormDialog
          title="Maatregel opvolgen"
          intro={measure.description}
          defaultValues={{ followUp: measure.followUp ?? '', dueDate: measure.dueDate, done }}
          onSubmit={submit}
          onClose={() => setOpen(false)}
        >
          <TextInput source="followUp" label="Opvolging" multiline minRows={3} validate={maxLength(LENGTH.text)} />
          <DateInput source="dueDate" label="Uiterlijk klaar op" />
          <CheckboxInput
            source="done"
            label="De maatregel is uitgevoerd"
            helperText={done ? 'Uitvinken zet de maatregel weer open' : `Wordt vastgelegd op ${localDay()}`}
          />
        </FormDialog>
      ) : null}
    </>
  );
};
