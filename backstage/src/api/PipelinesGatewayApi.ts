import { createApiRef } from '@backstage/core-plugin-api';
import type { TypedDocumentString } from '../gql/graphql';

/** What a live subscription tells its caller. */
export type SubscriptionObserver<R> = {
  /** The gateway accepted the stream: events follow as they happen. */
  connected(): void;
  next(data: R): void;
  /** The subscription failed: a `GatewayError` in the gateway's words, or the transport's error. */
  error(error: Error): void;
  /** The gateway ended the stream. */
  complete(): void;
};

/**
 * The gateway's GraphQL API as the plugin's components use it: typed documents in, typed data out. The browser's
 * calls go through Backstage's proxy, which adds the gateway's API key; the plugin never holds one.
 */
export interface PipelinesGatewayApi {
  /** Runs a query or mutation; rejects with a `GatewayError` when the gateway refused it. */
  request<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R>;
  /** Starts a subscription; the function returned ends it. */
  subscribe<R, V>(document: TypedDocumentString<R, V>, variables: V, observer: SubscriptionObserver<R>): () => void;
}

/** The API's reference, for `useApi` and for apps that register their own implementation. */
export const pipelinesGatewayApiRef = createApiRef<PipelinesGatewayApi>({
  id: 'plugin.pipelines-gateway.service',
});
