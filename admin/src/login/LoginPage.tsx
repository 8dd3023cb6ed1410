import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CircularProgress from '@mui/material/CircularProgress';
import CssBaseline from '@mui/material/CssBaseline';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ThemeProvider, createTheme } from '@mui/material/styles';
import { LockIcon, VisibilityIcon, VisibilityOffIcon } from '../layout/icons';
import { useMemo, useState, type FormEvent } from 'react';
import { defaultDarkTheme, defaultLightTheme } from 'react-admin';
import { signIn } from '../providers/sign-in';
import { loginTranslator, prefersDark } from './login-texts';

/**
 * The login page the panel starts on without a session: react-admin's own look (its theme) and texts (E-mailadres,
 * Wachtwoord, Inloggen) without the rest of react-admin, so that it shows after a fraction of the panel's weight.
 * `onSignedIn` loads the panel (main.tsx, which has fetched it meanwhile) and shows it; after a logout,
 * react-admin's own login page takes over, on the same sign-in (providers/sign-in.ts).
 */
export const LoginPage = ({ onSignedIn }: { onSignedIn: () => Promise<void> }) => {
  const translate = useMemo(loginTranslator, []);
  const theme = useMemo(() => createTheme(prefersDark() ? defaultDarkTheme : defaultLightTheme), []);
  const [values, setValues] = useState({ username: '', password: '' });
  const [missing, setMissing] = useState<string[]>([]);
  const [refused, setRefused] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [visible, setVisible] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const empty = Object.entries(values).flatMap(([name, value]) => (value.trim() ? [] : [name]));
    setMissing(empty);
    if (empty.length > 0) return;
    setBusy(true);
    setRefused(undefined);
    try {
      await signIn(values.username, values.password);
      await onSignedIn();
    } catch (error) {
      setRefused(translate(error instanceof Error && error.message ? error.message : 'ra.auth.sign_in_error'));
      setBusy(false);
    }
  };

  const field = (name: keyof typeof values) => ({
    name,
    value: values[name],
    onChange: (event: { target: { value: string } }) => setValues((current) => ({ ...current, [name]: event.target.value })),
    label: translate(`ra.auth.${name}`),
    required: true,
    fullWidth: true,
    error: missing.includes(name),
    helperText: missing.includes(name) ? translate('ra.validation.required') : ' ',
  });

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline enableColorScheme />
      <Box
        sx={{
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'center',
          minHeight: '100vh',
          backgroundImage: 'radial-gradient(circle at 50% 14em, #313264 0%, #00023b 60%, #00023b 100%)',
        }}
      >
        <Card sx={{ minWidth: 300, mt: '6em' }}>
          <Box sx={{ m: '1em', display: 'flex', justifyContent: 'center' }}>
            <Avatar>
              <LockIcon />
            </Avatar>
          </Box>
          <form onSubmit={submit} noValidate>
            <CardContent sx={{ width: 300, '&:last-child': { pb: 2 } }}>
              <TextField {...field('username')} autoFocus autoComplete="username" />
              <TextField
                {...field('password')}
                type={visible ? 'text' : 'password'}
                autoComplete="current-password"
                slotProps={{
                  input: {
                    endAdornment: (
                      <InputAdornment position="end">
                        <IconButton
                          aria-label={translate(visible ? 'ra.input.password.toggle_visible' : 'ra.input.password.toggle_hidden')}
                          onClick={() => setVisible(!visible)}
                          size="small"
                        >
                          {visible ? <VisibilityIcon /> : <VisibilityOffIcon />}
                        </IconButton>
                      </InputAdornment>
                    ),
                  },
                }}
              />
              {refused ? (
                <Typography role="alert" color="error" variant="body2" sx={{ mt: 1 }}>
                  {refused}
                </Typography>
              ) : null}
              <Button variant="contained" type="submit" color="primary" disabled={busy} fullWidth sx={{ mt: 2 }}>
                {busy ? <CircularProgress size={19} thickness={3} sx={{ m: 0.3 }} /> : translate('ra.auth.sign_in')}
              </Button>
            </CardContent>
          </form>
        </Card>
      </Box>
    </ThemeProvider>
  );
};
