import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Title, useCreatePath, useDataProvider, useNotify } from 'react-admin';
import { useEnumLabel } from '../complaints/chips';
import { formatDateTime } from '../complaints/format';
import { SmallTable } from '../complaints/panel';
import { graphql } from '../gql';
import { errorText } from '../providers/error-mapping';
import type { GraphQLDataProvider } from '../providers/graphql-call';

/** The outbox, for the quality manager and the director (its messages name complainants). */
export const OUTBOX_PATH = '/uitgaande-post';

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
  const notify = useNotify();
  const createPath = useCreatePath();
  const queries = useQueryClient();
  const { data } = useQuery({ queryKey: ['outbox'], queryFn: () => dataProvider.graphql({ document: OUTBOX }), refetchInterval: 15_000 });
  const resend = async (id: string) => {
    try {
      await dataProvider.graphql({ document: RESEND, variables: { id } });
      notify('Het bericht wordt opnieuw verstuurd', { type: 'success' });
    } catch (error) {
      notify(errorText(error), { type: 'error' });
    }
    await queries.invalidateQueries({ queryKey: ['outbox'] });
  };
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="Uitgaande post" />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          Elke e-mail gaat eerst hierheen en wordt dan verstuurd; lukt dat niet, dan wordt het met toenemende tussenpozen opnieuw geprobeerd.
          {data && !data.mailConfigured ? ' Er is geen mailserver ingesteld (SMTP_URL): niets wordt verstuurd, alles blijft hier staan.' : ''}
        </Typography>
        <SmallTable label="Uitgaande post" columns={['Onderwerp', 'Aan', 'Status', 'Aangemaakt', '']}>
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
                      ? `Mislukt na ${message.attempts} pogingen`
                      : data?.mailConfigured === false
                        ? 'Niet verstuurd: er is geen mailserver ingesteld'
                        : message.attempts
                          ? `Nog niet gelukt (${message.attempts}); wordt opnieuw geprobeerd`
                          : 'Wordt zo verstuurd'}
                </Typography>
              </TableCell>
              <TableCell>{formatDateTime(message.createdAt)}</TableCell>
              <TableCell>
                {message.status === 'FAILED' ? (
                  <Button size="small" onClick={() => resend(message.id)}>
                    Opnieuw versturen
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
