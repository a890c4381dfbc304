// Reads a CPU profile: self time per function, and per layer of the stack (generated code, SDK, fastify, database client, …).

/** A function's name and the last parts of its file: `resolve dist/protocol/resource-schema.js:52`. */
function label(functionName, url, lineNumber) {
  return `${functionName || '(anonymous)'} ${url.split('/').slice(-3).join('/')}:${lineNumber + 1}`;
}

/**
 * The functions that took the most time in the profile's last `window` µs (the load), idle left
 * out, as shares: by self time, and inclusive of their callees (a function counted once per sample,
 * however often it is on the stack).
 */
export function topTimes(profile, window = Infinity, count = 30) {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const nameOf = (nodeId) => {
    const { functionName, url, lineNumber } = byNode.get(nodeId).callFrame;
    return label(functionName, url, lineNumber);
  };
  const self = new Map();
  const inclusive = new Map();
  let all = 0;
  let time = profile.startTime;
  profile.samples.forEach((nodeId, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    time += delta;
    if (time < profile.endTime - window || byNode.get(nodeId).callFrame.functionName === '(idle)') return;
    all += delta;
    self.set(nameOf(nodeId), (self.get(nameOf(nodeId)) ?? 0) + delta);
    const onStack = new Set();
    for (let id = nodeId; id !== undefined; id = parents.get(id)) onStack.add(nameOf(id));
    for (const name of onStack) inclusive.set(name, (inclusive.get(name) ?? 0) + delta);
  });
  const top = (totals) =>
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([key, total]) => [key, total / all]);
  return { self: top(self), inclusive: top(inclusive) };
}

/** Node modules by the layer they belong to; the first match wins. */
const PACKAGES = [
  [
    'fastify',
    /\/node_modules\/(fastify|@fastify\/[^/]+|find-my-way|avvio|light-my-request|fast-json-stringify|fast-querystring|secure-json-parse|toad-cache)\//,
  ],
  ['logging', /\/node_modules\/(pino|pino-std-serializers|sonic-boom|thread-stream|fast-redact)\//],
  ['database client', /\/node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-[^/]+|kysely)\//],
  ['http client', /\/node_modules\/(openapi-fetch|undici)\/|^node:internal\/deps\/undici\//],
];

/**
 * The layer a function's file belongs to: `generated` (the generated project's own src/**), the SDK's
 * `sql` and `app` runtimes (SQL building, the app client's helpers), the rest of the SDK, the packages
 * above, socket reads and writes, the rest of Node, the garbage collector, or other.
 */
export function layerOf(url, functionName, generatedRoot) {
  if (generatedRoot !== undefined && url.includes(generatedRoot)) return 'generated';
  const sdk = /\/sdk\/(dist|src)\/([^/]+)\//.exec(url);
  if (sdk !== null) return sdk[2] === 'sql' || sdk[2] === 'app' ? `sdk ${sdk[2]}` : 'sdk';
  for (const [layer, pattern] of PACKAGES) if (pattern.test(url)) return layer;
  // Writes to loopback sockets: the kernel runs the receiver's side of TCP within the sender's call.
  if (url === 'node:internal/stream_base_commons') return 'socket I/O';
  if (url.startsWith('node:')) return 'node';
  if (functionName === '(garbage collector)') return 'gc';
  if (url.includes('/node_modules/')) return 'other packages';
  return 'other';
}

/**
 * Each layer's share of the profile's busy (non-idle) self time, largest first, and the top functions.
 * A native function (no file: writev, JSON.stringify) counts in the layer of the nearest caller that has
 * a file, and is named with it; the profiler's own calls (through node:inspector) are left out.
 */
export function cpuShares(profile, generatedRoot, count = 5) {
  const parents = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node);
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const located = (node) => {
    let frame = node;
    while (frame.callFrame.url === '' && parents.has(frame.id)) frame = parents.get(frame.id);
    return frame.callFrame;
  };
  const layers = new Map();
  const functions = new Map();
  let all = 0;
  profile.samples.forEach((nodeId, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    const node = byNode.get(nodeId);
    const { functionName, url } = node.callFrame;
    if (functionName === '(idle)') return;
    const caller = url === '' ? located(node) : node.callFrame;
    if (caller.url.startsWith('node:inspector')) return;
    const layer = layerOf(caller.url, functionName, generatedRoot);
    const key = label(functionName, caller.url, url === '' ? caller.lineNumber : node.callFrame.lineNumber);
    layers.set(layer, (layers.get(layer) ?? 0) + delta);
    functions.set(key, (functions.get(key) ?? 0) + delta);
    all += delta;
  });
  const shares = (totals) => [...totals].sort((a, b) => b[1] - a[1]).map(([key, time]) => [key, time / all]);
  const byLayer = Object.fromEntries(shares(layers));
  return {
    busyMs: all / 1000,
    layers: byLayer,
    generated: byLayer.generated ?? 0,
    top: shares(functions)
      .slice(0, count)
      .map(([name, share]) => ({ name, share })),
  };
}
