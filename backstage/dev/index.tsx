import type { Entity } from '@backstage/catalog-model';
import { createDevApp } from '@backstage/dev-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { createRoot } from 'react-dom/client';
import { EntityPipelinesCard, EntityPipelinesContent, pipelinesGatewayPlugin } from '../src';

/** The sandbox's `acme/web-app` as a catalog component would name it. */
const webApp: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'web-app', annotations: { 'bitbucket.org/repo-slug': 'acme/web-app' } },
  spec: { type: 'website', lifecycle: 'production', owner: 'team-web' },
};

// The plugin's development app: its entity tab and overview card on the gateway's sandbox, through the proxy path
// a Backstage backend serves (`/api/proxy/pipelines-gateway`). `npm run e2e` serves it and opens it in Chromium.
const DevApp = createDevApp()
  .registerPlugin(pipelinesGatewayPlugin)
  .addPage({
    path: '/pipelines',
    title: 'Pipelines',
    element: (
      <EntityProvider entity={webApp}>
        <EntityPipelinesContent />
      </EntityProvider>
    ),
  })
  .addPage({
    path: '/overview',
    title: 'Overview',
    element: (
      <EntityProvider entity={webApp}>
        <Grid container>
          <Grid item md={6}>
            <EntityPipelinesCard />
          </Grid>
        </Grid>
      </EntityProvider>
    ),
  })
  .build();

// Mounted here rather than by DevAppBuilder.render(), whose dynamic import of react-dom a bundle splits apart.
createRoot(document.getElementById('root')!).render(<DevApp />);
