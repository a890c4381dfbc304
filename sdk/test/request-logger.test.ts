// A request's logger: its pino child is made only when a line is written through it, and writes as that child would.
import { strict as assert } from 'node:assert';
import { pino } from 'pino';
import { RequestLogger } from '../src/http/request-logger.js';
import { captureLog } from './support/log-capture.js';

/** A root logger at `level` writing to a capture, and a count of the children made of it or of its children. */
function root(level: string) {
  const log = captureLog();
  const made = { children: 0 };
  // pino calls onChild for each child made, of the root or of a child (children inherit it).
  const logger = pino({ level, onChild: () => (made.children += 1) }, log.stream);
  return { logger, log, made };
}

/** Lets the capture stream take what pino wrote. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('RequestLogger', () => {
  const cases: [
    string,
    {
      level: string;
      childLevel?: string;
      use: (logger: RequestLogger) => void;
      children: number;
      lines: Record<string, unknown>[];
    },
  ][] = [
    ['nothing logged: no child', { level: 'info', use: () => undefined, children: 0, lines: [] }],
    [
      'a line below the level: no child, no line',
      { level: 'info', use: (l) => l.debug('quiet'), children: 0, lines: [] },
    ],
    [
      'a line at the level: one child, the line with the request id',
      {
        level: 'info',
        use: (l) => {
          l.info({ n: 1 }, 'first');
          l.warn('second');
        },
        children: 1,
        lines: [
          { level: 30, reqId: 'r-1', n: 1, msg: 'first' },
          { level: 40, reqId: 'r-1', msg: 'second' },
        ],
      },
    ],
    [
      "a route's own level below the root's",
      {
        level: 'warn',
        childLevel: 'debug',
        use: (l) => l.debug('route detail'),
        children: 1,
        lines: [{ level: 20, reqId: 'r-1', msg: 'route detail' }],
      },
    ],
    [
      "a route's own level above the root's",
      { level: 'debug', childLevel: 'error', use: (l) => l.info('dropped'), children: 1, lines: [] },
    ],
    [
      'a level set on the request logger',
      {
        level: 'info',
        use: (l) => {
          l.level = 'trace';
          l.trace('now written');
        },
        children: 1,
        lines: [{ level: 10, reqId: 'r-1', msg: 'now written' }],
      },
    ],
    [
      'a child of the request logger keeps both bindings',
      {
        level: 'info',
        use: (l) => l.child({ step: 'auth' }).error('denied'),
        // The request's child, then the step's (pino's children make theirs with the same method).
        children: 2,
        lines: [{ level: 50, reqId: 'r-1', step: 'auth', msg: 'denied' }],
      },
    ],
    ['silent writes nothing', { level: 'trace', use: (l) => l.silent('x'), children: 0, lines: [] }],
  ];

  for (const [name, { level, childLevel, use, children, lines }] of cases) {
    it(name, async () => {
      const { logger, log, made } = root(level);
      const request = new RequestLogger(
        logger,
        { reqId: 'r-1' },
        childLevel === undefined ? {} : { level: childLevel },
      );
      use(request);
      await settled();
      assert.equal(made.children, children);
      assert.deepEqual(
        log.lines().map(({ time: _time, pid: _pid, hostname: _hostname, ...rest }) => rest),
        lines,
      );
    });
  }

  it('shares its level methods on the prototype: a request gets no closures of its own', () => {
    const { logger } = root('info');
    const [one, two] = [1, 2].map((n) => new RequestLogger(logger, { reqId: `r-${n}` }, {}));
    for (const level of ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const) {
      assert.equal(Object.hasOwn(one as object, level), false, level);
      assert.equal(one?.[level], two?.[level], level);
    }
  });

  it("reports the level it writes at: the root's, or its own once set", () => {
    const { logger, made } = root('warn');
    const request = new RequestLogger(logger, { reqId: 'r-2' }, {});
    assert.equal(request.level, 'warn');
    assert.equal(request.isLevelEnabled('info'), false);
    assert.equal(request.isLevelEnabled('error'), true);
    assert.equal(made.children, 0, 'asking makes no child');
    request.level = 'info';
    assert.equal(request.level, 'info');
    assert.equal(request.isLevelEnabled('info'), true);
    assert.equal(logger.level, 'warn', "the root's level is left alone");
  });
});
