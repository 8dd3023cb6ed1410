import type { ReactNode } from 'react';
import { SelectInput, TextInput, AutocompleteInput, maxLength, required, useGetList, useTranslate, type TranslateFunction } from 'react-admin';
import { DateTimeInput } from '../../layout/DateInputs';
import { useEnumLabel } from '../chips';
import { enumChoices } from '../choices';
import { inTheFuture, notInTheFuture } from '../format';
import type { ComplaintRecord } from '../types';
import type { StepField, Values } from './step-mutations';
import type { StaffAction } from './staff-actions';
import { hasRole } from '../../providers/roles';
import { LENGTH } from '../../lengths';

/** Contact with the complainant goes by any channel but the web form. */
export const CONTACT_CHANNELS = ['PHONE', 'EMAIL', 'LETTER', 'IN_PERSON'] as const;

export const contactChannelOf = (record: ComplaintRecord): string =>
  record.channel === 'WEB_FORM' ? (record.complainant?.email ? 'EMAIL' : 'PHONE') : record.channel;

/** A moment that has passed (when something was received, said or done): date and time, not in the future. */
export const MomentInput = ({ source, label }: { source: string; label: string }) => (
  <DateTimeInput source={source} label={label} validate={[required(), notInTheFuture]} disableFuture />
);

export const LongText = ({ source, label, isRequired = false, max = LENGTH.text }: { source: string; label: string; isRequired?: boolean; max?: number }) => (
  <TextInput source={source} label={label} multiline minRows={3} validate={isRequired ? [required(), maxLength(max)] : maxLength(max)} />
);

/** A moment ahead (a hearing): date and time, in the future. */
export const FutureMomentInput = ({ source, label, isRequired = true }: { source: string; label: string; isRequired?: boolean }) => (
  <DateTimeInput source={source} label={label} validate={isRequired ? [required(), inTheFuture] : inTheFuture} disablePast />
);

/** What a dialog's inputs may depend on besides the complaint. */
export interface FormContext {
  permissions: unknown;
  /** The `extensions.code`s of the API's refusals in this dialog so far. */
  errorCodes: string[];
}

/** A dialog's sentence above its inputs: an i18n key, or one with its parameters. */
export type Intro = string | { key: string; args: Record<string, unknown> };

export interface ActionForm<F extends string = string> {
  /** The form's inputs. */
  fields: (record: ComplaintRecord, context: FormContext) => ReactNode;
  /** Their names, fields of the step's mutation (checked against the schema): API field errors for these are shown under them. */
  names: F[];
  defaults?: (record: ComplaintRecord) => Values;
  /** A sentence above the inputs (i18n keys). */
  intro?: Intro | ((record: ComplaintRecord, translate: TranslateFunction) => Intro);
}

export const isDirector = (permissions: unknown): boolean => hasRole(permissions, 'DIRECTOR');

/** The staff members a complaint is about: they may not chair or handle it. */
export const subjectsOf = (record: ComplaintRecord): string[] => record.subjectStaffIds ?? [];

/** Active external parties, with their kind and whether their ruling binds. */
export const ExternalPartyInput = () => {
  const label = useEnumLabel();
  const translate = useTranslate();
  const { data, isPending } = useGetList('ExternalParty', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
    filter: { active: true },
  });
  const choices = (data ?? []).map((party) => ({
    id: String(party.id),
    name: translate(party.binding ? 'app.steps.partyBinding' : 'app.steps.party', {
      name: String(party.name),
      kind: label('ExternalPartyKind', String(party.kind)).toLowerCase(),
    }),
  }));
  return (
    <AutocompleteInput
      source="partyId"
      label="app.steps.partyLabel"
      choices={choices}
      translateChoice={false}
      isPending={isPending}
      validate={required()}
      helperText="app.steps.partyHelp"
    />
  );
};

export const HEARING_FORMS = enumChoices('HearingForm', ['PHONE', 'OFFICE', 'VIDEO']);

/** The dialog of a contact with the complainant; `intro` is an i18n key. */
export const contactForm = (intro: string): ActionForm<StepField<'RECORD_CONTACT'>> => ({
  intro,
  names: ['channel', 'contactedAt', 'summary'],
  defaults: (record) => ({ channel: contactChannelOf(record), contactedAt: new Date().toISOString() }),
  fields: () => (
    <>
      <SelectInput source="channel" label="app.steps.channel" choices={enumChoices('Channel', CONTACT_CHANNELS)} validate={required()} />
      <MomentInput source="contactedAt" label="app.steps.contactedAt" />
      <LongText source="summary" label="app.steps.summary" />
    </>
  ),
});

/** The dialogs of a group of steps: each one's names are fields of that step's mutation. */
export type StepForms = { [A in StaffAction]?: ActionForm<StepField<A>> };
