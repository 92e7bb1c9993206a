import { useApi } from '@backstage/core-plugin-api';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { pipelinesGatewayApiRef } from './PipelinesGatewayApi';

/** A query's state: its data once answered, its error, and whether an answer is awaited. */
export type QueryState<R> = {
  data?: R;
  error?: Error;
  loading: boolean;
  /** Asks again; the data shown stays until the new answer comes. */
  refetch(): void;
  /** Replaces the data by hand, for live events that change it. */
  update(change: (data: R) => R): void;
};

/** Runs a query when its variables change (compared as JSON), and keeps the latest answer. */
export function useGatewayQuery<R, V>(document: TypedDocumentString<R, V>, variables: V): QueryState<R> {
  const api = useApi(pipelinesGatewayApiRef);
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ data?: R; error?: Error; loading: boolean; key: string }>({
    loading: true,
    key,
  });
  const [round, setRound] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const call = ++latest.current;
    // Data of other variables is not shown while the new answer is awaited; a refetch keeps its own.
    setState(previous => (previous.key === key ? { ...previous, loading: true } : { loading: true, key }));
    api.request(document, JSON.parse(key) as V).then(
      data => call === latest.current && setState({ data, loading: false, key }),
      error => call === latest.current && setState(previous => ({ ...previous, error, loading: false })),
    );
  }, [api, document, key, round]);

  const refetch = useCallback(() => setRound(r => r + 1), []);
  const update = useCallback(
    (change: (data: R) => R) =>
      setState(previous => (previous.data ? { ...previous, data: change(previous.data) } : previous)),
    [],
  );
  return { data: state.data, error: state.error, loading: state.loading, refetch, update };
}
