/** One error as the gateway words it: `extensions.code` and the message, which says what to do. */
export type GatewayErrorEntry = {
  code: string;
  message: string;
  /** Seconds to wait, for `RATE_LIMITED`. */
  retryAfter?: number;
};

/**
 * Why an operation failed, kept in the gateway's own words so the page can show them unchanged (the first error
 * leads; every one is kept). Errors that do not come from the gateway (the proxy refused, the network failed) get
 * a code of their own: `HTTP_<status>` or `NETWORK`.
 */
export class GatewayError extends Error {
  readonly code: string;
  readonly retryAfter?: number;
  readonly errors: readonly GatewayErrorEntry[];

  constructor(errors: readonly GatewayErrorEntry[]) {
    super(errors[0]?.message ?? 'The gateway answered with an error.');
    this.name = 'GatewayError';
    this.errors = errors;
    this.code = errors[0]?.code ?? 'UNKNOWN';
    this.retryAfter = errors[0]?.retryAfter;
  }
}

type RawError = { message?: unknown; path?: unknown; extensions?: { code?: unknown; retryAfter?: unknown } };

/** A GraphQL answer's errors in the gateway's words. */
export function entriesOf(errors: readonly RawError[]): GatewayErrorEntry[] {
  return errors.map(error => ({
    code: typeof error.extensions?.code === 'string' ? error.extensions.code : 'UNKNOWN',
    message: typeof error.message === 'string' ? error.message : 'No message.',
    retryAfter: typeof error.extensions?.retryAfter === 'number' ? error.extensions.retryAfter : undefined,
  }));
}

/**
 * The data of a GraphQL answer, or the error that stands in for it: an answer whose errors reach a root field (or
 * have no path) failed as a whole; errors deeper down leave the rest of the answer standing, as the gateway means.
 */
export function readAnswer<T>(answer: { data?: T | null; errors?: readonly RawError[] }): T {
  const errors = answer.errors ?? [];
  const failed = errors.filter(error => !Array.isArray(error.path) || error.path.length <= 1);
  if (answer.data == null || failed.length > 0) {
    throw new GatewayError(entriesOf(failed.length > 0 ? failed : errors));
  }
  return answer.data;
}
