import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef, useEntity } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import { InsightsQuery } from '../api/documents';
import { useGatewayQuery } from '../api/useGatewayQuery';
import { repositoriesOf } from '../annotations';
import { formatDuration } from './format';
import { GatewayErrorPanel } from './GatewayErrorPanel';

/**
 * For a group or a system: the gateway's `insights` (success rate, p50/p90 duration, failing steps, flaky tests) over
 * the repositories of the components it owns or holds, read from the catalog by relation.
 */
export function PipelinesInsightsCard() {
  const { entity } = useEntity();
  const catalogApi = useApi(catalogApiRef);
  const [repositories, setRepositories] = useState<string[] | undefined>();
  const [catalogError, setCatalogError] = useState<Error | undefined>();

  useEffect(() => {
    const relation = entity.kind.toLowerCase() === 'group' ? 'relations.ownedBy' : 'relations.partOf';
    catalogApi
      .getEntities({ filter: { kind: 'Component', [relation]: stringifyEntityRef(entity) } })
      .then(
        ({ items }) => {
          const names = items.flatMap(item => repositoriesOf(item).map(r => `${r.workspace}/${r.repository}`));
          setRepositories([...new Set(names)].sort());
        },
        setCatalogError,
      );
  }, [catalogApi, entity]);

  return (
    <InfoCard title="Pipelines insights" subheader={repositories?.join(', ')}>
      {catalogError && <GatewayErrorPanel error={catalogError} />}
      {!repositories && !catalogError && <Progress />}
      {repositories && repositories.length === 0 && (
        <Typography variant="body2">No component here names a Bitbucket repository.</Typography>
      )}
      {repositories && repositories.length > 0 && <Insights repositories={repositories} />}
    </InfoCard>
  );
}

function Insights(props: { repositories: string[] }) {
  const query = useGatewayQuery(InsightsQuery, { repositories: props.repositories });
  const insights = query.data?.insights;
  if (query.error) {
    return <GatewayErrorPanel error={query.error} />;
  }
  if (!insights) {
    return <Progress />;
  }
  const rate = insights.successRate == null ? '–' : `${Math.round(insights.successRate * 100)}%`;
  return (
    <Table size="small" aria-label="Insights">
      <TableBody>
        <Row name="Success rate" value={`${rate} of ${insights.completed} completed`} />
        <Row
          name="Duration p50 / p90"
          value={`${formatDuration(insights.duration.p50)} / ${formatDuration(insights.duration.p90)}`}
        />
        <Row
          name="Failing steps"
          value={insights.failingSteps.map(s => `${s.name} (${s.failures}/${s.runs})`).join(', ') || 'none'}
        />
        <Row
          name="Flaky tests"
          value={insights.flakyTests.map(t => `${t.name} (${t.repository})`).join(', ') || 'none'}
        />
        <Row
          name="Covered"
          value={`${insights.pipelinesCovered} pipelines${insights.capped ? ' (capped)' : ''} since ${new Date(
            insights.window.from,
          ).toLocaleDateString()}`}
        />
      </TableBody>
    </Table>
  );
}

function Row(props: { name: string; value: string }) {
  return (
    <TableRow>
      <TableCell component="th" scope="row">
        {props.name}
      </TableCell>
      <TableCell>{props.value}</TableCell>
    </TableRow>
  );
}
