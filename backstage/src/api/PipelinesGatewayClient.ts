import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { createClient } from 'graphql-sse';
import type { TypedDocumentString } from '../gql/graphql';
import { GatewayError, readAnswer } from './GatewayError';
import type { PipelinesGatewayApi, SubscriptionObserver } from './PipelinesGatewayApi';

/** The proxy endpoint's path under Backstage's proxy plugin (`proxy.endpoints['/pipelines-gateway']`). */
export const PROXY_PATH = '/pipelines-gateway/graphql';

/**
 * Calls the gateway through Backstage's proxy (`/api/proxy/pipelines-gateway/graphql`) with Backstage's `fetchApi`,
 * which adds the signed-in user's Backstage token; the proxy checks it and adds the gateway's API key instead.
 * Subscriptions use Server-Sent Events (`POST` with `Accept: text/event-stream`, graphql-sse's distinct-connections
 * mode): plain HTTP that Backstage's proxy streams through, where a WebSocket upgrade would need more of it.
 */
export class PipelinesGatewayClient implements PipelinesGatewayApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async request<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R> {
    let response: Response;
    try {
      response = await this.fetchApi.fetch(await this.url(), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ query: document.toString(), variables }),
      });
    } catch (error) {
      throw new GatewayError([{ code: 'NETWORK', message: `The gateway could not be reached: ${String(error)}` }]);
    }
    let answer: { data?: R | null; errors?: [] };
    try {
      answer = await response.json();
    } catch {
      throw new GatewayError([
        { code: `HTTP_${response.status}`, message: `The proxy answered ${response.status} ${response.statusText}.` },
      ]);
    }
    return readAnswer(answer);
  }

  subscribe<R, V>(document: TypedDocumentString<R, V>, variables: V, observer: SubscriptionObserver<R>): () => void {
    let ended = false;
    let dispose: () => void = () => {};
    this.url().then(url => {
      if (ended) {
        return;
      }
      const client = createClient({
        url,
        fetchFn: async (input: RequestInfo | URL, init?: RequestInit) => {
          const response = await this.fetchApi.fetch(input, init);
          if (response.ok && response.headers.get('content-type')?.includes('text/event-stream')) {
            observer.connected();
          }
          return response;
        },
        // No retries of its own: a failed subscription falls back to polling (see useLiveStatus).
        retryAttempts: 0,
      });
      const unsubscribe = client.subscribe<R>(
        { query: document.toString(), variables: variables as Record<string, unknown> },
        {
          next: answer => {
            try {
              observer.next(readAnswer(answer as { data?: R | null; errors?: [] }));
            } catch (error) {
              observer.error(error as Error);
            }
          },
          error: error => observer.error(asError(error)),
          complete: () => observer.complete(),
        },
      );
      dispose = () => {
        unsubscribe();
        client.dispose();
      };
    }, error => observer.error(asError(error)));
    return () => {
      ended = true;
      dispose();
    };
  }

  private async url(): Promise<string> {
    return `${await this.discoveryApi.getBaseUrl('proxy')}${PROXY_PATH}`;
  }
}

function asError(error: unknown): Error {
  if (error instanceof Error) {
    return error;
  }
  if (Array.isArray(error)) {
    // graphql-sse passes a subscription's GraphQL errors as an array.
    return new GatewayError(
      error.map(e => ({ code: e?.extensions?.code ?? 'UNKNOWN', message: e?.message ?? 'No message.' })),
    );
  }
  return new GatewayError([{ code: 'NETWORK', message: `The live connection failed: ${String(error)}` }]);
}
