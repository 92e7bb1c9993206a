import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import type { LiveMode } from '../api/useLiveSubscription';

const TEXT: Record<LiveMode, { label: string; hint: string }> = {
  live: { label: 'Live', hint: "Statuses are pushed by the gateway's subscription (Server-Sent Events)." },
  polling: { label: 'Polling', hint: 'The live connection is down: the list is read again every few seconds.' },
  connecting: { label: 'Connecting', hint: 'Opening the live connection to the gateway.' },
};

/** Says how the list stays current: pushed live, or polled while the subscription is down. */
export function LiveIndicator(props: { mode: LiveMode }) {
  const { label, hint } = TEXT[props.mode];
  return (
    <Tooltip title={hint}>
      <Chip
        size="small"
        label={label}
        data-testid="live-indicator"
        color={props.mode === 'live' ? 'primary' : 'default'}
        variant={props.mode === 'live' ? 'default' : 'outlined'}
      />
    </Tooltip>
  );
}
