import type { SxProps, Theme } from '@mui/material/styles';
import TextField from '@mui/material/TextField';
import { lazy, Suspense } from 'react';
import { FieldTitle, InputHelperText, useInput, useLocaleState, useResourceContext, type Validator } from 'react-admin';
import { isAppLocale } from '../i18n/locale';
import type { PickerProps, PickerTextField } from './DatePickers';

/**
 * Dates and moments picked with MUI X's pickers, as react-admin inputs: typed and shown as the panel's language
 * writes them (03-12-2026 14:05 in Dutch, 03/12/2026 14:05 in English), always on a 24-hour clock, whatever the
 * browser's own language — unlike `<input type="date">`, whose format and popups are the browser's. A moment is in
 * Amsterdam time and kept as an ISO instant; a date as `YYYY-MM-DD`. A half-typed value fails `validDate`.
 */

// the pickers and Luxon (74 kB gzip) load with the first form that has a date, not with the panel
const Picker = lazy(() => import('./DatePickers'));

/** What the form holds while the typed value is no date (yet): refused by `validDate`, never sent. */
const INVALID = 'invalid-date';

const validDate: Validator = (value: unknown) => (value === INVALID ? 'app.validation.invalidDate' : undefined);

const validatorsOf = (validate: Validator | Validator[] | undefined): Validator[] => [
  validDate,
  ...(Array.isArray(validate) ? validate : validate ? [validate] : []),
];

export interface DateInputProps {
  source: string;
  label?: string;
  helperText?: string;
  validate?: Validator | Validator[];
  defaultValue?: unknown;
  /** A list filter: a half-typed date filters nothing rather than failing. */
  alwaysOn?: boolean;
  /** Filters clear a value that is no date; forms keep it and say so. */
  asFilter?: boolean;
  disableFuture?: boolean;
  disablePast?: boolean;
  fullWidth?: boolean;
  sx?: SxProps<Theme>;
}

/**
 * The form field and the text field around the picker, as react-admin's own inputs look (filled, dense), with its
 * label and messages; until the pickers have loaded, the same text field, disabled, holds its place.
 */
const PickerInput = ({ kind, ...props }: DateInputProps & { kind: PickerProps['kind'] }) => {
  const { source, label, helperText, validate, defaultValue, fullWidth } = props;
  const resource = useResourceContext();
  const [stored] = useLocaleState();
  const { field, fieldState, isRequired, id } = useInput({ source, validate: validatorsOf(validate), defaultValue });
  const error = fieldState.invalid ? fieldState.error?.message : undefined;
  const textField: PickerTextField = {
    id,
    name: field.name,
    onBlur: field.onBlur,
    variant: 'filled',
    size: 'small',
    margin: 'dense',
    fullWidth,
    error: !!error,
    helperText: <InputHelperText error={error} helperText={helperText} />,
    className: `ra-input ra-input-${source}`,
  };
  const title = <FieldTitle label={label} source={source} resource={resource} isRequired={isRequired} />;
  // the placeholder has neither the field's name nor its id: what finds the input finds the picker's, with its value
  const { id: _id, name: _name, ...placeholder } = textField;
  return (
    <Suspense fallback={<TextField {...placeholder} label={title} disabled sx={props.sx} />}>
      <Picker
        kind={kind}
        locale={isAppLocale(stored) ? stored : 'nl'}
        value={field.value}
        onChange={field.onChange}
        invalid={INVALID}
        asFilter={props.asFilter}
        label={title}
        textField={textField}
        disableFuture={props.disableFuture}
        disablePast={props.disablePast}
        sx={props.sx}
      />
    </Suspense>
  );
};

/** A moment (a DateTimeISO): date and time in Amsterdam, kept as an ISO instant. */
export const DateTimeInput = (props: DateInputProps) => <PickerInput kind="dateTime" {...props} />;

/** A calendar date (a Date, or a `YYYY-MM-DD` string such as a closing day): kept as `YYYY-MM-DD`. */
export const DateInput = (props: DateInputProps) => <PickerInput kind="date" {...props} />;
