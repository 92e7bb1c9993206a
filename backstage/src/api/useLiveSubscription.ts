import { useApi } from '@backstage/core-plugin-api';
import { useEffect, useRef, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { pipelinesGatewayApiRef } from './PipelinesGatewayApi';

/** How a view learns of changes: pushed by a subscription, or asked for again every few seconds. */
export type LiveMode = 'connecting' | 'live' | 'polling';

/** How often a view polls while its subscription is down, and when it tries the subscription again. */
export type LiveOptions = Readonly<{ pollIntervalMs: number; resubscribeAfterMs: number }>;

/** Whether the gateway ends the subscription once all is told (a step's log, a pipeline's steps) or never does. */
export type Ending = 'ends-when-done' | 'never-ends';

/** The defaults of {@link LiveOptions}. */
export const DEFAULT_LIVE_OPTIONS: LiveOptions = { pollIntervalMs: 10_000, resubscribeAfterMs: 30_000 };

/**
 * Follows a subscription while it stands and calls `poll` every `pollIntervalMs` while it does not (the transport
 * failed, the proxy refused it, the gateway ended one that never ends by itself), trying the subscription again after
 * `resubscribeAfterMs`. No variables: nothing to follow. Returns the mode, for the page's live/polling indicator.
 */
export function useLiveSubscription<R, V>(
  document: TypedDocumentString<R, V>,
  variables: V | undefined,
  onEvent: (data: R) => void,
  poll: () => void,
  options: LiveOptions = DEFAULT_LIVE_OPTIONS,
  ending: Ending = 'never-ends',
): LiveMode {
  const api = useApi(pipelinesGatewayApiRef);
  const [mode, setMode] = useState<LiveMode>('connecting');
  const [attempt, setAttempt] = useState(0);
  const handlers = useRef({ onEvent, poll });
  handlers.current = { onEvent, poll };
  const key = variables === undefined ? undefined : JSON.stringify(variables);

  useEffect(() => {
    if (key === undefined) {
      return undefined;
    }
    let stopped = false;
    let timers: ReturnType<typeof setTimeout>[] = [];
    const fallBack = () => {
      if (stopped) {
        return;
      }
      stopped = true;
      setMode('polling');
      timers = [
        setInterval(() => handlers.current.poll(), options.pollIntervalMs),
        setTimeout(() => setAttempt(a => a + 1), options.resubscribeAfterMs),
      ];
    };
    setMode('connecting');
    const unsubscribe = api.subscribe(document, JSON.parse(key) as V, {
      connected: () => {
        if (!stopped) {
          setMode('live');
          // What changed while connecting (or while polling) is read once.
          if (attempt > 0) {
            handlers.current.poll();
          }
        }
      },
      next: data => handlers.current.onEvent(data),
      error: fallBack,
      complete: ending === 'never-ends' ? fallBack : () => undefined,
    });
    return () => {
      stopped = true;
      unsubscribe();
      timers.forEach(timer => clearInterval(timer));
    };
  }, [api, document, key, attempt, options.pollIntervalMs, options.resubscribeAfterMs, ending]);

  return mode;
}
