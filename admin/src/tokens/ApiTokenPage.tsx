import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Confirm, RadioButtonGroupInput, TextInput, Title, maxLength, required, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useEnumLabel } from '../complaints/chips';
import { enumChoices } from '../complaints/choices';
import { formatDateTime } from '../complaints/format';
import { FormDialog } from '../layout/FormDialog';
import type { GraphQLDataProvider } from '../providers/graphql-call';
import { graphql } from '../gql';
import type { ApiTokenScope, ApiTokensQuery } from '../gql/graphql';
import { LENGTH } from '../lengths';
import { SmallTable } from '../complaints/panel';
import { errorMessage } from '../providers/error-mapping';

/** API-tokens (ADMIN): long-lived tokens for a BI tool or the website; the secret is shown once. */

type ApiTokenRow = ApiTokensQuery['apiTokens'][number];

const API_TOKENS = graphql(`
  query ApiTokens {
    apiTokens {
      id
      name
      scope
      prefix
      createdAt
      lastUsedAt
      revokedAt
    }
  }
`);
const CREATE_API_TOKEN = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      secret
      token {
        id
        name
        scope
        prefix
      }
    }
  }
`);
const REVOKE_API_TOKEN = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
      revokedAt
    }
  }
`);

/** The secret, once: with a copy button, and the warning that it will not be shown again. */
const SecretDialog = ({ name, secret, onClose }: { name: string; secret: string; onClose: () => void }) => {
  const translate = useTranslate();
  const titleId = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // no clipboard (insecure context): the text stays selectable
      setCopied(false);
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>{translate('app.tokens.created', { name })}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('app.tokens.copyNow')}
        </Alert>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('app.tokens.sendAs')} <code>Authorization: Bearer &lt;{translate('app.tokens.secretWord')}&gt;</code>.
        </Typography>
        <Box
          component="pre"
          aria-label={translate('app.tokens.secret')}
          data-testid="api-token-secret"
          sx={{
            p: 1.5,
            m: 0,
            bgcolor: 'action.hover',
            borderRadius: 1,
            fontFamily: 'monospace',
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-all',
            userSelect: 'all',
          }}
        >
          {secret}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={copy} variant="outlined">
          {translate(copied ? 'app.common.copied' : 'app.common.copy')}
        </Button>
        <Button onClick={onClose} variant="contained">
          {translate('app.common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const CreateTokenButton = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const submit = async (values: Record<string, unknown>) => {
    const { createApiToken } = await dataProvider.graphql({
      document: CREATE_API_TOKEN,
      variables: { input: { name: String(values.name ?? '').trim(), scope: values.scope as ApiTokenScope } },
      formFields: ['name', 'scope'],
    });
    setCreated({ name: createApiToken.token.name, secret: createApiToken.secret });
    refresh();
  };
  return (
    <>
      <Button variant="contained" size="small" onClick={() => setOpen(true)}>
        {translate('app.tokens.create')}
      </Button>
      {open ? (
        <FormDialog
          title="app.tokens.createTitle"
          intro="app.tokens.createIntro"
          defaultValues={{ scope: 'ANALYST' }}
          onSubmit={submit}
          onClose={() => setOpen(false)}
          submitLabel="app.tokens.createSubmit"
        >
          <TextInput source="name" label="app.tokens.name" validate={[required(), maxLength(LENGTH.name)]} helperText="app.tokens.nameHelp" />
          <RadioButtonGroupInput source="scope" label="app.tokens.scope" choices={enumChoices('ApiTokenScope')} validate={required()} />
        </FormDialog>
      ) : null}
      {created ? <SecretDialog name={created.name} secret={created.secret} onClose={() => setCreated(null)} /> : null}
    </>
  );
};

const RevokeButton = ({ token }: { token: ApiTokenRow }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const revoke = async () => {
    setBusy(true);
    try {
      await dataProvider.graphql({ document: REVOKE_API_TOKEN, variables: { id: token.id } });
      notify('app.tokens.revoked', { type: 'success', messageArgs: { name: token.name } });
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button size="small" color="error" onClick={() => setOpen(true)} disabled={busy}>
        {translate('app.tokens.revoke')}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="app.tokens.revokeTitle"
        translateOptions={{ name: token.name }}
        content="app.tokens.revokeContent"
        confirm="app.tokens.revoke"
        cancel="ra.action.cancel"
        onConfirm={revoke}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

export const ApiTokenPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const label = useEnumLabel();
  const { data, isPending, error } = useQuery({
    queryKey: ['apiTokens'],
    queryFn: () => dataProvider.graphql({ document: API_TOKENS }),
  });
  const tokens = [...(data?.apiTokens ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.menu.apiTokens" />
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 2, gap: 2, flexWrap: 'wrap' }}>
          <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 640 }}>
            {translate('app.tokens.intro')}
          </Typography>
          <CreateTokenButton />
        </Stack>
        {isPending ? <LinearProgress /> : null}
        {error ? (
          <Alert severity="error">{error instanceof Error ? translate(error.message, { _: error.message }) : translate('app.tokens.failed')}</Alert>
        ) : null}
        {!isPending && !error ? (
          tokens.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {translate('app.tokens.none')}
            </Typography>
          ) : (
            <SmallTable
              label="app.menu.apiTokens"
              columns={['app.tokens.name', 'app.tokens.scope', 'app.tokens.prefix', 'app.tokens.createdAt', 'app.tokens.lastUsed', 'app.tokens.status', '']}
            >
              {tokens.map((token) => (
                <TableRow key={token.id} data-revoked={token.revokedAt ? 'true' : 'false'}>
                  <TableCell>{token.name}</TableCell>
                  <TableCell>{label('ApiTokenScope', token.scope)}</TableCell>
                  <TableCell>
                    <code>{token.prefix}…</code>
                  </TableCell>
                  <TableCell>{formatDateTime(token.createdAt)}</TableCell>
                  <TableCell>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : translate('app.common.never')}</TableCell>
                  <TableCell>
                    {token.revokedAt ? (
                      <Chip
                        size="small"
                        color="default"
                        variant="outlined"
                        label={translate('app.tokens.revokedAt', { at: formatDateTime(token.revokedAt) })}
                      />
                    ) : (
                      <Chip size="small" color="success" label={translate('app.tokens.active')} />
                    )}
                  </TableCell>
                  <TableCell>{token.revokedAt ? null : <RevokeButton token={token} />}</TableCell>
                </TableRow>
              ))}
            </SmallTable>
          )
        ) : null}
      </CardContent>
    </Card>
  );
};
