import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useCallback, useRef, useState } from 'react';
import {
  PipelineStatusChangedSubscription,
  RepositoryPipelinesQuery,
  StopPipelineMutation,
} from '../api/documents';
import { pipelinesGatewayApiRef } from '../api/PipelinesGatewayApi';
import { useGatewayQuery } from '../api/useGatewayQuery';
import { DEFAULT_LIVE_OPTIONS, type LiveOptions, useLiveSubscription } from '../api/useLiveSubscription';
import type { RepositoryRef } from '../annotations';
import type { PipelineRowFragment, PipelineStatus } from '../gql/graphql';
import { formatDuration, formatTime, humanize } from './format';
import { GatewayErrorPanel } from './GatewayErrorPanel';
import { LiveIndicator } from './LiveIndicator';
import { PipelineDetails } from './PipelineDetails';
import { RunPipelineDialog } from './RunPipelineDialog';
import { StatusLabel } from './StatusLabel';

const STATUSES: PipelineStatus[] = [
  'PENDING', 'RUNNING', 'PAUSED', 'HALTED', 'SUCCESSFUL', 'FAILED', 'ERROR', 'STOPPED', 'EXPIRED',
];

/** How a repository's pipelines are shown: the entity tab's full view, or the overview card's short list. */
export type RepositoryPipelinesProps = {
  repository: RepositoryRef;
  /** Pipelines per page. */
  pageSize?: number;
  /** The overview card's form: no filters, pages, details or actions. */
  compact?: boolean;
  live?: LiveOptions;
};

/**
 * A repository's recent pipelines, kept current by the gateway's status subscription (or by polling while it is
 * down): filters by branch and status, pages by the connection's cursors, a pipeline's details, and run and stop
 * when the gateway says the caller may write (`viewerCanRunPipelines`).
 */
export function RepositoryPipelines(props: RepositoryPipelinesProps) {
  const { workspace, repository } = props.repository;
  const pageSize = props.pageSize ?? 10;
  const api = useApi(pipelinesGatewayApiRef);
  const [branch, setBranch] = useState('');
  const [branchInput, setBranchInput] = useState('');
  const [statuses, setStatuses] = useState<PipelineStatus[]>([]);
  // The cursors of the pages before the one shown; the last is the shown page's `after`.
  const [cursors, setCursors] = useState<string[]>([]);
  const [selected, setSelected] = useState<number | undefined>();
  const [running, setRunning] = useState(false);
  const [actionError, setActionError] = useState<Error | undefined>();

  const after = cursors.length > 0 ? cursors[cursors.length - 1] : undefined;
  const query = useGatewayQuery(RepositoryPipelinesQuery, {
    workspace,
    repository,
    first: pageSize,
    after,
    branch: branch === '' ? undefined : branch,
    statuses: statuses.length === 0 ? undefined : statuses,
  });
  const { refetch, update } = query;
  // The pipelines shown, for events to look up (state updaters run later than the event).
  const shown = useRef<PipelineRowFragment[]>([]);
  shown.current = query.data?.repository?.pipelines?.nodes ?? [];
  const onEvent = useCallback(
    (event: { pipelineStatusChanged: { pipeline: PipelineRowFragment } }) => {
      const changed = event.pipelineStatusChanged.pipeline;
      if (shown.current.some(p => p.id === changed.id)) {
        update(data => {
          const connection = data.repository?.pipelines;
          if (!connection) {
            return data;
          }
          const nodes = connection.nodes.map(p => (p.id === changed.id ? { ...p, ...changed } : p));
          return { ...data, repository: { ...data.repository!, pipelines: { ...connection, nodes } } };
        });
      } else if (after === undefined) {
        // A new run, or one the filters may now take in: the first page is read again.
        refetch();
      }
    },
    [update, refetch, after],
  );
  const mode = useLiveSubscription(
    PipelineStatusChangedSubscription,
    { workspace, repository },
    onEvent,
    refetch,
    props.live ?? DEFAULT_LIVE_OPTIONS,
  );

  const connection = query.data?.repository?.pipelines;
  const pipelines = connection?.nodes ?? [];
  // The gateway says so from the caller's grants; null (pass-through mode: Bitbucket decides later) shows no actions.
  const canWrite = query.data?.repository?.viewerCanRunPipelines === true;

  const stop = (id: string) => {
    setActionError(undefined);
    api.request(StopPipelineMutation, { id }).then(
      answer => {
        const problem = answer.stopPipeline?.userErrors[0];
        if (problem) {
          setActionError(new Error(problem.message));
        }
        refetch();
      },
      setActionError,
    );
  };

  const title = `${workspace}/${repository}`;
  const action = (
    <Box display="flex" alignItems="center" style={{ gap: 8 }}>
      <LiveIndicator mode={mode} />
      {canWrite && !props.compact && (
        <Button size="small" variant="outlined" color="primary" onClick={() => setRunning(true)}>
          Run pipeline
        </Button>
      )}
    </Box>
  );

  return (
    <InfoCard title={title} action={action} noPadding={props.compact}>
      {!props.compact && (
        <Box display="flex" style={{ gap: 16 }} mb={2}>
          <TextField
            label="Branch"
            size="small"
            value={branchInput}
            onChange={e => setBranchInput(e.target.value)}
            onBlur={() => applyBranch()}
            onKeyDown={e => e.key === 'Enter' && applyBranch()}
            inputProps={{ 'aria-label': 'Branch' }}
          />
          <TextField
            select
            label="Status"
            size="small"
            style={{ minWidth: 160 }}
            value={statuses}
            SelectProps={{ multiple: true, renderValue: value => (value as string[]).map(humanize).join(', ') }}
            onChange={e => {
              setStatuses(e.target.value as unknown as PipelineStatus[]);
              setCursors([]);
            }}
            inputProps={{ 'aria-label': 'Status' }}
          >
            {STATUSES.map(status => (
              <MenuItem key={status} value={status}>
                {humanize(status)}
              </MenuItem>
            ))}
          </TextField>
        </Box>
      )}
      {query.error && <GatewayErrorPanel error={query.error} />}
      {actionError && <GatewayErrorPanel error={actionError} />}
      {query.loading && !query.data && <Progress />}
      {query.data && pipelines.length === 0 && (
        <Typography variant="body2" data-testid="no-pipelines">
          No pipelines{branch !== '' || statuses.length > 0 ? ' match these filters' : ' yet'}.
        </Typography>
      )}
      {pipelines.length > 0 && (
        <Table size="small" aria-label={`Pipelines of ${title}`} style={{ whiteSpace: 'nowrap' }}>
          <TableHead>
            <TableRow>
              <TableCell>Pipeline</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Branch</TableCell>
              {!props.compact && <TableCell>Commit</TableCell>}
              {!props.compact && <TableCell>Trigger</TableCell>}
              {!props.compact && <TableCell>Creator</TableCell>}
              {!props.compact && <TableCell>Started</TableCell>}
              <TableCell>Duration</TableCell>
              {!props.compact && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {pipelines.map(pipeline => (
              <TableRow
                key={pipeline.id}
                hover
                selected={pipeline.buildNumber === selected}
                data-testid={`pipeline-${pipeline.buildNumber}`}
                data-status={pipeline.status}
              >
                <TableCell>
                  {pipeline.webUrl ? <Link to={pipeline.webUrl}>#{pipeline.buildNumber}</Link> : `#${pipeline.buildNumber}`}
                </TableCell>
                <TableCell>
                  <StatusLabel status={pipeline.status} />
                </TableCell>
                <TableCell>{pipeline.target?.branch ?? pipeline.target?.refName ?? '–'}</TableCell>
                {!props.compact && (
                  <TableCell title={pipeline.target?.commit?.message ?? undefined}>
                    {pipeline.target?.commit?.shortHash ?? '–'}
                  </TableCell>
                )}
                {!props.compact && <TableCell>{triggerOf(pipeline)}</TableCell>}
                {!props.compact && (
                  <TableCell>{pipeline.creator?.displayName ?? pipeline.creator?.nickname ?? '–'}</TableCell>
                )}
                {!props.compact && <TableCell>{formatTime(pipeline.createdOn)}</TableCell>}
                <TableCell>{formatDuration(pipeline.durationSeconds)}</TableCell>
                {!props.compact && (
                  <TableCell align="right">
                    {canWrite && !pipeline.isTerminal && (
                      <Button size="small" onClick={() => stop(pipeline.id)}>
                        Stop
                      </Button>
                    )}
                    {pipeline.buildNumber != null && (
                      <Button
                        size="small"
                        onClick={() => setSelected(selected === pipeline.buildNumber ? undefined : pipeline.buildNumber!)}
                      >
                        {selected === pipeline.buildNumber ? 'Hide' : 'Details'}
                      </Button>
                    )}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {!props.compact && (cursors.length > 0 || connection?.pageInfo.hasNextPage) && (
        <Box display="flex" justifyContent="flex-end" style={{ gap: 8 }} mt={1}>
          <Button size="small" disabled={cursors.length === 0} onClick={() => setCursors(c => c.slice(0, -1))}>
            Newer
          </Button>
          <Button
            size="small"
            disabled={!connection?.pageInfo.hasNextPage || !connection.pageInfo.endCursor}
            onClick={() => setCursors(c => [...c, connection!.pageInfo.endCursor!])}
          >
            Older
          </Button>
        </Box>
      )}
      {!props.compact && selected !== undefined && (
        <PipelineDetails repository={props.repository} buildNumber={selected} live={props.live} />
      )}
      {running && (
        <RunPipelineDialog
          repository={props.repository}
          defaultBranch={query.data?.repository?.mainBranch ?? 'main'}
          onClose={() => setRunning(false)}
          onStarted={() => {
            setRunning(false);
            setCursors([]);
            refetch();
          }}
        />
      )}
    </InfoCard>
  );

  function applyBranch() {
    if (branchInput.trim() !== branch) {
      setBranch(branchInput.trim());
      setCursors([]);
    }
  }
}

function triggerOf(pipeline: PipelineRowFragment): string {
  const kind = pipeline.trigger ? humanize(pipeline.trigger.kind) : '–';
  const selector = pipeline.target?.selector;
  return selector?.type === 'custom' && selector.pattern ? `${kind} (custom: ${selector.pattern})` : kind;
}
