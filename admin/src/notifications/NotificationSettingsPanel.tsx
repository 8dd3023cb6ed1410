import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { errorText } from '../providers/error-mapping';
import { useEnumLabel } from '../complaints/chips';
import { graphql } from '../gql';
import type { NotificationKind } from '../gql/graphql';
import type { GraphQLDataProvider } from '../providers/graphql-call';

const SETTINGS = graphql(`
  query MyNotificationSettings {
    myNotificationSettings {
      mailKinds
      digestInsteadOfMail
    }
  }
`);

const UPDATE_SETTINGS = graphql(`
  mutation UpdateMyNotificationSettings($input: NotificationSettingsInput!) {
    updateMyNotificationSettings(input: $input) {
      mailKinds
      digestInsteadOfMail
    }
  }
`);

/** Every kind, in the order offered (the type makes the list complete). */
const KINDS = Object.keys({
  ASSIGNED: true,
  FORWARDED: true,
  REMINDER: true,
  BREACHED: true,
  ESCALATED: true,
  OBJECTION_FILED: true,
  INFORMATION_RECEIVED: true,
  HEARING_ANSWERED: true,
  REOPEN_REQUESTED: true,
  HEARING_TOMORROW: true,
  DIGEST: true,
  SUBJECT_OF_COMPLAINT: true,
  EXTENDED: true,
  FINDINGS: true,
} satisfies Record<NotificationKind, true>) as NotificationKind[];

/** Which notifications reach you by e-mail as they happen; or only the digest. All of them stay listed above. */
export const NotificationSettingsPanel = () => {
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const label = useEnumLabel();
  const translate = useTranslate();
  const notify = useNotify();
  const queries = useQueryClient();
  const { data } = useQuery({ queryKey: ['myNotificationSettings'], queryFn: () => dataProvider.graphql({ document: SETTINGS }) });
  const [mailKinds, setMailKinds] = useState<NotificationKind[]>([]);
  const [digestOnly, setDigestOnly] = useState(false);
  useEffect(() => {
    if (!data) return;
    setMailKinds(data.myNotificationSettings.mailKinds);
    setDigestOnly(data.myNotificationSettings.digestInsteadOfMail);
  }, [data]);
  const toggle = (kind: NotificationKind) => setMailKinds((was) => (was.includes(kind) ? was.filter((other) => other !== kind) : [...was, kind]));
  const save = async () => {
    try {
      await dataProvider.graphql({ document: UPDATE_SETTINGS, variables: { input: { mailKinds, digestInsteadOfMail: digestOnly } } });
      await queries.invalidateQueries({ queryKey: ['myNotificationSettings'] });
      notify('app.notificationSettings.saved', { type: 'success' });
    } catch (error) {
      notify(errorText(error), { type: 'error' });
    }
  };
  return (
    <Card sx={{ mt: 2 }} component="section" aria-label={translate('app.notificationSettings.title')}>
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate('app.notificationSettings.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('app.notificationSettings.intro')}
        </Typography>
        <FormControlLabel
          control={<Checkbox checked={digestOnly} onChange={(event) => setDigestOnly(event.target.checked)} />}
          label={translate('app.notificationSettings.digestOnly')}
        />
        <FormGroup row>
          {KINDS.map((kind) => (
            <FormControlLabel
              key={kind}
              disabled={digestOnly && kind !== 'DIGEST'}
              control={<Checkbox checked={mailKinds.includes(kind)} onChange={() => toggle(kind)} />}
              label={label('NotificationKind', kind)}
            />
          ))}
        </FormGroup>
        <Button variant="contained" size="small" onClick={save} disabled={!data}>
          {translate('ra.action.save')}
        </Button>
      </CardContent>
    </Card>
  );
};
