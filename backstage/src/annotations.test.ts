import { isPipelinesAvailable, repositoriesOf } from './annotations';
import { componentFor } from './testing/fixtures';

describe('The bitbucket.org/repo-slug annotation', () => {
  it('names one repository or several, separated by commas', () => {
    expect(repositoriesOf(componentFor('acme/web-app'))).toEqual([{ workspace: 'acme', repository: 'web-app' }]);
    expect(repositoriesOf(componentFor('acme/web-app', 'platform/infra'))).toEqual([
      { workspace: 'acme', repository: 'web-app' },
      { workspace: 'platform', repository: 'infra' },
    ]);
  });

  it('leaves out entries that are not workspace/repo, and an entity without it has nothing to show', () => {
    expect(repositoriesOf(componentFor('web-app', 'acme/', 'a/b/c', 'acme/api'))).toEqual([
      { workspace: 'acme', repository: 'api' },
    ]);
    expect(isPipelinesAvailable(componentFor())).toBe(false);
    expect(isPipelinesAvailable(componentFor('acme/api'))).toBe(true);
  });
});
