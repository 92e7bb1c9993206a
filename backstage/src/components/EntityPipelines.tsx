import { Content, InfoCard, MissingAnnotationEmptyState } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import type { LiveOptions } from '../api/useLiveSubscription';
import { REPO_SLUG_ANNOTATION, repositoriesOf } from '../annotations';
import { RepositoryPipelines } from './RepositoryPipelines';

/** The entity tab: each annotated repository's pipelines, with filters, pages, details, run and stop. */
export function EntityPipelinesContent(props: { pageSize?: number; live?: LiveOptions }) {
  const { entity } = useEntity();
  const repositories = repositoriesOf(entity);
  if (repositories.length === 0) {
    return <MissingAnnotationEmptyState annotation={REPO_SLUG_ANNOTATION} />;
  }
  return (
    <Content noPadding>
      <Grid container spacing={3} direction="column">
        {repositories.map(repository => (
          <Grid item key={`${repository.workspace}/${repository.repository}`}>
            <RepositoryPipelines repository={repository} pageSize={props.pageSize} live={props.live} />
          </Grid>
        ))}
      </Grid>
    </Content>
  );
}

/** The overview card: the latest few pipelines of each annotated repository, live. */
export function EntityPipelinesCard(props: { pageSize?: number; live?: LiveOptions }) {
  const { entity } = useEntity();
  const repositories = repositoriesOf(entity);
  if (repositories.length === 0) {
    return <MissingAnnotationEmptyState annotation={REPO_SLUG_ANNOTATION} />;
  }
  return (
    <InfoCard title="Pipelines" noPadding>
      {repositories.map(repository => (
        <RepositoryPipelines
          key={`${repository.workspace}/${repository.repository}`}
          repository={repository}
          pageSize={props.pageSize ?? 5}
          compact
          live={props.live}
        />
      ))}
    </InfoCard>
  );
}
