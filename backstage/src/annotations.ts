import type { Entity } from '@backstage/catalog-model';

/** The annotation naming an entity's Bitbucket repositories: `workspace/repo`, several separated by commas. */
export const REPO_SLUG_ANNOTATION = 'bitbucket.org/repo-slug';

/** A Bitbucket repository as the gateway names it. */
export type RepositoryRef = Readonly<{ workspace: string; repository: string }>;

/** The repositories an entity's annotation names; malformed entries (not `workspace/repo`) are left out. */
export function repositoriesOf(entity: Entity): RepositoryRef[] {
  const value = entity.metadata.annotations?.[REPO_SLUG_ANNOTATION] ?? '';
  return value
    .split(/[,\s]+/)
    .map(entry => entry.trim().split('/'))
    .filter(parts => parts.length === 2 && parts[0] !== '' && parts[1] !== '')
    .map(([workspace, repository]) => ({ workspace, repository }));
}

/** Whether the plugin has something to show for an entity: for `EntitySwitch.Case if={...}`. */
export function isPipelinesAvailable(entity: Entity): boolean {
  return repositoriesOf(entity).length > 0;
}
