// bindServedMethods: only the listed methods, bound to the connector; a missing one is a start-up error naming it.
import assert from 'node:assert/strict';
import { bindServedMethods, type RequestContext, type ServiceMethod } from '../src/index.js';

class Connector {
  readonly name = 'acme';
  async getUser(id: string): Promise<string> {
    return `${this.name}:${id}`;
  }
  async updateUser(): Promise<void> {}
}

describe('bindServedMethods', () => {
  const cases: [string, { methods: ServiceMethod[]; served?: string[]; error?: RegExp }][] = [
    ['serves the listed methods only', { methods: ['getUser'], served: ['getUser'] }],
    ['leaves out a method the class has but the spec no longer needs', { methods: [], served: [] }],
    [
      'refuses a needed method the class lacks, naming it',
      {
        methods: ['getUser', 'deleteUser'],
        error: /the connector has no deleteUser method, which connector\.yaml needs/,
      },
    ],
  ];
  for (const [name, { methods, served, error }] of cases) {
    it(name, () => {
      if (error) {
        assert.throws(() => bindServedMethods(new Connector(), methods), error);
        return;
      }
      assert.deepEqual(Object.keys(bindServedMethods(new Connector(), methods)), served);
    });
  }

  it('binds each method to the connector, whatever object it is called on', async () => {
    const service = bindServedMethods(new Connector(), ['getUser']);
    // Called as the service's method, `this` is the service: only binding gives it the connector's name.
    // The class answers a string, not a ScimUser: the cast only reads back what binding kept.
    const answer = (await service.getUser?.('7', {} as RequestContext)) as unknown as string;
    assert.equal(answer, 'acme:7');
  });
});
