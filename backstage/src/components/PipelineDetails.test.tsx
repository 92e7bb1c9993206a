import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { pipelinesGatewayApiRef } from '../api/PipelinesGatewayApi';
import { SchemaGateway } from '../testing/SchemaGateway';
import { failing, pipeline } from '../testing/fixtures';
import { PipelineDetails } from './PipelineDetails';

const FAST = { pollIntervalMs: 50, resubscribeAfterMs: 60_000 };
const REPOSITORY = { workspace: 'acme', repository: 'web-app' };

function step(id: string, name: string, status: string, fields: Record<string, unknown> = {}) {
  return {
    id,
    name,
    status,
    isTerminal: !['PENDING', 'READY', 'IN_PROGRESS', 'PAUSED'].includes(status),
    state: { name: status === 'IN_PROGRESS' ? 'IN_PROGRESS' : 'COMPLETED' },
    durationSeconds: 65,
    testReport: null,
    testCases: { nodes: [], edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false } },
    log: { range: () => null },
    ...fields,
  };
}

async function renderDetails(gateway: SchemaGateway) {
  return renderInTestApp(
    <TestApiProvider apis={[[pipelinesGatewayApiRef, gateway]]}>
      <PipelineDetails repository={REPOSITORY} buildNumber={4} live={FAST} />
    </TestApiProvider>,
  );
}

describe('A pipeline’s details', () => {
  it('show its steps with status and duration, and its failed tests with their reasons', async () => {
    const testCase = {
      id: 'VGVzdENhc2U-1',
      name: 'rejects an expired card',
      fullyQualifiedName: 'CheckoutTest.rejects an expired card',
      status: 'FAILED',
      durationSeconds: 0.4,
      reasons: [{ message: 'expected 402 but was 500', stackTrace: 'at CheckoutTest.java:42' }],
    };
    const gateway = new SchemaGateway({
      pipeline: () =>
        pipeline(4, {
          status: 'FAILED',
          steps: [
            step('U3RlcC0x', 'Install and lint', 'SUCCESSFUL'),
            step('U3RlcC0y', 'Unit tests', 'FAILED', {
              testReport: { total: 6, successful: 5, failed: 1, errored: 0, skipped: 0 },
              testCases: {
                totalCount: 1,
                nodes: [testCase],
                edges: [{ cursor: 'c', node: testCase }],
                pageInfo: { hasNextPage: false, hasPreviousPage: false },
              },
            }),
            step('U3RlcC0z', 'Build', 'NOT_RUN', { durationSeconds: null }),
          ],
        }),
    });
    await renderDetails(gateway);
    const steps = await screen.findByRole('table', { name: 'Steps' });
    expect(within(steps).getByText('Install and lint')).toBeInTheDocument();
    expect(within(steps).getAllByText('1m 05s')).toHaveLength(2);
    expect(within(steps).getByText('5/6 passed, 1 failed')).toBeInTheDocument();
    expect(within(steps).getByText('Not run')).toBeInTheDocument();
    const failed = screen.getByTestId('failed-test');
    expect(failed).toHaveTextContent('CheckoutTest.rejects an expired card (Unit tests, failed)');
    expect(failed).toHaveTextContent('expected 402 but was 500');
    expect(failed).toHaveTextContent('at CheckoutTest.java:42');
    // The failed step's log is the one shown first.
    expect(screen.getByText('Log of Unit tests')).toBeInTheDocument();
  });

  it('follow a running step’s log as chunks come, colours kept', async () => {
    const gateway = new SchemaGateway({
      pipeline: () => pipeline(4, { status: 'RUNNING', steps: [step('U3RlcC0x', 'Unit tests', 'IN_PROGRESS')] }),
    });
    await renderDetails(gateway);
    await screen.findByText('Log of Unit tests');
    await waitFor(() => expect(gateway.subscribed('StepLogAppended')).toBe(true));
    const chunk = (offset: number, text: string) => ({
      stepLogAppended: {
        stepId: 'U3RlcC0x',
        offset,
        length: text.length,
        endOffset: offset + text.length,
        text,
        gap: false,
        droppedBytes: 0,
        complete: false,
      },
    });
    await gateway.emit('StepLogAppended', chunk(0, '+ npm test\n'));
    await gateway.emit('StepLogAppended', chunk(11, '\u001b[31mFAIL\u001b[39m checkout.test.ts\n'));
    const log = screen.getByTestId('step-log');
    await waitFor(() => expect(log).toHaveTextContent('+ npm test'));
    await waitFor(() => expect(log).toHaveTextContent('FAIL checkout.test.ts'));
    expect(log.innerHTML).not.toContain('\u001b[31m');
  });

  it('show the step log read from the last offset while the subscription is down', async () => {
    let size = 0;
    const text = '+ make build\nok\n';
    const gateway = new SchemaGateway({
      pipeline: () => pipeline(4, { status: 'RUNNING', steps: [step('U3RlcC0x', 'Build', 'IN_PROGRESS')] }),
      node: () =>
        step('U3RlcC0x', 'Build', 'IN_PROGRESS', {
          __typename: 'Step',
          log: {
            range: ({ offset }: { offset: number }) => {
              size = Math.min(text.length, size + 6);
              const part = text.slice(offset, size);
              return { offset, length: part.length, endOffset: offset + part.length, totalSize: size, hasMore: false, text: part };
            },
          },
        }),
    });
    gateway.failLive();
    await renderDetails(gateway);
    await waitFor(() => expect(screen.getByTestId('step-log')).toHaveTextContent('+ make build'));
    await waitFor(() => expect(screen.getByTestId('step-log')).toHaveTextContent('ok'));
    expect(gateway.callsOf('StepLog').map(call => call.variables.offset)).toContain(6);
  });

  it('show a refusal as the gateway words it', async () => {
    await renderDetails(new SchemaGateway({ pipeline: failing('NOT_FOUND', 'No pipeline 4 in acme/web-app.') }));
    expect(await screen.findByText('Error: NOT_FOUND')).toBeInTheDocument();
    expect(screen.getByText('No pipeline 4 in acme/web-app.')).toBeInTheDocument();
  });

  it('let the reader choose another step’s log', async () => {
    const gateway = new SchemaGateway({
      pipeline: () =>
        pipeline(4, { steps: [step('U3RlcC0x', 'Lint', 'SUCCESSFUL'), step('U3RlcC0y', 'Deploy', 'SUCCESSFUL')] }),
    });
    await renderDetails(gateway);
    expect(await screen.findByText('Log of Deploy')).toBeInTheDocument();
    fireEvent.click(within(screen.getByText('Lint').closest('tr')!).getByRole('button', { name: 'Log' }));
    expect(await screen.findByText('Log of Lint')).toBeInTheDocument();
  });
});
