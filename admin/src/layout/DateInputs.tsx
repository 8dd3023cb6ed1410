import type { SxProps, Theme } from '@mui/material/styles';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterLuxon } from '@mui/x-date-pickers/AdapterLuxon';
import { enUS, nlNL } from '@mui/x-date-pickers/locales';
import { DateTime } from 'luxon';
import { useState, type ReactNode } from 'react';
import { FieldTitle, InputHelperText, useInput, useLocaleState, useResourceContext, type Validator } from 'react-admin';
import { TIME_ZONE } from '../complaints/format';
import { PICKER_FORMATS, intlLocale, isAppLocale, type AppLocale } from '../i18n/locale';

/**
 * Dates and moments picked with MUI X's pickers, as react-admin inputs: typed and shown as the panel's language
 * writes them (03-12-2026 14:05 in Dutch, 03/12/2026 14:05 in English), always on a 24-hour clock, whatever the
 * browser's own language — unlike `<input type="date">`, whose format and popups are the browser's. A moment is in
 * Amsterdam time and kept as an ISO instant; a date as `YYYY-MM-DD`. A half-typed value fails `validDate`.
 */

/** What the form holds while the typed value is no date (yet): refused by `validDate`, never sent. */
const INVALID = 'invalid-date';

const validDate: Validator = (value: unknown) => (value === INVALID ? 'app.validation.invalidDate' : undefined);

const validatorsOf = (validate: Validator | Validator[] | undefined): Validator[] => [
  validDate,
  ...(Array.isArray(validate) ? validate : validate ? [validate] : []),
];

/** The pickers' language: their buttons and placeholders (DD-MM-JJJJ), and Luxon's month and day names. */
export const PickersProvider = ({ children }: { children: ReactNode }) => {
  const [stored] = useLocaleState();
  const locale: AppLocale = isAppLocale(stored) ? stored : 'nl';
  const localeText = (locale === 'en' ? enUS : nlNL).components.MuiLocalizationProvider.defaultProps.localeText;
  return (
    <LocalizationProvider dateAdapter={AdapterLuxon} adapterLocale={intlLocale(locale)} localeText={localeText}>
      {children}
    </LocalizationProvider>
  );
};

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

const usePickerFormats = () => {
  const [stored] = useLocaleState();
  return PICKER_FORMATS[isAppLocale(stored) ? stored : 'nl'];
};

/** The text field around the picker, as react-admin's own inputs look (filled, dense), with its label and messages. */
const useTextField = ({ source, label, helperText, validate, defaultValue, fullWidth }: DateInputProps) => {
  const resource = useResourceContext();
  const { field, fieldState, isRequired, id } = useInput({ source, validate: validatorsOf(validate), defaultValue });
  const error = fieldState.invalid ? fieldState.error?.message : undefined;
  const textField = {
    id,
    name: field.name,
    onBlur: field.onBlur,
    variant: 'filled' as const,
    size: 'small' as const,
    margin: 'dense' as const,
    fullWidth,
    error: !!error,
    helperText: <InputHelperText error={error} helperText={helperText} />,
    className: `ra-input ra-input-${source}`,
  };
  const title = <FieldTitle label={label} source={source} resource={resource} isRequired={isRequired} />;
  return { field, textField, title };
};

/**
 * The picker's own value: what the form holds, or — while what is typed is no date yet — the invalid value the
 * picker gave, so the half-typed sections are not wiped by a re-render.
 */
const usePickerValue = (stored: unknown, parse: (text: string) => DateTime) => {
  const [invalid, setInvalid] = useState<DateTime | null>(null);
  const typing = invalid !== null && (stored === INVALID || stored === null || stored === undefined || stored === '');
  const parsed = typeof stored === 'string' && stored && stored !== INVALID ? parse(stored) : null;
  return { value: typing ? invalid : parsed?.isValid ? parsed : null, setInvalid };
};

/** A moment (a DateTimeISO): date and time in Amsterdam, kept as an ISO instant. */
export const DateTimeInput = (props: DateInputProps) => {
  const { field, textField, title } = useTextField(props);
  const formats = usePickerFormats();
  const { value, setInvalid } = usePickerValue(field.value, (text) => DateTime.fromISO(text, { zone: TIME_ZONE }));
  return (
    <DateTimePicker
      label={title}
      value={value}
      timezone={TIME_ZONE}
      ampm={false}
      format={formats.dateTime}
      disableFuture={props.disableFuture}
      disablePast={props.disablePast}
      onChange={(next: DateTime | null) => {
        setInvalid(next && !next.isValid ? next : null);
        if (next && !next.isValid) field.onChange(props.asFilter ? null : INVALID);
        else field.onChange(next ? next.toUTC().toISO() : null);
      }}
      slotProps={{ textField }}
      sx={props.sx}
    />
  );
};

/** A calendar date (a Date, or a `YYYY-MM-DD` string such as a closing day): kept as `YYYY-MM-DD`. */
export const DateInput = (props: DateInputProps) => {
  const { field, textField, title } = useTextField(props);
  const formats = usePickerFormats();
  const { value, setInvalid } = usePickerValue(field.value, (text) => DateTime.fromISO(text));
  return (
    <DatePicker
      label={title}
      value={value}
      format={formats.date}
      disableFuture={props.disableFuture}
      disablePast={props.disablePast}
      onChange={(next: DateTime | null) => {
        setInvalid(next && !next.isValid ? next : null);
        if (next && !next.isValid) field.onChange(props.asFilter ? null : INVALID);
        else field.onChange(next ? next.toISODate() : null);
      }}
      slotProps={{ textField }}
      sx={props.sx}
    />
  );
};
