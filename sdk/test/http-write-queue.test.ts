// The write queue: writes to one resource run one after another, other resources and services do not wait.
import { strict as assert } from 'node:assert';
import { oneAtATime } from '../src/http/write-queue.js';

/** A piece of work that records when it starts and ends, and finishes when released. */
function step(log: string[], name: string, fail = false) {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const work = async (): Promise<string> => {
    log.push(`${name}:start`);
    await gate;
    log.push(`${name}:end`);
    if (fail) throw new Error(name);
    return name;
  };
  return { work, release: () => release() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('http: write queue', () => {
  const cases: [string, { sameService: boolean; sameKey: boolean; waits: boolean }][] = [
    ['one resource of one service: the second waits', { sameService: true, sameKey: true, waits: true }],
    ['two resources of one service: neither waits', { sameService: true, sameKey: false, waits: false }],
    [
      'one resource id under two services: neither waits',
      { sameService: false, sameKey: true, waits: false },
    ],
  ];
  for (const [name, { sameService, sameKey, waits }] of cases) {
    it(name, async () => {
      const log: string[] = [];
      const serviceA = {};
      const serviceB = sameService ? serviceA : {};
      const a = step(log, 'a');
      const b = step(log, 'b');
      const runA = oneAtATime(serviceA, 'Users/1', a.work);
      const runB = oneAtATime(serviceB, sameKey ? 'Users/1' : 'Users/2', b.work);
      await tick();
      assert.deepEqual(log, waits ? ['a:start'] : ['a:start', 'b:start']);
      a.release();
      b.release();
      assert.deepEqual(await Promise.all([runA, runB]), ['a', 'b']);
    });
  }

  it('lets the next write run after one that failed, and passes the failure to its caller only', async () => {
    const log: string[] = [];
    const service = {};
    const a = step(log, 'a', true);
    const b = step(log, 'b');
    const runA = oneAtATime(service, 'Groups/9', a.work);
    const runB = oneAtATime(service, 'Groups/9', b.work);
    a.release();
    await assert.rejects(runA, /a/);
    b.release();
    assert.equal(await runB, 'b');
    assert.deepEqual(log, ['a:start', 'a:end', 'b:start', 'b:end']);
  });
});
