// One cell of the HTTP suite: autocannon against one target for a fixed duration; requests/s and p50/p99 latency.
import autocannon from 'autocannon';

const HEADERS = { authorization: 'Bearer bench-token', 'content-type': 'application/scim+json' };

/** Loads `url` with the workload's requests; throws when any request failed (a benchmark of errors measures nothing). */
export async function load(url, workload, { connections, pipelining, seconds, amount }) {
  const result = await autocannon({
    url,
    // A backend called directly takes its own credentials (`workload.headers`).
    headers: { ...HEADERS, ...workload.headers, 'x-bench': workload.id },
    connections,
    pipelining,
    // The smoke run sends a fixed number of requests: quicker than autocannon's shortest duration.
    ...(amount === undefined ? { duration: seconds } : { amount }),
    // autocannon ends a run at its next sample: with its default of one a second, a run of 0.8 s
    // lasted 1 s and a warm-up of 0.4 s too. Samples every 100 ms end a run within 0.1 s of its
    // duration (the rate divides by the duration autocannon measured either way).
    sampleInt: 100,
    requests: [
      {
        setupRequest: (request, context) => {
          const { method, path, body } = workload.request(context);
          return { ...request, method, path, body: body === undefined ? undefined : JSON.stringify(body) };
        },
      },
    ],
  });
  // A request still in flight when the duration ends is cut off (an error, at most one per pipelined slot).
  // Non-2xx answers are counted in the row (the table marks it) rather than ending a ten-minute run.
  const cutOff = connections * pipelining;
  if (result.timeouts > 0 || result.errors > cutOff) {
    const codes = JSON.stringify(result.statusCodeStats);
    const seen = `${result.non2xx} non-2xx ${codes}, ${result.timeouts} timeouts, ${result.errors} errors of ${result.requests.total}`;
    throw new Error(`${workload.label} at ${url}: ${seen}`);
  }
  return {
    non2xx: result.non2xx,
    statusCodes: result.statusCodeStats,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

/** Sends `request` and waits for its answer (a write that queues behind the cell's last writes). */
export async function drain(url, { method, path, body }) {
  const response = await fetch(url + path, { method, headers: HEADERS, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`drain ${method} ${path} answered ${response.status}`);
  await response.arrayBuffer();
}

/** The status and JSON our server answers to the workload's first request, for the bare route to answer. */
export async function sample(url, workload) {
  const { method, path, body } = workload.request({});
  const response = await fetch(url + path, {
    method,
    headers: HEADERS,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(
      `${workload.label}: sample request answered ${response.status}: ${await response.text()}`,
    );
  return { status: response.status, body: response.status === 204 ? undefined : await response.json() };
}
