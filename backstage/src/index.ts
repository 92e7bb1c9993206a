/** Bitbucket Pipelines on Backstage entity pages, through Pipelines Gateway's GraphQL API. */
export {
  pipelinesGatewayPlugin,
  EntityPipelinesContent,
  EntityPipelinesCard,
  EntityPipelinesInsightsCard,
} from './plugin';
export { REPO_SLUG_ANNOTATION, isPipelinesAvailable, repositoriesOf } from './annotations';
export type { RepositoryRef } from './annotations';
export { pipelinesGatewayApiRef } from './api/PipelinesGatewayApi';
export type { PipelinesGatewayApi, SubscriptionObserver } from './api/PipelinesGatewayApi';
export { PipelinesGatewayClient } from './api/PipelinesGatewayClient';
export { GatewayError } from './api/GatewayError';
