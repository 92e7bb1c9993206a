import { Content, InfoCard, MissingAnnotationEmptyState } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { Fragment, type ReactNode } from 'react';
import type { LiveOptions } from '../api/useLiveSubscription';
import { REPO_SLUG_ANNOTATION, type RepositoryRef, repositoriesOf } from '../annotations';
import { RepositoryPipelines } from './RepositoryPipelines';

/** Renders each repository the entity's annotation names, or says which annotation to add when it names none. */
function EachAnnotatedRepository(props: { children: (repository: RepositoryRef) => ReactNode }) {
  const { entity } = useEntity();
  const repositories = repositoriesOf(entity);
  if (repositories.length === 0) {
    return <MissingAnnotationEmptyState annotation={REPO_SLUG_ANNOTATION} />;
  }
  return (
    <>
      {repositories.map(repository => (
        <Fragment key={`${repository.workspace}/${repository.repository}`}>{props.children(repository)}</Fragment>
      ))}
    </>
  );
}

/** The entity tab: each annotated repository's pipelines, with filters, pages, details, run and stop. */
export function EntityPipelinesContent(props: { pageSize?: number; live?: LiveOptions }) {
  return (
    <Content noPadding>
      <Grid container spacing={3} direction="column">
        <EachAnnotatedRepository>
          {repository => (
            <Grid item>
              <RepositoryPipelines repository={repository} pageSize={props.pageSize} live={props.live} />
            </Grid>
          )}
        </EachAnnotatedRepository>
      </Grid>
    </Content>
  );
}

/** The overview card: the latest few pipelines of each annotated repository, live. */
export function EntityPipelinesCard(props: { pageSize?: number; live?: LiveOptions }) {
  return (
    <InfoCard title="Pipelines" noPadding>
      <EachAnnotatedRepository>
        {repository => (
          <RepositoryPipelines repository={repository} pageSize={props.pageSize ?? 5} compact live={props.live} />
        )}
      </EachAnnotatedRepository>
    </InfoCard>
  );
}
