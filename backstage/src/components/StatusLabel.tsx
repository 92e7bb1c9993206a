import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import type { PipelineStatus, StepStatus } from '../gql/graphql';
import { humanize } from './format';

const ICONS: Record<PipelineStatus | StepStatus, typeof StatusOK> = {
  SUCCESSFUL: StatusOK,
  FAILED: StatusError,
  ERROR: StatusError,
  RUNNING: StatusRunning,
  IN_PROGRESS: StatusRunning,
  PENDING: StatusPending,
  READY: StatusPending,
  PAUSED: StatusWarning,
  HALTED: StatusWarning,
  STOPPED: StatusAborted,
  EXPIRED: StatusAborted,
  NOT_RUN: StatusAborted,
  UNKNOWN: StatusPending,
};

/** A pipeline's or a step's status with Backstage's status icon, so it reads like every other CI plugin's. */
export function StatusLabel(props: { status: PipelineStatus | StepStatus }) {
  const Icon = ICONS[props.status];
  return <Icon>{humanize(props.status)}</Icon>;
}
