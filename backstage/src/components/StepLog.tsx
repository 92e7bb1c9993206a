import { LogViewer } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useCallback, useRef, useState } from 'react';
import { StepLogAppendedSubscription, StepLogQuery } from '../api/documents';
import { pipelinesGatewayApiRef } from '../api/PipelinesGatewayApi';
import { DEFAULT_LIVE_OPTIONS, type LiveOptions, useLiveSubscription } from '../api/useLiveSubscription';
import { LiveIndicator } from './LiveIndicator';

/**
 * A step's log in Backstage's LogViewer (ANSI colours kept), following it while the step runs: chunks from the
 * gateway's `stepLogAppended`, or, while that is down, the log read from the last offset every few seconds.
 */
export function StepLog(props: { stepId: string; live?: LiveOptions }) {
  const api = useApi(pipelinesGatewayApiRef);
  const [text, setText] = useState('');
  const [note, setNote] = useState<string | undefined>();
  const offset = useRef(0);

  const append = useCallback((from: number, to: number, chunk: string) => {
    if (to <= offset.current) {
      return; // Told already (a subscription started again from the beginning).
    }
    const fresh = from < offset.current ? chunk.slice(offset.current - from) : chunk;
    offset.current = to;
    setText(previous => previous + fresh);
  }, []);

  const mode = useLiveSubscription(
    StepLogAppendedSubscription,
    { step: props.stepId, fromOffset: 0 },
    data => {
      const chunk = data.stepLogAppended;
      if (chunk.gap) {
        setNote(`${chunk.droppedBytes} bytes of the log were skipped to keep up.`);
        offset.current = chunk.endOffset;
      } else {
        append(chunk.offset, chunk.endOffset, chunk.text);
      }
    },
    () => {
      const from = offset.current;
      api.request(StepLogQuery, { step: props.stepId, offset: from }).then(data => {
        const range = data.node?.__typename === 'Step' ? data.node.log.range : undefined;
        if (range) {
          append(from, range.endOffset, range.text);
        }
      }, () => undefined);
    },
    props.live ?? DEFAULT_LIVE_OPTIONS,
    'ends-when-done',
  );

  return (
    <div>
      <LiveIndicator mode={mode} />
      {note && <div>{note}</div>}
      <div style={{ height: 360, marginTop: 8 }} data-testid="step-log">
        <LogViewer text={text} />
      </div>
    </div>
  );
}
