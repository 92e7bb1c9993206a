import type { Entity } from '@backstage/catalog-model';
import { GraphQLError } from 'graphql';

/** A component annotated with the repositories given. */
export function componentFor(...repositories: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'web-app',
      annotations: repositories.length ? { 'bitbucket.org/repo-slug': repositories.join(',') } : {},
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

/**
 * A pipeline as the gateway answers it: every field the plugin reads, with Bitbucket's optional parts (creator,
 * commit message, selector, duration) left out unless given.
 */
export function pipeline(buildNumber: number, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const status = (fields.status as string) ?? 'SUCCESSFUL';
  const terminal = !['PENDING', 'RUNNING', 'PAUSED', 'HALTED'].includes(status);
  return {
    id: `UGlwZWxpbmU-${buildNumber}`,
    uuid: `{00000000-0000-0000-0000-${String(buildNumber).padStart(12, '0')}}`,
    buildNumber,
    status,
    isTerminal: terminal,
    state: { name: terminal ? 'COMPLETED' : status === 'PENDING' ? 'PENDING' : 'IN_PROGRESS' },
    createdOn: '2026-12-05T09:00:00Z',
    completedOn: terminal ? '2026-12-05T09:03:05Z' : null,
    durationSeconds: terminal ? 185 : 12,
    webUrl: `https://bitbucket.org/acme/web-app/pipelines/results/${buildNumber}`,
    target: {
      kind: 'REF',
      branch: 'main',
      refName: 'main',
      pullRequestIds: [],
      commit: { hash: 'c0ffee1234567890abcdef', shortHash: 'c0ffee123456' },
    },
    trigger: { kind: 'PUSH', name: 'PUSH' },
    ...fields,
  };
}

/**
 * A repository root field answering `pipelines` with `list(args)`, `more` as its next page, and `viewerCanRunPipelines`
 * as the gateway does: true or false from the key's grants in service mode, null (the default) in pass-through mode.
 */
export function repositoryAnswering(
  list: (args: Record<string, unknown>) => Record<string, unknown>[],
  { more = false, viewerCanRunPipelines = null }: { more?: boolean; viewerCanRunPipelines?: boolean | null } = {},
) {
  return (args: { workspace: string; slug: string }) => ({
    id: `UmVwb3NpdG9yeQ-${args.slug}`,
    fullName: `${args.workspace}/${args.slug}`,
    mainBranch: 'main',
    webUrl: `https://bitbucket.org/${args.workspace}/${args.slug}`,
    viewerCanRunPipelines,
    pipelines: (pipelineArgs: Record<string, unknown>) => {
      const nodes = list(pipelineArgs);
      return {
        nodes,
        edges: nodes.map(node => ({ cursor: `c-${node.buildNumber}`, node })),
        pageInfo: {
          hasNextPage: more,
          hasPreviousPage: false,
          endCursor: nodes.length ? `c-${nodes[nodes.length - 1].buildNumber}` : null,
        },
      };
    },
  });
}

/** A root field that fails as the gateway fails it: `extensions.code`, and `retryAfter` for RATE_LIMITED. */
export function failing(code: string, message: string, retryAfter?: number) {
  return () => {
    throw new GraphQLError(message, { extensions: retryAfter === undefined ? { code } : { code, retryAfter } });
  };
}
