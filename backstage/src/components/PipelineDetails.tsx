import { Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { PipelineDetailsQuery, StepStatusChangedSubscription } from '../api/documents';
import { useGatewayQuery } from '../api/useGatewayQuery';
import { DEFAULT_LIVE_OPTIONS, type LiveOptions, useLiveSubscription } from '../api/useLiveSubscription';
import type { RepositoryRef } from '../annotations';
import { formatDuration } from './format';
import { GatewayErrorPanel } from './GatewayErrorPanel';
import { StatusLabel } from './StatusLabel';
import { StepLog } from './StepLog';

/**
 * One pipeline's steps with status and duration, kept current by `stepStatusChanged` while it runs, the failed
 * tests of each step with their reasons, and the log of the step chosen (the running one, else a failed one, first).
 */
export function PipelineDetails(props: { repository: RepositoryRef; buildNumber: number; live?: LiveOptions }) {
  const { workspace, repository } = props.repository;
  const query = useGatewayQuery(PipelineDetailsQuery, { workspace, repository, buildNumber: props.buildNumber });
  const pipeline = query.data?.pipeline;
  useLiveSubscription(
    StepStatusChangedSubscription,
    pipeline && !pipeline.isTerminal ? { pipeline: pipeline.id } : undefined,
    query.refetch,
    query.refetch,
    props.live ?? DEFAULT_LIVE_OPTIONS,
    'ends-when-done',
  );
  const [chosen, setChosen] = useState<string | undefined>();

  if (query.error && !pipeline) {
    return <GatewayErrorPanel error={query.error} />;
  }
  if (!pipeline) {
    return <Progress />;
  }
  const steps = pipeline.steps ?? [];
  const shown =
    chosen ??
    steps.find(step => step.status === 'IN_PROGRESS')?.id ??
    steps.find(step => step.status === 'FAILED' || step.status === 'ERROR')?.id ??
    steps[steps.length - 1]?.id;
  const failedTests = steps.flatMap(step => (step.testCases?.nodes ?? []).map(test => ({ step: step.name, test })));

  return (
    <Box mt={2} data-testid="pipeline-details">
      <Typography variant="h6">
        Pipeline #{pipeline.buildNumber} <StatusLabel status={pipeline.status} />
      </Typography>
      <Table size="small" aria-label="Steps">
        <TableHead>
          <TableRow>
            <TableCell>Step</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Duration</TableCell>
            <TableCell>Tests</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {steps.map(step => (
            <TableRow key={step.id} selected={step.id === shown}>
              <TableCell>{step.name ?? 'Unnamed step'}</TableCell>
              <TableCell>
                <StatusLabel status={step.status} />
              </TableCell>
              <TableCell>{formatDuration(step.durationSeconds)}</TableCell>
              <TableCell>
                {step.testReport
                  ? `${step.testReport.successful}/${step.testReport.total} passed` +
                    (step.testReport.failed + step.testReport.errored > 0
                      ? `, ${step.testReport.failed + step.testReport.errored} failed`
                      : '')
                  : '–'}
              </TableCell>
              <TableCell align="right">
                <Button size="small" onClick={() => setChosen(step.id)} disabled={step.id === shown}>
                  Log
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {failedTests.length > 0 && (
        <Box mt={2}>
          <Typography variant="subtitle1">Failed tests</Typography>
          {failedTests.map(({ step, test }) => (
            <Box key={test.id} mt={1} data-testid="failed-test">
              <Typography variant="body2">
                <strong>{test.fullyQualifiedName ?? test.name}</strong> ({step}, {test.status.toLowerCase()})
              </Typography>
              {(test.reasons ?? []).map((reason, index) => (
                <Box key={index}>
                  {reason.message && <Typography variant="body2">{reason.message}</Typography>}
                  {reason.stackTrace && (
                    <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12, margin: 0 }}>{reason.stackTrace}</pre>
                  )}
                </Box>
              ))}
            </Box>
          ))}
        </Box>
      )}
      {shown && (
        <Box mt={2}>
          <Typography variant="subtitle1">Log of {steps.find(step => step.id === shown)?.name ?? 'the step'}</Typography>
          <StepLog key={shown} stepId={shown} live={props.live} />
        </Box>
      )}
    </Box>
  );
}
