// changeMembers: adds before removes, one call each, and what a failure part-way answers (503 kept, else 502, naming what was applied).
import { strict as assert } from 'node:assert';
import { changeMembers, type MembershipCall } from '../../src/app.js';
import { ScimError } from '../../src/protocol/errors.js';
import { AppUnavailableError, NotFoundError } from '../../src/service/errors.js';

describe('changeMembers: the order of membership calls and a part-way failure', () => {
  const failing = (error: Error) => async (): Promise<void> => Promise.reject(error);
  const CASES: {
    title: string;
    fail: Error;
    applied: string[];
    wanted: string[];
    status: number;
    retryAfter?: number;
  }[] = [
    {
      title: 'app unavailable after a call: 503 with its Retry-After',
      fail: new AppUnavailableError('503 from POST /x', 7),
      applied: ['PUT /g'],
      wanted: ['b', 'c'],
      status: 503,
      retryAfter: 7,
    },
    {
      title: 'app refuses after a call: 502',
      fail: new NotFoundError('Group', 'g'),
      applied: ['PUT /g'],
      wanted: ['b', 'c'],
      status: 502,
    },
    {
      title: "nothing applied yet: the call's own error",
      fail: new NotFoundError('Group', 'g'),
      applied: [],
      wanted: ['b'],
      status: 404,
    },
  ];
  for (const c of CASES) {
    it(c.title, async () => {
      const made: string[] = [];
      const add: MembershipCall = { call: 'POST /m', run: async (id) => void made.push(`add ${id}`) };
      const remove: MembershipCall = { call: 'DELETE /m', run: failing(c.fail) };
      await assert.rejects(
        changeMembers({ add, remove }, ['a', 'b'], c.wanted, [...c.applied]),
        (error: unknown) => {
          assert.ok(error instanceof ScimError);
          assert.equal(error.status, c.status);
          if (c.retryAfter !== undefined) assert.equal(error.retryAfter, c.retryAfter);
          if (c.applied.length === 0) assert.equal(error, c.fail);
          else
            assert.match(
              error.message,
              /\(DELETE \/m \(member a\) failed with \d+; applied, in order: PUT \/g, POST \/m \(member c\); not applied: DELETE \/m \(member a\)\)/,
            );
          return true;
        },
      );
      // Adds come before removes: the one add (of c) is made before the failing remove.
      assert.deepEqual(made, c.wanted.includes('c') ? ['add c'] : []);
    });
  }
});
