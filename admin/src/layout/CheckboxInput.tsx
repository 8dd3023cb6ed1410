import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import { ValidationError, useInput, useTranslate } from 'react-admin';

/** A yes/no that reads as a statement to tick (react-admin's BooleanInput is a switch); label and help are i18n keys. */
export const CheckboxInput = ({ source, label, helperText }: { source: string; label: string; helperText?: string }) => {
  const { field, id, fieldState } = useInput({ source, defaultValue: false });
  const translate = useTranslate();
  const error = fieldState.error?.message;
  return (
    <FormControl sx={{ mb: 2 }} error={!!error}>
      <FormControlLabel
        control={
          <Checkbox id={id} name={field.name} checked={field.value === true} onChange={(event) => field.onChange(event.target.checked)} onBlur={field.onBlur} />
        }
        label={translate(label, { _: label })}
      />
      {error || helperText ? (
        <FormHelperText sx={{ mt: -0.5 }}>{error ? <ValidationError error={error} /> : translate(helperText ?? '', { _: helperText })}</FormHelperText>
      ) : null}
    </FormControl>
  );
};
