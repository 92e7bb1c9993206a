import { EntityProvider, catalogApiRef } from '@backstage/plugin-catalog-react';
import type { CatalogApi } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { pipelinesGatewayApiRef } from '../api/PipelinesGatewayApi';
import { SchemaGateway } from '../testing/SchemaGateway';
import { componentFor, failing } from '../testing/fixtures';
import { PipelinesInsightsCard } from './InsightsCard';

const system = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'shop', namespace: 'default' },
  spec: { owner: 'team-a' },
};

function partOfShop(...repositories: string[]) {
  const entity = componentFor(...repositories);
  return {
    ...entity,
    metadata: { ...entity.metadata, name: repositories.join('-').replace(/\W/g, '-') },
    relations: [{ type: 'partOf', targetRef: 'system:default/shop' }],
  };
}

async function renderCard(gateway: SchemaGateway) {
  const components = [partOfShop('acme/web-app'), partOfShop('acme/api', 'acme/web-app')];
  // The catalog's answer to the card's filter: components in a relation to the system.
  const catalog = {
    getEntities: async ({ filter }: { filter: Record<string, string> }) => ({
      items: components.filter(
        c => filter.kind === 'Component' && c.relations.some(r => `relations.${r.type}` in filter && r.targetRef === filter[`relations.${r.type}`]),
      ),
    }),
  } as unknown as CatalogApi;
  return renderInTestApp(
    <TestApiProvider apis={[[pipelinesGatewayApiRef, gateway], [catalogApiRef, catalog]]}>
      <EntityProvider entity={system}>
        <PipelinesInsightsCard />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('The insights card of a system', () => {
  it("shows the gateway's figures over the repositories of its components", async () => {
    const gateway = new SchemaGateway({
      insights: () => ({
        window: { from: '2026-11-28T10:00:00Z', to: '2026-12-05T10:00:00Z' },
        pipelinesCovered: 14,
        capped: false,
        completed: 12,
        successful: 9,
        successRate: 0.75,
        duration: { p50: 185, p90: 312, rule: 'build' },
        failingSteps: [{ name: 'Unit tests', failures: 3, runs: 12 }],
        flakyTests: [{ name: 'CheckoutTest.pays', repository: 'acme/web-app', commit: 'c0ffee', failures: 1, passes: 1 }],
      }),
    });
    await renderCard(gateway);
    expect(await screen.findByText('75% of 12 completed')).toBeInTheDocument();
    expect(screen.getByText('3m 05s / 5m 12s')).toBeInTheDocument();
    expect(screen.getByText('Unit tests (3/12)')).toBeInTheDocument();
    expect(screen.getByText('CheckoutTest.pays (acme/web-app)')).toBeInTheDocument();
    expect(gateway.callsOf('Insights')[0].variables).toEqual({ repositories: ['acme/api', 'acme/web-app'] });
  });

  it('shows a refusal as the gateway words it', async () => {
    await renderCard(new SchemaGateway({ insights: failing('RATE_LIMITED', 'Too many operations.', 30) }));
    expect(await screen.findByText('Error: RATE_LIMITED (retry in 30 s)')).toBeInTheDocument();
  });
});
