import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useEnumLabel } from '../complaints/chips';
import { formatCount, formatDateTime } from '../complaints/format';
import { SmallTable } from '../complaints/panel';
import { graphql } from '../gql';
import type { JobQueueName } from '../gql/graphql';
import type { GraphQLDataProvider } from '../providers/graphql-call';
import { errorMessage } from '../providers/error-mapping';

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
  const translate = useTranslate();
  const queries = useQueryClient();
  const { data } = useQuery({ queryKey: ['jobs'], queryFn: () => dataProvider.graphql({ document: JOBS }), refetchInterval: 15_000 });
  const retry = async (queue: JobQueueName, id: string) => {
    try {
      await dataProvider.graphql({ document: RETRY, variables: { queue, id } });
      notify('app.jobs.retrying', { type: 'success', messageArgs: { queue: label('JobQueueName', queue) } });
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
    await queries.invalidateQueries({ queryKey: ['jobs'] });
  };
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.jobs.title" />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('app.jobs.intro')}
        </Typography>
        <SmallTable
          label="app.jobs.queues"
          columns={[
            'app.jobs.queue',
            { label: 'app.jobs.waiting', align: 'right' },
            { label: 'app.jobs.retry', align: 'right' },
            { label: 'app.jobs.active', align: 'right' },
            { label: 'app.jobs.completed', align: 'right' },
            { label: 'app.jobs.failed', align: 'right' },
            'app.jobs.lastCompleted',
          ]}
        >
          {(data?.jobQueues ?? []).map((queue) => (
            <TableRow key={queue.name} data-queue={queue.name}>
              <TableCell>{label('JobQueueName', queue.name)}</TableCell>
              <TableCell align="right">{formatCount(queue.created)}</TableCell>
              <TableCell align="right">{formatCount(queue.retry)}</TableCell>
              <TableCell align="right">{formatCount(queue.active)}</TableCell>
              <TableCell align="right">{formatCount(queue.completed)}</TableCell>
              <TableCell align="right">{formatCount(queue.failed)}</TableCell>
              <TableCell>{queue.lastCompletedAt ? formatDateTime(queue.lastCompletedAt) : '–'}</TableCell>
            </TableRow>
          ))}
        </SmallTable>
        <Typography variant="h6" component="h2" sx={{ mt: 3 }}>
          {translate('app.jobs.failedJobs')}
        </Typography>
        {data && data.failedJobs.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('app.jobs.noFailed')}
          </Typography>
        ) : (
          <SmallTable
            label="app.jobs.failedJobs"
            columns={['app.jobs.queue', 'app.jobs.created', 'app.jobs.failedAt', { label: 'app.jobs.attempts', align: 'right' }, 'app.jobs.error', '']}
          >
            {(data?.failedJobs ?? []).map((job) => (
              <TableRow key={job.id}>
                <TableCell>{label('JobQueueName', job.queue)}</TableCell>
                <TableCell>{formatDateTime(job.createdAt)}</TableCell>
                <TableCell>{job.failedAt ? formatDateTime(job.failedAt) : '–'}</TableCell>
                <TableCell align="right">{formatCount(job.attempts)}</TableCell>
                <TableCell sx={{ maxWidth: 360, overflowWrap: 'anywhere' }}>{job.error ?? ''}</TableCell>
                <TableCell>
                  <Button size="small" onClick={() => retry(job.queue, job.id)}>
                    {translate('app.common.retry')}
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
