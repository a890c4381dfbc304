// The profile reader of the backend rows: which layer a function's file belongs to, and each layer's share of busy CPU time.
import assert from 'node:assert/strict';
import { cpuShares, layerOf } from '../../bench/cpu-shares.mjs';

const ROOT = '/test/golden/acme-hr/src/';

describe('bench/cpu-shares', () => {
  const cases: [string, string, string][] = [
    ['file:///repo/test/golden/acme-hr/src/generated/mappers.ts', 'userFromApp', 'generated'],
    ['file:///repo/sdk/dist/sql/sql-rows.js', 'resourcesOf', 'sdk sql'],
    ['file:///repo/sdk/src/app/app-values.ts', 'compact', 'sdk app'],
    ['file:///repo/sdk/dist/http/scim-reply.js', 'sendScim', 'sdk'],
    ['file:///repo/node_modules/fastify/lib/reply.js', 'send', 'fastify'],
    ['file:///repo/node_modules/pino/lib/proto.js', 'write', 'logging'],
    ['file:///repo/node_modules/pg-protocol/dist/parser.js', 'parse', 'database client'],
    ['file:///repo/node_modules/kysely/dist/esm/query-compiler.js', 'visitNode', 'database client'],
    ['node:internal/deps/undici/undici', '_Request', 'http client'],
    ['node:internal/stream_base_commons', 'writev', 'socket I/O'],
    ['node:internal/process/task_queues', 'processTicksAndRejections', 'node'],
    ['', '(garbage collector)', 'gc'],
    ['file:///repo/node_modules/ajv/dist/core.js', 'validate', 'other packages'],
    ['', '(program)', 'other'],
  ];
  for (const [url, name, layer] of cases) {
    it(`puts ${name} ${url || '(native)'} in ${layer}`, () => assert.equal(layerOf(url, name, ROOT), layer));
  }

  it('gives natives the layer of their caller, leaves idle and the profiler out, and shares sum to one', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', ''), children: [2, 4, 6, 7] },
        { id: 2, callFrame: frame('userFromApp', `file:///repo${ROOT}generated/mappers.ts`), children: [3] },
        { id: 3, callFrame: frame('stringify', '') },
        { id: 4, callFrame: frame('send', 'file:///repo/node_modules/fastify/lib/reply.js'), children: [5] },
        { id: 5, callFrame: frame('post', 'node:inspector/promises'), children: [8] },
        { id: 6, callFrame: frame('(idle)', '') },
        { id: 7, callFrame: frame('writev', 'node:internal/stream_base_commons') },
        { id: 8, callFrame: frame('dispatch', '') },
      ],
      startTime: 0,
      endTime: 100,
      // µs per sample: the native stringify under the generated mapper 10, fastify 20, idle 30, writev 40, the profiler 50.
      samples: [3, 4, 6, 7, 8],
      timeDeltas: [10, 20, 30, 40, 50],
    };
    const shares = cpuShares(profile, ROOT);
    assert.deepEqual(shares.layers, { 'socket I/O': 40 / 70, fastify: 20 / 70, generated: 10 / 70 });
    assert.equal(shares.generated, 10 / 70);
    assert.equal(shares.busyMs, 0.07);
    assert.deepEqual(
      shares.top.map((entry) => entry.name),
      [
        'writev node:internal/stream_base_commons:1',
        'send fastify/lib/reply.js:1',
        'stringify src/generated/mappers.ts:1',
      ],
    );
  });
});
