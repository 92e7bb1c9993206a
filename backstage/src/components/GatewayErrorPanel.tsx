import { WarningPanel } from '@backstage/core-components';
import { GatewayError } from '../api/GatewayError';

/** The title of an error in the gateway's words: its code, and for RATE_LIMITED when to try again. */
export function errorTitle(error: Error): string {
  if (!(error instanceof GatewayError)) {
    return error.message;
  }
  const retry = error.retryAfter !== undefined ? ` (retry in ${error.retryAfter} s)` : '';
  return `${error.code}${retry}`;
}

/** An error as the gateway worded it: `extensions.code` as the title, every message below. */
export function GatewayErrorPanel(props: { error: Error }) {
  const messages = props.error instanceof GatewayError ? props.error.errors.map(e => e.message) : [props.error.message];
  return (
    <WarningPanel severity="error" title={errorTitle(props.error)} defaultExpanded>
      {messages.map((message, index) => (
        <div key={index}>{message}</div>
      ))}
    </WarningPanel>
  );
}
