import { EntityProvider } from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { pipelinesGatewayApiRef } from '../api/PipelinesGatewayApi';
import { SchemaGateway } from '../testing/SchemaGateway';
import { componentFor, failing, pipeline, repositoryAnswering } from '../testing/fixtures';
import { EntityPipelinesCard, EntityPipelinesContent } from './EntityPipelines';

const FAST = { pollIntervalMs: 50, resubscribeAfterMs: 60_000 };

async function renderTab(gateway: SchemaGateway, ...repositories: string[]) {
  return renderInTestApp(
    <TestApiProvider apis={[[pipelinesGatewayApiRef, gateway]]}>
      <EntityProvider entity={componentFor(...(repositories.length ? repositories : ['acme/web-app']))}>
        <EntityPipelinesContent live={FAST} />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('The entity tab', () => {
  it('shows a spinner until the gateway answers, then each pipeline with status, branch, commit, trigger, creator, duration and link', async () => {
    let answer: () => void = () => undefined;
    const answered = new Promise<void>(resolve => (answer = resolve));
    const repository = repositoryAnswering(() => [
      pipeline(8, { status: 'RUNNING', creator: { displayName: 'Ada Lovelace' } }),
      pipeline(7, {
        status: 'FAILED',
        trigger: { kind: 'MANUAL' },
        target: {
          kind: 'REF',
          branch: 'feature/x',
          pullRequestIds: [],
          commit: { hash: 'abc', shortHash: 'abc123456789', message: 'Fix it' },
        },
      }),
    ]);
    const gateway = new SchemaGateway({
      repository: (args: { workspace: string; slug: string }) => answered.then(() => repository(args)),
    });
    await renderTab(gateway);
    expect(await screen.findByRole('progressbar')).toBeInTheDocument();

    answer();
    const row = await screen.findByTestId('pipeline-8');
    expect(within(row).getByText('Running')).toBeInTheDocument();
    expect(within(row).getByText('main')).toBeInTheDocument();
    expect(within(row).getByText('c0ffee123456')).toBeInTheDocument();
    expect(within(row).getByText('Push')).toBeInTheDocument();
    expect(within(row).getByText('Ada Lovelace')).toBeInTheDocument();
    expect(within(row).getByText('12s')).toBeInTheDocument();
    expect(within(row).getByText('#8').closest('a')).toHaveAttribute(
      'href',
      'https://bitbucket.org/acme/web-app/pipelines/results/8',
    );
    const failed = screen.getByTestId('pipeline-7');
    expect(within(failed).getByText('Failed')).toBeInTheDocument();
    expect(within(failed).getByText('feature/x')).toBeInTheDocument();
    expect(within(failed).getByText('Manual')).toBeInTheDocument();
    expect(within(failed).getByText('3m 05s')).toBeInTheDocument();
  });

  it('says so when the repository has no pipelines', async () => {
    await renderTab(new SchemaGateway({ repository: repositoryAnswering(() => []) }));
    expect(await screen.findByTestId('no-pipelines')).toHaveTextContent('No pipelines yet.');
  });

  it('shows an entity without the annotation what to add', async () => {
    await renderTab(new SchemaGateway({}), 'not-a-repository');
    expect((await screen.findAllByText(/bitbucket.org\/repo-slug/)).length).toBeGreaterThan(0);
  });

  it.each([
    ['UNAUTHENTICATED', 'This request carries no credential for the gateway.', undefined, 'Error: UNAUTHENTICATED'],
    ['FORBIDDEN', "API key 'backstage' may not read workspace 'acme'.", undefined, 'Error: FORBIDDEN'],
    ['RATE_LIMITED', 'Too many operations: wait before sending more.', 42, 'Error: RATE_LIMITED (retry in 42 s)'],
  ])('shows a %s refusal as the gateway words it', async (code, message, retryAfter, title) => {
    await renderTab(new SchemaGateway({ repository: failing(code, message, retryAfter) }));
    expect(await screen.findByText(title)).toBeInTheDocument();
    expect(screen.getByText(message)).toBeInTheDocument();
  });

  it('moves a listed pipeline to its new status, and lists a new run, as the subscription tells them', async () => {
    const pipelines = [pipeline(7)];
    const gateway = new SchemaGateway({ repository: repositoryAnswering(() => pipelines) });
    await renderTab(gateway);
    await screen.findByTestId('pipeline-7');
    await waitFor(() => expect(screen.getByTestId('live-indicator')).toHaveTextContent('Live'));

    pipelines.unshift(pipeline(8, { status: 'PENDING' }));
    await gateway.emit('PipelineStatusChanged', {
      pipelineStatusChanged: { status: 'PENDING', observedAt: '2026-12-05T10:00:00Z', pipeline: pipelines[0] },
    });
    expect(await screen.findByTestId('pipeline-8')).toHaveAttribute('data-status', 'PENDING');
    const reads = gateway.callsOf('RepositoryPipelines').length;

    await gateway.emit('PipelineStatusChanged', {
      pipelineStatusChanged: {
        status: 'SUCCESSFUL',
        previousStatus: 'RUNNING',
        observedAt: '2026-12-05T10:03:00Z',
        pipeline: pipeline(8, { status: 'SUCCESSFUL' }),
      },
    });
    await waitFor(() => expect(screen.getByTestId('pipeline-8')).toHaveAttribute('data-status', 'SUCCESSFUL'));
    expect(within(screen.getByTestId('pipeline-8')).getByText('Successful')).toBeInTheDocument();
    // A listed pipeline's change is applied from the event itself: the list is not read again.
    expect(gateway.callsOf('RepositoryPipelines')).toHaveLength(reads);
  });

  it('polls, and says so, while the subscription is down', async () => {
    const pipelines = [pipeline(7)];
    const gateway = new SchemaGateway({ repository: repositoryAnswering(() => pipelines) });
    gateway.failLive();
    await renderTab(gateway);
    await waitFor(() => expect(screen.getByTestId('live-indicator')).toHaveTextContent('Polling'));

    pipelines.unshift(pipeline(8, { status: 'RUNNING' }));
    expect(await screen.findByTestId('pipeline-8')).toHaveAttribute('data-status', 'RUNNING');
  });

  it('asks the gateway for one branch and some statuses, and pages with the cursors', async () => {
    const gateway = new SchemaGateway({
      repository: repositoryAnswering(args => [pipeline(args.after ? 3 : 9)], { more: true }),
    });
    await renderTab(gateway);
    await screen.findByTestId('pipeline-9');

    const branch = screen.getByLabelText('Branch');
    fireEvent.change(branch, { target: { value: 'release' } });
    fireEvent.keyDown(branch, { key: 'Enter' });
    await waitFor(() =>
      expect(gateway.callsOf('RepositoryPipelines').at(-1)?.variables).toMatchObject({ branch: 'release' }),
    );

    fireEvent.mouseDown(screen.getByRole('button', { name: /Status/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Failed' }));
    await waitFor(() =>
      expect(gateway.callsOf('RepositoryPipelines').at(-1)?.variables).toMatchObject({
        branch: 'release',
        statuses: ['FAILED'],
      }),
    );
    fireEvent.keyDown(screen.getByRole('listbox'), { key: 'Escape' });

    fireEvent.click(screen.getByRole('button', { name: 'Older' }));
    expect(await screen.findByTestId('pipeline-3')).toBeInTheDocument();
    expect(gateway.callsOf('RepositoryPipelines').at(-1)?.variables).toMatchObject({ after: 'c-9' });
    fireEvent.click(screen.getByRole('button', { name: 'Newer' }));
    expect(await screen.findByTestId('pipeline-9')).toBeInTheDocument();
  });

  it('offers run, and stop of a running pipeline, when the gateway says the key may write, without sending a stop to find out', async () => {
    const gateway = new SchemaGateway({
      repository: repositoryAnswering(() => [pipeline(8, { status: 'RUNNING' }), pipeline(7)], {
        viewerCanRunPipelines: true,
      }),
    });
    await renderTab(gateway);
    expect(await screen.findByRole('button', { name: 'Run pipeline' })).toBeInTheDocument();
    expect(within(screen.getByTestId('pipeline-8')).getByRole('button', { name: 'Stop' })).toBeInTheDocument();
    expect(within(screen.getByTestId('pipeline-7')).queryByRole('button', { name: 'Stop' })).toBeNull();
    await waitFor(() => expect(screen.getByTestId('live-indicator')).toHaveTextContent('Live'));
    expect(gateway.callsOf('StopPipeline')).toHaveLength(0);
  });

  it.each([
    ['a read-only key (false)', false],
    ['a gateway in pass-through mode (null)', null],
  ])('hides run and stop from %s, and sends no stop to find out', async (_caller, viewerCanRunPipelines) => {
    const gateway = new SchemaGateway({
      repository: repositoryAnswering(() => [pipeline(8, { status: 'RUNNING' }), pipeline(7)], {
        viewerCanRunPipelines,
      }),
    });
    await renderTab(gateway);
    await screen.findByTestId('pipeline-8');
    await waitFor(() => expect(screen.getByTestId('live-indicator')).toHaveTextContent('Live'));
    expect(screen.queryByRole('button', { name: 'Run pipeline' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
    expect(gateway.callsOf('StopPipeline')).toHaveLength(0);
  });

  it('runs a custom pipeline with variables, and shows what Bitbucket refused', async () => {
    let runs = 0;
    const gateway = new SchemaGateway({
      repository: repositoryAnswering(() => [pipeline(7)], { viewerCanRunPipelines: true }),
      runPipeline: () =>
        ++runs === 1
          ? { pipeline: null, userErrors: [{ field: ['input', 'target'], message: "No custom pipeline 'nightly'." }] }
          : { pipeline: pipeline(9, { status: 'PENDING' }), userErrors: [] },
    });
    await renderTab(gateway);
    fireEvent.click(await screen.findByRole('button', { name: 'Run pipeline' }));
    fireEvent.change(screen.getByLabelText('Custom pipeline (optional)'), { target: { value: 'nightly' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add variable' }));
    fireEvent.change(screen.getByLabelText('Variable 1 name'), { target: { value: 'TARGET' } });
    fireEvent.change(screen.getByLabelText('Variable 1 value'), { target: { value: 'staging' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));

    expect(await screen.findByText("No custom pipeline 'nightly'.")).toBeInTheDocument();
    expect(gateway.callsOf('RunPipeline')[0].variables).toEqual({
      input: {
        workspace: 'acme',
        repository: 'web-app',
        target: { ref: { refType: 'BRANCH', refName: 'main', selector: { type: 'CUSTOM', pattern: 'nightly' } } },
        variables: [{ key: 'TARGET', value: 'staging', secured: false }],
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows each annotated repository', async () => {
    const gateway = new SchemaGateway({ repository: repositoryAnswering(() => [pipeline(1)]) });
    await renderTab(gateway, 'acme/web-app', 'acme/api');
    expect(await screen.findByText('acme/web-app')).toBeInTheDocument();
    expect(await screen.findByText('acme/api')).toBeInTheDocument();
  });

  it('has an overview card with the latest pipelines, live, without filters or actions', async () => {
    const gateway = new SchemaGateway({
      repository: repositoryAnswering(() => [pipeline(8, { status: 'RUNNING' }), pipeline(7)], {
        viewerCanRunPipelines: true,
      }),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[pipelinesGatewayApiRef, gateway]]}>
        <EntityProvider entity={componentFor('acme/web-app')}>
          <EntityPipelinesCard live={FAST} />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(await screen.findByTestId('pipeline-8')).toHaveAttribute('data-status', 'RUNNING');
    expect(gateway.callsOf('RepositoryPipelines')[0].variables).toMatchObject({ first: 5 });
    await waitFor(() => expect(screen.getByTestId('live-indicator')).toHaveTextContent('Live'));
    expect(screen.queryByLabelText('Branch')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Stop' })).toBeNull();
    expect(gateway.callsOf('StopPipeline')).toHaveLength(0);
  });
});
