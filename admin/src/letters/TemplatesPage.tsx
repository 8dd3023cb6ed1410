import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useEnumLabel } from '../complaints/chips';
import { formatDateTime } from '../complaints/format';
import { graphql } from '../gql';
import type { LetterKind } from '../gql/graphql';
import { errorText } from '../providers/error-mapping';
import type { GraphQLDataProvider } from '../providers/graphql-call';

const TEMPLATES = graphql(`
  query LetterTemplates {
    letterTemplates {
      id
      kind
      policyKey
      version
      subject
      body
      createdAt
    }
  }
`);

const FIELDS = graphql(`
  query LetterTemplateFields($kind: LetterKind!) {
    letterTemplateFields(kind: $kind)
  }
`);

const PREVIEW = graphql(`
  query PreviewLetterTemplate($input: LetterTemplateInput!) {
    previewLetterTemplate(input: $input) {
      subject
      body
      mandatory
    }
  }
`);

const SAVE = graphql(`
  mutation SaveLetterTemplate($input: LetterTemplateInput!) {
    saveLetterTemplate(input: $input) {
      id
      version
    }
  }
`);

/** Edit a kind's wording for every policy: the fields it may use, a live preview on a fictional complaint, and saving a new version. */
export const TemplatesPage = () => {
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const label = useEnumLabel();
  const translate = useTranslate();
  const notify = useNotify();
  const queries = useQueryClient();
  const { data } = useQuery({ queryKey: ['letterTemplates'], queryFn: () => dataProvider.graphql({ document: TEMPLATES }) });
  const shared = (data?.letterTemplates ?? []).filter((template) => template.policyKey === null);
  const [kind, setKind] = useState<LetterKind>('ACKNOWLEDGEMENT');
  const current = shared.find((template) => template.kind === kind);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  useEffect(() => {
    if (current) {
      setSubject(current.subject);
      setBody(current.body);
    }
  }, [current]);
  const fields = useQuery({ queryKey: ['letterTemplateFields', kind], queryFn: () => dataProvider.graphql({ document: FIELDS, variables: { kind } }) });
  const [draft, setDraft] = useState({ subject, body });
  useEffect(() => {
    const timer = setTimeout(() => setDraft({ subject, body }), 300);
    return () => clearTimeout(timer);
  }, [subject, body]);
  const preview = useQuery({
    queryKey: ['previewLetterTemplate', kind, draft.subject, draft.body],
    queryFn: () => dataProvider.graphql({ document: PREVIEW, variables: { input: { kind, subject: draft.subject, body: draft.body } } }),
    enabled: !!draft.subject && !!draft.body,
    retry: false,
  });
  const save = async () => {
    try {
      const saved = await dataProvider.graphql({ document: SAVE, variables: { input: { kind, subject, body } } });
      notify('app.templates.saved', { type: 'success', messageArgs: { kind: label('LetterKind', kind), version: saved.saveLetterTemplate.version } });
      await queries.invalidateQueries({ queryKey: ['letterTemplates'] });
    } catch (error) {
      notify(errorText(error), { type: 'error' });
    }
  };
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.menu.templates" />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('app.templates.intro', { example: '{{complainant.name}}' })}
        </Typography>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' } }}>
          <Stack spacing={2}>
            <TextField
              select
              label={translate('app.templates.letter')}
              value={kind}
              onChange={(event) => setKind(event.target.value as LetterKind)}
              size="small"
            >
              {shared.map((template) => (
                <MenuItem key={template.kind} value={template.kind}>
                  {label('LetterKind', template.kind)} —{' '}
                  {template.version === 0 ? translate('app.templates.standard') : translate('app.templates.versionShort', { version: template.version })}
                </MenuItem>
              ))}
            </TextField>
            {current?.createdAt ? (
              <Typography variant="caption" color="text.secondary">
                {translate('app.templates.versionSaved', { version: current.version, at: formatDateTime(current.createdAt) })}
              </Typography>
            ) : null}
            <TextField label={translate('app.templates.subject')} value={subject} onChange={(event) => setSubject(event.target.value)} size="small" />
            <TextField
              label={translate('app.templates.body')}
              value={body}
              onChange={(event) => setBody(event.target.value)}
              multiline
              minRows={12}
              slotProps={{ htmlInput: { style: { fontFamily: 'monospace', fontSize: 13 } } }}
            />
            <Box aria-label={translate('app.templates.fields')}>
              {(fields.data?.letterTemplateFields ?? []).map((field) => (
                <Chip
                  key={field}
                  size="small"
                  variant="outlined"
                  label={`{{${field}}}`}
                  sx={{ mr: 0.5, mb: 0.5 }}
                  onClick={() => setBody((was) => `${was}{{${field}}}`)}
                />
              ))}
            </Box>
            <Box>
              <Button variant="contained" onClick={save} disabled={!!preview.error || !subject || !body}>
                {translate('app.templates.save')}
              </Button>
            </Box>
          </Stack>
          <Box
            component="section"
            aria-label={translate('app.templates.preview')}
            sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, bgcolor: 'action.hover' }}
          >
            <Typography variant="overline">{translate('app.templates.previewFictional')}</Typography>
            {preview.error ? (
              <Alert severity="error">{errorText(preview.error)}</Alert>
            ) : preview.data ? (
              <>
                <Typography variant="subtitle2">{preview.data.previewLetterTemplate.subject}</Typography>
                <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap', mt: 1 }}>
                  {preview.data.previewLetterTemplate.body}
                </Typography>
                {preview.data.previewLetterTemplate.mandatory.map((paragraph) => (
                  <Typography key={paragraph} variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                    {paragraph}
                  </Typography>
                ))}
              </>
            ) : null}
          </Box>
        </Box>
      </CardContent>
    </Card>
  );
};
