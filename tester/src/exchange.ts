// One HTTP request and its response as a report shows them (secrets already masked).
export interface Exchange {
  request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: unknown;
  };
  response?: {
    status: number;
    headers: Record<string, string>;
    /** Parsed JSON, or the raw text when the body is not JSON. */
    body?: unknown;
  };
  /** Transport failure (refused, timed out, TLS), when there was no response. */
  error?: string;
  ms: number;
}
