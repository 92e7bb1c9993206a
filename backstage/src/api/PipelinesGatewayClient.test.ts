/** @jest-environment node */
import { RepositoryPipelinesQuery, PipelineStatusChangedSubscription } from './documents';
import { GatewayError } from './GatewayError';
import { PipelinesGatewayClient } from './PipelinesGatewayClient';

type Sent = { url: string; init: RequestInit };

function clientAnswering(answer: (sent: Sent) => Response) {
  const sent: Sent[] = [];
  const client = new PipelinesGatewayClient({
    discoveryApi: { getBaseUrl: async (plugin: string) => `http://backstage.example/api/${plugin}` },
    fetchApi: {
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        const call = { url: String(input), init: init ?? {} };
        sent.push(call);
        return answer(call);
      },
    },
  });
  return { client, sent };
}

const VARIABLES = { workspace: 'acme', repository: 'web-app', first: 10 };

describe('The gateway client', () => {
  it("posts the document to Backstage's proxy endpoint and sends no credential of its own", async () => {
    const { client, sent } = clientAnswering(
      () => new Response(JSON.stringify({ data: { repository: null } }), { headers: { 'content-type': 'application/json' } }),
    );
    await expect(client.request(RepositoryPipelinesQuery, VARIABLES)).resolves.toEqual({ repository: null });
    expect(sent[0].url).toBe('http://backstage.example/api/proxy/pipelines-gateway/graphql');
    const headers = sent[0].init.headers as Record<string, string>;
    expect(Object.keys(headers).map(h => h.toLowerCase()).sort()).toEqual(['accept', 'content-type']);
    expect(JSON.parse(String(sent[0].init.body))).toEqual({
      query: RepositoryPipelinesQuery.toString(),
      variables: VARIABLES,
    });
  });

  it("rejects with the gateway's code, message and retry time", async () => {
    const { client } = clientAnswering(
      () =>
        new Response(
          JSON.stringify({
            errors: [{ message: 'Too many operations.', path: ['repository'], extensions: { code: 'RATE_LIMITED', retryAfter: 17 } }],
            data: { repository: null },
          }),
        ),
    );
    const error: GatewayError = await client.request(RepositoryPipelinesQuery, VARIABLES).catch(e => e);
    expect(error).toBeInstanceOf(GatewayError);
    expect([error.code, error.message, error.retryAfter]).toEqual(['RATE_LIMITED', 'Too many operations.', 17]);
  });

  it('keeps the data when only a nested field failed, as the gateway means it', async () => {
    const data = { repository: { id: 'r', fullName: 'acme/web-app', mainBranch: null, webUrl: null, pipelines: null } };
    const { client } = clientAnswering(
      () =>
        new Response(
          JSON.stringify({
            data,
            errors: [{ message: 'Bitbucket sent no value.', path: ['repository', 'mainBranch'], extensions: { code: 'UPSTREAM_INCOMPLETE' } }],
          }),
        ),
    );
    await expect(client.request(RepositoryPipelinesQuery, VARIABLES)).resolves.toEqual(data);
  });

  it("names a proxy's refusal that is not GraphQL by its HTTP status", async () => {
    const { client } = clientAnswering(() => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const error: GatewayError = await client.request(RepositoryPipelinesQuery, VARIABLES).catch(e => e);
    expect([error.code, error.message]).toEqual(['HTTP_502', 'The proxy answered 502 Bad Gateway.']);
  });

  it('subscribes over Server-Sent Events through the proxy and hands on each event', async () => {
    const event = {
      data: { pipelineStatusChanged: { status: 'SUCCESSFUL', previousStatus: 'RUNNING', pipeline: { id: 'p' } } },
    };
    const { client, sent } = clientAnswering(
      () =>
        new Response(`event: next\ndata: ${JSON.stringify(event)}\n\nevent: complete\ndata:\n\n`, {
          headers: { 'content-type': 'text/event-stream' },
        }),
    );
    const seen: string[] = [];
    await new Promise<void>(resolve =>
      client.subscribe(PipelineStatusChangedSubscription, { workspace: 'acme', repository: 'web-app' }, {
        connected: () => seen.push('connected'),
        next: data => seen.push(data.pipelineStatusChanged.status),
        error: error => {
          seen.push(`error ${error.message}`);
          resolve();
        },
        complete: () => resolve(),
      }),
    );
    expect(seen).toEqual(['connected', 'SUCCESSFUL']);
    expect(sent[0].url).toBe('http://backstage.example/api/proxy/pipelines-gateway/graphql');
    expect(new Headers(sent[0].init.headers).get('accept')).toContain('text/event-stream');
  });

  it("ends a subscription the gateway refused with the gateway's words", async () => {
    const refusal = { errors: [{ message: "API key 'backstage' may not read workspace 'acme'.", extensions: { code: 'FORBIDDEN' } }] };
    const { client } = clientAnswering(
      () =>
        new Response(`event: next\ndata: ${JSON.stringify(refusal)}\n\nevent: complete\ndata:\n\n`, {
          headers: { 'content-type': 'text/event-stream' },
        }),
    );
    const error = await new Promise<Error>(resolve =>
      client.subscribe(PipelineStatusChangedSubscription, { workspace: 'acme', repository: 'web-app' }, {
        connected: () => undefined,
        next: () => undefined,
        error: resolve,
        complete: () => resolve(new Error('completed without an error')),
      }),
    );
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).code).toBe('FORBIDDEN');
  });
});
