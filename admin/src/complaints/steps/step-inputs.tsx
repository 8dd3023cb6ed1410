import type { ReactNode } from 'react';
import { DateTimeInput, SelectInput, TextInput, AutocompleteInput, maxLength, required, useGetList } from 'react-admin';
import { useEnumLabel } from '../chips';
import { enumChoices } from '../choices';
import { inTheFuture, notInTheFuture, toIsoDateTime } from '../format';
import type { ComplaintRecord } from '../types';
import type { StepField, Values } from './step-mutations';
import type { StaffAction } from './staff-actions';
import { hasRole } from '../../providers/roles';
import { LENGTH } from '../../lengths';

/** Contact with the complainant goes by any channel but the web form. */
export const CONTACT_CHANNELS = ['PHONE', 'EMAIL', 'LETTER', 'IN_PERSON'] as const;

export const contactChannelOf = (record: ComplaintRecord): string =>
  record.channel === 'WEB_FORM' ? (record.complainant?.email ? 'EMAIL' : 'PHONE') : record.channel;

export const MomentInput = ({ source, label }: { source: string; label: string }) => (
  <DateTimeInput source={source} label={label} parse={toIsoDateTime} validate={[required(), notInTheFuture]} />
);

export const LongText = ({ source, label, isRequired = false, max = LENGTH.text }: { source: string; label: string; isRequired?: boolean; max?: number }) => (
  <TextInput source={source} label={label} multiline minRows={3} validate={isRequired ? [required(), maxLength(max)] : maxLength(max)} />
);

export const FutureMomentInput = ({ source, label, isRequired = true }: { source: string; label: string; isRequired?: boolean }) => (
  <DateTimeInput source={source} label={label} parse={toIsoDateTime} validate={isRequired ? [required(), inTheFuture] : inTheFuture} />
);

/** What a dialog's inputs may depend on besides the complaint. */
export interface FormContext {
  permissions: unknown;
  /** The `extensions.code`s of the API's refusals in this dialog so far. */
  errorCodes: string[];
}

export interface ActionForm<F extends string = string> {
  /** The form's inputs. */
  fields: (record: ComplaintRecord, context: FormContext) => ReactNode;
  /** Their names, fields of the step's mutation (checked against the schema): API field errors for these are shown under them. */
  names: F[];
  defaults?: (record: ComplaintRecord) => Values;
  /** A sentence above the inputs. */
  intro?: string | ((record: ComplaintRecord) => string);
}

export const isDirector = (permissions: unknown): boolean => hasRole(permissions, 'DIRECTOR');

/** The staff members a complaint is about: they may not chair or handle it. */
export const subjectsOf = (record: ComplaintRecord): string[] => record.subjectStaffIds ?? [];

/** Active external parties, with their kind and whether their ruling binds. */
export const ExternalPartyInput = () => {
  const label = useEnumLabel();
  const { data, isPending } = useGetList('ExternalParty', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
    filter: { active: true },
  });
  const choices = (data ?? []).map((party) => ({
    id: String(party.id),
    name: `${String(party.name)} (${label('ExternalPartyKind', String(party.kind)).toLowerCase()}${party.binding ? ', bindend' : ''})`,
  }));
  return (
    <AutocompleteInput
      source="partyId"
      label="Externe partij"
      choices={choices}
      isPending={isPending}
      validate={required()}
      helperText="Het oordeel van een bindende partij sluit de klacht met die uitkomst"
    />
  );
};

export const HEARING_FORMS = enumChoices('HearingForm', ['PHONE', 'OFFICE', 'VIDEO']);

export const contactForm = (intro: string): ActionForm<StepField<'RECORD_CONTACT'>> => ({
  intro,
  names: ['channel', 'contactedAt', 'summary'],
  defaults: (record) => ({ channel: contactChannelOf(record), contactedAt: new Date().toISOString() }),
  fields: () => (
    <>
      <SelectInput source="channel" label="Kanaal" choices={enumChoices('Channel', CONTACT_CHANNELS)} validate={required()} />
      <MomentInput source="contactedAt" label="Contact op" />
      <LongText source="summary" label="Samenvatting" />
    </>
  ),
});

/** The dialogs of a group of steps: each one's names are fields of that step's mutation. */
export type StepForms = { [A in StaffAction]?: ActionForm<StepField<A>> };
