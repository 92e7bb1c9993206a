import { execute, graphql, parse, buildSchema, type GraphQLSchema } from 'graphql';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { readAnswer } from '../api/GatewayError';
import type { PipelinesGatewayApi, SubscriptionObserver } from '../api/PipelinesGatewayApi';
import type { TypedDocumentString } from '../gql/graphql';

const SCHEMA_DIR = join(__dirname, '..', '..', '..', 'schema');

/** The gateway's schema, from the same files the gateway serves. */
export const gatewaySchema: GraphQLSchema = buildSchema(
  readdirSync(SCHEMA_DIR)
    .filter(file => file.endsWith('.graphqls'))
    .sort()
    .map(file => readFileSync(join(SCHEMA_DIR, file), 'utf8'))
    .join('\n'),
);

type Call = { operation: string; variables: Record<string, unknown> };

/**
 * A stand-in for the gateway that answers the plugin's own documents by executing them against the real schema,
 * with `root` resolving the root fields: answers (and errors) are shaped as the gateway's, and a fixture that does
 * not fit the schema fails the test. Subscriptions are connected at once (or fail, with `failLive`), and `emit`
 * pushes an event through the schema too.
 */
export class SchemaGateway implements PipelinesGatewayApi {
  readonly calls: Call[] = [];
  private readonly subscribers: {
    operation: string;
    source: string;
    variables: Record<string, unknown>;
    observer: SubscriptionObserver<unknown>;
  }[] = [];
  private liveError?: Error;

  constructor(private readonly root: Record<string, unknown>) {}

  /** Makes every later subscription fail as a broken transport would. */
  failLive(error: Error = new Error('The live connection failed: network')): void {
    this.liveError = error;
  }

  async request<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R> {
    this.calls.push({ operation: nameOf(document.toString()), variables: variables as Record<string, unknown> });
    const answer = await graphql({
      schema: gatewaySchema,
      source: document.toString(),
      rootValue: this.root,
      variableValues: variables as Record<string, unknown>,
    });
    return readAnswer(JSON.parse(JSON.stringify(answer)));
  }

  subscribe<R, V>(document: TypedDocumentString<R, V>, variables: V, observer: SubscriptionObserver<R>): () => void {
    const operation = nameOf(document.toString());
    this.calls.push({ operation, variables: variables as Record<string, unknown> });
    const entry = {
      operation,
      source: document.toString(),
      variables: variables as Record<string, unknown>,
      observer: observer as SubscriptionObserver<unknown>,
    };
    const failure = this.liveError;
    setTimeout(() => {
      if (failure) {
        observer.error(failure);
      } else {
        this.subscribers.push(entry);
        observer.connected();
      }
    }, 0);
    return () => {
      const index = this.subscribers.indexOf(entry);
      if (index >= 0) {
        this.subscribers.splice(index, 1);
      }
    };
  }

  /** Sends `event` (the subscription field's value) to every subscriber of `operation`, as the gateway would. */
  async emit(operation: string, event: Record<string, unknown>): Promise<void> {
    for (const subscriber of this.subscribers.filter(s => s.operation === operation)) {
      const answer = await execute({
        schema: gatewaySchema,
        document: parse(subscriber.source),
        rootValue: event,
        variableValues: subscriber.variables,
      });
      subscriber.observer.next(readAnswer(JSON.parse(JSON.stringify(answer))));
    }
  }

  /** Ends every subscription of `operation`, as the gateway does when all is told. */
  complete(operation: string): void {
    this.subscribers.filter(s => s.operation === operation).forEach(s => s.observer.complete());
  }

  /** Whether a subscription of `operation` is open. */
  subscribed(operation: string): boolean {
    return this.subscribers.some(s => s.operation === operation);
  }

  callsOf(operation: string): Call[] {
    return this.calls.filter(call => call.operation === operation);
  }
}

function nameOf(source: string): string {
  return /(?:query|mutation|subscription)\s+(\w+)/.exec(source)?.[1] ?? 'anonymous';
}
