import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { pipelinesGatewayApiRef } from './api/PipelinesGatewayApi';
import { PipelinesGatewayClient } from './api/PipelinesGatewayClient';

/** The route of the entity tab. */
export const rootRouteRef = createRouteRef({ id: 'pipelines-gateway' });

/** The plugin: its API client (through Backstage's proxy) and its extensions. */
export const pipelinesGatewayPlugin = createPlugin({
  id: 'pipelines-gateway',
  apis: [
    createApiFactory({
      api: pipelinesGatewayApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) => new PipelinesGatewayClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/** The entity tab's content: `<EntityLayout.Route path="/pipelines" title="Pipelines">`. */
export const EntityPipelinesContent = pipelinesGatewayPlugin.provide(
  createRoutableExtension({
    name: 'EntityPipelinesContent',
    component: () => import('./components/EntityPipelines').then(m => m.EntityPipelinesContent),
    mountPoint: rootRouteRef,
  }),
);

/** The overview card of an entity page. */
export const EntityPipelinesCard = pipelinesGatewayPlugin.provide(
  createComponentExtension({
    name: 'EntityPipelinesCard',
    component: { lazy: () => import('./components/EntityPipelines').then(m => m.EntityPipelinesCard) },
  }),
);

/** The insights card of a group or system page. */
export const EntityPipelinesInsightsCard = pipelinesGatewayPlugin.provide(
  createComponentExtension({
    name: 'EntityPipelinesInsightsCard',
    component: { lazy: () => import('./components/InsightsCard').then(m => m.PipelinesInsightsCard) },
  }),
);
