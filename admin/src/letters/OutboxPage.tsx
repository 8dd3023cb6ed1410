import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Title, useCreatePath, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useEnumLabel } from '../complaints/chips';
import { formatDateTime } from '../complaints/format';
import { SmallTable } from '../complaints/panel';
import { graphql } from '../gql';
import { errorText } from '../providers/error-mapping';
import type { GraphQLDataProvider } from '../providers/graphql-call';

const OUTBOX = graphql(`
  query Outbox {
    mailConfigured
    outboxMessages {
      id
      complaintId
      to
      subject
      status
      attempts
      createdAt
      sentAt
      waiting
      smtpResponse
    }
  }
`);

const RESEND = graphql(`
  mutation ResendMessage($id: ID!) {
    resendMessage(id: $id) {
      id
      status
    }
  }
`);

export const OutboxPage = () => {
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const label = useEnumLabel();
  const translate = useTranslate();
  const notify = useNotify();
  const createPath = useCreatePath();
  const queries = useQueryClient();
  const { data } = useQuery({ queryKey: ['outbox'], queryFn: () => dataProvider.graphql({ document: OUTBOX }), refetchInterval: 15_000 });
  const resend = async (id: string, subject: string) => {
    try {
      await dataProvider.graphql({ document: RESEND, variables: { id } });
      notify('app.outbox.resending', { type: 'success', messageArgs: { subject } });
    } catch (error) {
      notify(errorText(error), { type: 'error' });
    }
    await queries.invalidateQueries({ queryKey: ['outbox'] });
  };
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.menu.outbox" />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('app.outbox.intro')}
          {data && !data.mailConfigured ? ` ${translate('app.outbox.noMailServer')}` : ''}
        </Typography>
        <SmallTable label="app.menu.outbox" columns={['app.outbox.subject', 'app.outbox.to', 'app.outbox.status', 'app.outbox.created', '']}>
          {(data?.outboxMessages ?? []).map((message) => (
            <TableRow key={message.id} data-status={message.status}>
              <TableCell>
                {message.complaintId ? (
                  <Link to={createPath({ resource: 'Complaint', id: message.complaintId, type: 'show' })}>{message.subject}</Link>
                ) : (
                  message.subject
                )}
              </TableCell>
              <TableCell>{message.to}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  variant="outlined"
                  color={message.status === 'SENT' ? 'success' : message.status === 'FAILED' ? 'error' : 'default'}
                  label={label('OutboxStatus', message.status)}
                />
                <Typography variant="caption" color="text.secondary" component="div">
                  {message.sentAt
                    ? `${formatDateTime(message.sentAt)} · ${message.smtpResponse ?? ''}`
                    : message.status === 'FAILED'
                      ? translate('app.letters.failedAfter', { smart_count: message.attempts })
                      : data?.mailConfigured === false
                        ? translate('app.letters.noMailServer')
                        : message.attempts
                          ? translate('app.letters.notYet', { smart_count: message.attempts })
                          : translate('app.letters.soon')}
                </Typography>
              </TableCell>
              <TableCell>{formatDateTime(message.createdAt)}</TableCell>
              <TableCell>
                {message.status === 'FAILED' ? (
                  <Button size="small" onClick={() => resend(message.id, message.subject)}>
                    {translate('app.outbox.resend')}
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </SmallTable>
      </CardContent>
    </Card>
  );
};
