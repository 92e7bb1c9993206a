import { useApi } from '@backstage/core-plugin-api';
import { useEffect, useState } from 'react';
import { GatewayError } from '../api/GatewayError';
import { StopPipelineMutation } from '../api/documents';
import { pipelinesGatewayApiRef } from '../api/PipelinesGatewayApi';

/**
 * Whether the gateway lets this caller change a repository's pipelines. The schema has no field for it, so it is
 * asked the way the gateway decides it: `stopPipeline` of a pipeline that has completed already. A caller without
 * write is refused FORBIDDEN (by its grants in service mode, by Bitbucket in pass-through mode); one with write gets
 * Bitbucket's refusal to stop a finished pipeline in `userErrors`, and nothing changes. Unknown (no completed
 * pipeline to ask with, or another error) counts as no write: the buttons stay hidden.
 */
export function useWriteAccess(completedPipelineId: string | undefined): boolean {
  const api = useApi(pipelinesGatewayApiRef);
  const [granted, setGranted] = useState(false);
  const [asked, setAsked] = useState(false);

  useEffect(() => {
    if (asked || completedPipelineId === undefined) {
      return;
    }
    setAsked(true);
    api.request(StopPipelineMutation, { id: completedPipelineId }).then(
      () => setGranted(true),
      error => setGranted(!(error instanceof GatewayError) ? false : WRITE_GRANTED_CODES.has(error.code)),
    );
  }, [api, asked, completedPipelineId]);

  return granted;
}

/** Refusals that still show the caller may write: the pipeline itself could not be stopped. */
const WRITE_GRANTED_CODES = new Set(['NOT_FOUND', 'BAD_USER_INPUT']);
