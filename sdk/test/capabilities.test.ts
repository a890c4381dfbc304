// Pins the capability → service-method table per dialect (okta-provisioning.md).
import { strict as assert } from 'node:assert';
import { methodsForCapability, methodsForCapabilities, CAPABILITIES } from '../src/service/capabilities.js';

describe('capabilities', () => {
  const cases: [
    string,
    { capability: (typeof CAPABILITIES)[number]; dialect: '2.0' | '1.1'; want: string[] },
  ][] = [
    [
      'push new users (1.1)',
      { capability: 'PUSH_NEW_USERS', dialect: '1.1', want: ['createUser', 'getUsers'] },
    ],
    [
      'profile push reads first over 2.0',
      { capability: 'PUSH_PROFILE_UPDATES', dialect: '2.0', want: ['updateUser', 'getUser'] },
    ],
    ['profile push (1.1)', { capability: 'PUSH_PROFILE_UPDATES', dialect: '1.1', want: ['updateUser'] }],
    [
      'group push (2.0)',
      {
        capability: 'GROUP_PUSH',
        dialect: '2.0',
        want: ['createGroup', 'updateGroup', 'getGroup', 'deleteGroup'],
      },
    ],
    ['import (1.1)', { capability: 'IMPORT_NEW_USERS', dialect: '1.1', want: ['getUsers', 'getGroups'] }],
  ];
  for (const [name, { capability, dialect, want }] of cases) {
    it(name, () => assert.deepEqual(methodsForCapability(capability, dialect), want));
  }

  it('unions methods across capabilities and dialects without repeats', () => {
    const methods = methodsForCapabilities(['PUSH_NEW_USERS', 'PUSH_USER_DEACTIVATION']);
    assert.deepEqual([...methods].sort(), ['createUser', 'getUser', 'getUsers', 'updateUser']);
  });
});
