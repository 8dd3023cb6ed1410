import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  RadioButtonGroupInput,
  SelectInput,
  TextInput,
  maxLength,
  required,
  useDataProvider,
  useNotify,
  useRefresh,
  useTranslate,
  type TranslateFunction,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { graphql } from '../gql';
import type { LetterChannel, LetterKind } from '../gql/graphql';
import { LENGTH } from '../lengths';
import { FormDialog } from '../layout/FormDialog';
import { errorText, errorMessage } from '../providers/error-mapping';
import type { GraphQLDataProvider } from '../providers/graphql-call';
import { fetchFile, openBlob } from '../providers/file-transfer';
import { useEnumLabel } from './chips';
import { enumChoices } from './choices';
import { formatDateTime } from './format';
import { Empty, Panel, SmallTable } from './panel';
import type { ComplaintRecord } from './types';

const PREVIEW = graphql(`
  query PreviewLetter($input: PreviewLetterInput!) {
    previewLetter(input: $input) {
      subject
      body
      mandatory
      templateVersion
    }
  }
`);

const MAIL_CONFIGURED = graphql(`
  query MailConfigured {
    mailConfigured
  }
`);

type Delivery = NonNullable<ComplaintRecord['letters'][number]['delivery']>;

/** How a letter's e-mail stands, in the panel's language (the API's `waiting` is for programs and logs). */
const deliveryText = (delivery: Delivery | null | undefined, configured: boolean | undefined, translate: TranslateFunction): string => {
  if (!delivery) return '';
  if (delivery.status === 'SENT') return delivery.sentAt ? formatDateTime(delivery.sentAt) : '';
  if (delivery.status === 'FAILED')
    return translate('app.letters.failedAfter', { smart_count: delivery.attempts }) + (delivery.lastError ? `: ${delivery.lastError}` : '');
  if (configured === false) return translate('app.letters.noMailServer');
  return delivery.attempts ? translate('app.letters.notYet', { smart_count: delivery.attempts }) : translate('app.letters.soon');
};

const SEND = graphql(`
  mutation SendLetter($id: ID!, $version: Int!, $input: SendLetterInput!) {
    sendLetter(id: $id, version: $version, input: $input) {
      id
      version
    }
  }
`);

const POSTED = graphql(`
  mutation MarkLetterPosted($letterId: ID!, $version: Int!) {
    markLetterPosted(letterId: $letterId, version: $version) {
      id
      version
    }
  }
`);

/** Which letter fits where the complaint stands (the first is proposed). */
const suggested = (record: ComplaintRecord): LetterKind[] => {
  switch (record.status) {
    case 'RECEIVED':
    case 'FORWARDED':
      return ['ACKNOWLEDGEMENT', 'PROGRESS_UPDATE'];
    case 'ACKNOWLEDGED':
    case 'IN_PROGRESS':
    case 'REOPENED':
      return record.verdict
        ? ['RESPONSE', 'PROGRESS_UPDATE', 'EXTENSION_NOTICE', 'INFORMATION_REQUEST']
        : ['PROGRESS_UPDATE', 'INFORMATION_REQUEST', 'EXTENSION_NOTICE'];
    case 'OBJECTED':
      return ['HEARING_INVITATION', 'FINAL_DECISION'];
    case 'REFERRED':
      return ['REFERRAL'];
    case 'CLOSED':
      return ['FINAL_DECISION', 'REFERRAL'];
    default:
      return ['PROGRESS_UPDATE'];
  }
};

/** Opens a letter's PDF (fetched with the bearer token: a plain link would not carry it). */
const openPdf = async (path: string) => openBlob(await fetchFile(path, 'application/pdf'));

/** The letter as it will be written, under the form, as the kind and the free text change. */
const Preview = ({ complaintId }: { complaintId: string }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const kind = useWatch({ name: 'kind' }) as LetterKind;
  const freeText = (useWatch({ name: 'freeText' }) as string | undefined) ?? '';
  const [debounced, setDebounced] = useState(freeText);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(freeText), 300);
    return () => clearTimeout(timer);
  }, [freeText]);
  const { data, error } = useQuery({
    queryKey: ['previewLetter', complaintId, kind, debounced],
    queryFn: () => dataProvider.graphql({ document: PREVIEW, variables: { input: { complaintId, kind, freeText: debounced } } }),
    enabled: !!kind,
  });
  if (error) return <Alert severity="warning">{errorText(error)}</Alert>;
  if (!data) return null;
  const letter = data.previewLetter;
  return (
    <Box
      component="section"
      aria-label={translate('app.letters.preview')}
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, bgcolor: 'action.hover' }}
    >
      <Typography variant="subtitle2" component="p">
        {letter.subject}
      </Typography>
      <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap', mt: 1 }}>
        {letter.body}
      </Typography>
      {letter.mandatory.map((paragraph) => (
        <Typography key={paragraph} variant="body2" sx={{ mt: 1 }}>
          {paragraph}
        </Typography>
      ))}
      <Typography variant="caption" color="text.secondary">
        {letter.templateVersion === 0
          ? translate('app.letters.templateDefault')
          : translate('app.letters.templateVersion', { version: letter.templateVersion })}
      </Typography>
    </Box>
  );
};

/** Offers post when there is no e-mail address (and the other way round). */
const ChannelInput = ({ record }: { record: ComplaintRecord }) => {
  const { setValue } = useFormContext();
  const email = !!record.complainant?.email;
  const post = !!record.complainant?.postalAddress;
  useEffect(() => {
    if (!email && post) setValue('channel', 'POST');
  }, [email, post, setValue]);
  const choices = enumChoices('LetterChannel').map((choice) => ({
    ...choice,
    disabled: (choice.id === 'EMAIL' && !email) || (choice.id === 'POST' && !post),
  }));
  return <RadioButtonGroupInput source="channel" label="app.letters.send" choices={choices} row />;
};

const ComposeDialog = ({ record, onClose }: { record: ComplaintRecord; onClose: () => void }) => {
  const label = useEnumLabel();
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const refresh = useRefresh();
  const notify = useNotify();
  const queries = useQueryClient();
  const kinds = suggested(record);
  return (
    <FormDialog
      title="app.letters.write"
      intro="app.letters.writeIntro"
      defaultValues={{ kind: kinds[0], channel: record.complainant?.email ? 'EMAIL' : 'POST', freeText: '' }}
      submitLabel="app.letters.submit"
      onSubmit={async (values) => {
        await dataProvider.graphql({
          document: SEND,
          variables: {
            id: record.id,
            version: record.version,
            input: { kind: values.kind as LetterKind, channel: values.channel as LetterChannel, freeText: (values.freeText as string) || null },
          },
          formFields: ['kind', 'channel', 'freeText'],
        });
        notify(values.channel === 'POST' ? 'app.letters.readyToPost' : 'app.letters.queued', {
          type: 'success',
          messageArgs: { kind: label('LetterKind', String(values.kind)), reference: record.reference },
        });
        await queries.invalidateQueries({ queryKey: ['previewLetter'] });
        refresh();
      }}
      onClose={onClose}
    >
      <SelectInput source="kind" label="app.letters.kind" choices={enumChoices('LetterKind', kinds)} validate={required()} />
      <ChannelInput record={record} />
      <TextInput source="freeText" label="app.letters.freeText" multiline minRows={3} validate={maxLength(LENGTH.text)} />
      <Preview complaintId={record.id} />
    </FormDialog>
  );
};

/** The letters to the complainant: what was written, how it went out, the PDF; and writing one. */
export const LettersPanel = ({ record }: { record: ComplaintRecord }) => {
  const label = useEnumLabel();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const [composing, setComposing] = useState(false);
  const letters = record.letters ?? [];
  const { data: mail } = useQuery({ queryKey: ['mailConfigured'], queryFn: () => dataProvider.graphql({ document: MAIL_CONFIGURED }) });
  const configured = mail?.mailConfigured;
  const markPosted = async (letterId: string) => {
    try {
      await dataProvider.graphql({ document: POSTED, variables: { letterId, version: record.version } });
      notify('app.letters.posted', { type: 'success', messageArgs: { reference: record.reference } });
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };
  return (
    <Panel title="app.letters.title">
      {record.anonymisedAt ? null : (
        // nothing more is recorded on an anonymised dossier
        <Button variant="outlined" size="small" onClick={() => setComposing(true)} sx={{ mb: 1 }}>
          {translate('app.letters.write')}
        </Button>
      )}
      {letters.length === 0 ? (
        <Empty>{translate('app.letters.none')}</Empty>
      ) : (
        <SmallTable label="app.letters.title" columns={['app.letters.kind', 'app.letters.written', 'app.letters.delivery', '']}>
          {letters.map((letter) => {
            const status = letter.channel === 'POST' ? (letter.sentAt ? 'SENT' : 'TO_POST') : (letter.delivery?.status ?? 'QUEUED');
            return (
              <TableRow key={letter.id} data-letter={letter.kind} data-status={status}>
                <TableCell>
                  {label('LetterKind', letter.kind)}
                  <Typography variant="caption" color="text.secondary" component="div">
                    {label('LetterChannel', letter.channel)}: {letter.recipient.split('\n')[0]}
                  </Typography>
                </TableCell>
                <TableCell>{formatDateTime(letter.createdAt)}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    variant="outlined"
                    color={status === 'SENT' ? 'success' : status === 'FAILED' ? 'error' : 'default'}
                    label={
                      status === 'TO_POST'
                        ? translate('app.letters.toPost')
                        : status === 'QUEUED' && configured === false
                          ? translate('app.letters.notSent')
                          : label('OutboxStatus', status)
                    }
                  />
                  <Typography variant="caption" color="text.secondary" component="div">
                    {letter.sentAt ? formatDateTime(letter.sentAt) : deliveryText(letter.delivery, configured, translate)}
                  </Typography>
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <Button size="small" onClick={() => openPdf(letter.pdfPath).catch((error: Error) => notify(error.message, { type: 'error' }))}>
                    PDF
                  </Button>
                  {status === 'TO_POST' ? (
                    <Button size="small" onClick={() => markPosted(letter.id)}>
                      {translate('app.letters.markPosted')}
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            );
          })}
        </SmallTable>
      )}
      {composing ? <ComposeDialog record={record} onClose={() => setComposing(false)} /> : null}
    </Panel>
  );
};
