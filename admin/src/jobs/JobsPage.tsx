import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Title, useDataProvider, useNotify } from 'react-admin';
import { useEnumLabel } from '../complaints/chips';
import { formatDateTime } from '../complaints/format';
import { SmallTable } from '../complaints/panel';
import { graphql } from '../gql';
import type { JobQueueName } from '../gql/graphql';
import type { GraphQLDataProvider } from '../providers/graphql-call';

/** The ADMIN's page for the scheduled work (not a resource: queues and failed jobs are plain lists). */
export const JOBS_PATH = '/achtergrondtaken';

const JOBS = graphql(`
  query Jobs {
    jobQueues {
      name
      created
      retry
      active
      completed
      failed
      cancelled
      lastCompletedAt
    }
    failedJobs {
      id
      queue
      createdAt
      failedAt
      attempts
      error
    }
  }
`);

const RETRY = graphql(`
  mutation RetryJob($queue: JobQueueName!, $id: ID!) {
    retryJob(queue: $queue, id: $id)
  }
`);

/** Scheduled work: what waits, runs and ran per queue; what failed after its last attempt, with a retry. */
export const JobsPage = () => {
  const dataProvider = useDataProvider<GraphQLDataProvider>();
  const notify = useNotify();
  const label = useEnumLabel();
  const queries = useQueryClient();
  const { data } = useQuery({ queryKey: ['jobs'], queryFn: () => dataProvider.graphql({ document: JOBS }), refetchInterval: 15_000 });
  const retry = async (queue: JobQueueName, id: string) => {
    try {
      await dataProvider.graphql({ document: RETRY, variables: { queue, id } });
      notify('De taak wordt opnieuw geprobeerd', { type: 'success' });
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    }
    await queries.invalidateQueries({ queryKey: ['jobs'] });
  };
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="Achtergrondtaken" />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          De termijnbewaking kijkt elke minuut wat er verlopen is, herinnert en escaleert; het dagoverzicht gaat op werkdagen uit. Een taak die mislukt wordt
          met toenemende tussenpozen opnieuw geprobeerd en komt na de laatste poging hieronder bij de mislukte taken.
        </Typography>
        <SmallTable
          label="Wachtrijen"
          columns={[
            'Wachtrij',
            { label: 'Wacht', align: 'right' },
            { label: 'Opnieuw', align: 'right' },
            { label: 'Bezig', align: 'right' },
            { label: 'Klaar', align: 'right' },
            { label: 'Mislukt', align: 'right' },
            'Laatst klaar',
          ]}
        >
          {(data?.jobQueues ?? []).map((queue) => (
            <TableRow key={queue.name} data-queue={queue.name}>
              <TableCell>{label('JobQueueName', queue.name)}</TableCell>
              <TableCell align="right">{queue.created}</TableCell>
              <TableCell align="right">{queue.retry}</TableCell>
              <TableCell align="right">{queue.active}</TableCell>
              <TableCell align="right">{queue.completed}</TableCell>
              <TableCell align="right">{queue.failed}</TableCell>
              <TableCell>{queue.lastCompletedAt ? formatDateTime(queue.lastCompletedAt) : '–'}</TableCell>
            </TableRow>
          ))}
        </SmallTable>
        <Typography variant="h6" component="h2" sx={{ mt: 3 }}>
          Mislukte taken
        </Typography>
        {data && data.failedJobs.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            Geen mislukte taken.
          </Typography>
        ) : (
          <SmallTable label="Mislukte taken" columns={['Wachtrij', 'Aangemaakt', 'Mislukt', { label: 'Pogingen', align: 'right' }, 'Fout', '']}>
            {(data?.failedJobs ?? []).map((job) => (
              <TableRow key={job.id}>
                <TableCell>{label('JobQueueName', job.queue)}</TableCell>
                <TableCell>{formatDateTime(job.createdAt)}</TableCell>
                <TableCell>{job.failedAt ? formatDateTime(job.failedAt) : '–'}</TableCell>
                <TableCell align="right">{job.attempts}</TableCell>
                <TableCell sx={{ maxWidth: 360, overflowWrap: 'anywhere' }}>{job.error ?? ''}</TableCell>
                <TableCell>
                  <Button size="small" onClick={() => retry(job.queue, job.id)}>
                    Opnieuw proberen
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </SmallTable>
        )}
      </CardContent>
    </Card>
  );
};
