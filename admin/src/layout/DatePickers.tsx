import type { SxProps, Theme } from '@mui/material/styles';
import { AdapterLuxon } from '@mui/x-date-pickers/AdapterLuxon';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { enUS, nlNL } from '@mui/x-date-pickers/locales';
import { DateTime } from 'luxon';
import { useState, type ReactNode } from 'react';
import { TIME_ZONE } from '../complaints/format';
import { PICKER_FORMATS, intlLocale, type AppLocale } from '../i18n/locale';

/**
 * MUI X's pickers and Luxon, loaded when the first form with a date renders (layout/DateInputs.tsx holds the
 * react-admin side: the form field, its label and messages). What the form holds while the typed value is no date
 * (yet) is `invalid`, refused by the input's validator and never sent.
 */

/** The text field around the picker, as react-admin's own inputs look (filled, dense). */
export interface PickerTextField {
  id: string;
  name: string;
  onBlur: () => void;
  variant: 'filled';
  size: 'small';
  margin: 'dense';
  fullWidth?: boolean;
  error: boolean;
  helperText: ReactNode;
  className: string;
}

export interface PickerProps {
  kind: 'date' | 'dateTime';
  locale: AppLocale;
  /** The form's value: an ISO instant (dateTime) or `YYYY-MM-DD` (date). */
  value: unknown;
  onChange: (value: string | null) => void;
  invalid: string;
  asFilter?: boolean;
  label: ReactNode;
  textField: PickerTextField;
  disableFuture?: boolean;
  disablePast?: boolean;
  sx?: SxProps<Theme>;
}

const parse = (kind: PickerProps['kind'], text: string) => (kind === 'dateTime' ? DateTime.fromISO(text, { zone: TIME_ZONE }) : DateTime.fromISO(text));

/**
 * The picker's own value: what the form holds, or — while what is typed is no date yet — the invalid value the
 * picker gave, so the half-typed sections are not wiped by a re-render.
 */
const usePickerValue = (kind: PickerProps['kind'], stored: unknown, invalidValue: string) => {
  const [invalid, setInvalid] = useState<DateTime | null>(null);
  const typing = invalid !== null && (stored === invalidValue || stored === null || stored === undefined || stored === '');
  const parsed = typeof stored === 'string' && stored && stored !== invalidValue ? parse(kind, stored) : null;
  return { value: typing ? invalid : parsed?.isValid ? parsed : null, setInvalid };
};

/** A date or a moment, in the panel's language: its buttons and placeholders (DD-MM-JJJJ), Luxon's month and day names. */
const Picker = ({ kind, locale, value: stored, onChange, invalid, asFilter, label, textField, disableFuture, disablePast, sx }: PickerProps) => {
  const { value, setInvalid } = usePickerValue(kind, stored, invalid);
  const formats = PICKER_FORMATS[locale];
  const change = (next: DateTime | null) => {
    setInvalid(next && !next.isValid ? next : null);
    if (next && !next.isValid) onChange(asFilter ? null : invalid);
    else if (!next) onChange(null);
    else onChange(kind === 'dateTime' ? next.toUTC().toISO() : next.toISODate());
  };
  const common = { label, value, onChange: change, disableFuture, disablePast, slotProps: { textField }, sx };
  return (
    <LocalizationProvider
      dateAdapter={AdapterLuxon}
      adapterLocale={intlLocale(locale)}
      localeText={(locale === 'en' ? enUS : nlNL).components.MuiLocalizationProvider.defaultProps.localeText}
    >
      {kind === 'dateTime' ? (
        <DateTimePicker {...common} timezone={TIME_ZONE} ampm={false} format={formats.dateTime} />
      ) : (
        <DatePicker {...common} format={formats.date} />
      )}
    </LocalizationProvider>
  );
};

export default Picker;
