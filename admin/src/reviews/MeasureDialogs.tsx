import Button from '@mui/material/Button';
import { useState } from 'react';
import { AutocompleteArrayInput, ReferenceArrayInput, TextInput, maxLength, required, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { DateInput } from '../layout/DateInputs';
import { formatDay } from '../complaints/format';
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
  const translate = useTranslate();
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
    notify('app.measures.added', { type: 'success', messageArgs: { description: trimmed(values.description) ?? '' } });
    refresh();
  };
  return (
    <>
      <Button variant="contained" size="small" onClick={() => setOpen(true)}>
        {translate('app.measures.add')}
      </Button>
      {open ? (
        <FormDialog title="app.measures.add" intro="app.measures.addIntro" onSubmit={submit} onClose={() => setOpen(false)}>
          <TextInput source="description" label="app.measures.measure" multiline minRows={3} validate={[required(), maxLength(LENGTH.text)]} />
          <StaffInput source="ownerId" label="app.measures.owner" isRequired />
          <DateInput source="dueDate" label="app.measures.dueDate" validate={required()} />
          <ReferenceArrayInput source="complaintIds" reference="Complaint">
            <AutocompleteArrayInput
              label="app.measures.complaintsByReference"
              optionText="reference"
              filterToQuery={searchByReference}
              helperText="app.measures.complaintsHelp"
            />
          </ReferenceArrayInput>
        </FormDialog>
      ) : null}
    </>
  );
};

/** "Opvolgen": follow-up notes, a new due date, or done. */
export const FollowUpButton = ({ measure }: { measure: MeasureRecord }) => {
  const translate = useTranslate();
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
      notify(input.done === true ? 'app.measures.done' : 'app.measures.updated', { type: 'success', messageArgs: { description: measure.description } });
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
        aria-label={translate('app.measures.followUpOf', { description: measure.description })}
      >
        {translate(done ? 'app.measures.update' : 'app.measures.followUpAction')}
      </Button>
      {open ? (
        <FormDialog
          title="app.measures.followUpTitle"
          intro={measure.description}
          defaultValues={{ followUp: measure.followUp ?? '', dueDate: measure.dueDate, done }}
          onSubmit={submit}
          onClose={() => setOpen(false)}
        >
          <TextInput source="followUp" label="app.measures.followUp" multiline minRows={3} validate={maxLength(LENGTH.text)} />
          <DateInput source="dueDate" label="app.measures.dueDate" />
          <CheckboxInput
            source="done"
            label="app.measures.isDone"
            helperText={done ? 'app.measures.uncheckReopens' : translate('app.measures.recordedOn', { date: formatDay(localDay()) })}
          />
        </FormDialog>
      ) : null}
    </>
  );
};
