// Pins the capability → service-method table per dialect (okta-provisioning.md).
import { strict as assert } from 'node:assert';
import {
  CAPABILITIES,
  capabilityTable,
  isCapability,
  methodsForCapabilities,
  methodsForCapability,
} from '../src/service/capabilities.js';

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

  it('pins the whole SCIM 1.1 table of okta-provisioning.md', () => {
    assert.deepEqual(capabilityTable('1.1'), {
      PUSH_NEW_USERS: ['createUser', 'getUsers'],
      PUSH_PENDING_USERS: ['createUser', 'updateUser', 'getUsers'],
      PUSH_PROFILE_UPDATES: ['updateUser'],
      PUSH_PASSWORD_UPDATES: ['updateUser'],
      PUSH_USER_DEACTIVATION: ['updateUser'],
      REACTIVATE_USERS: ['updateUser'],
      IMPORT_NEW_USERS: ['getUsers', 'getGroups'],
      IMPORT_PROFILE_UPDATES: ['getUser'],
      GROUP_PUSH: ['createGroup', 'updateGroup', 'getGroup', 'deleteGroup'],
      OPP_SCIM_INCREMENTAL_IMPORTS: ['getUsers'],
    });
  });

  it('over SCIM 2.0 adds getUser to every row with updateUser, getGroup to every row with updateGroup', () => {
    const table11 = capabilityTable('1.1');
    for (const [capability, methods] of Object.entries(capabilityTable('2.0'))) {
      const base = table11[capability as (typeof CAPABILITIES)[number]];
      const want = new Set(base);
      if (base.includes('updateUser')) want.add('getUser');
      if (base.includes('updateGroup')) want.add('getGroup');
      assert.deepEqual(new Set(methods), want, capability);
    }
  });

  it('tells capability names from other strings, case-sensitively', () => {
    assert.ok(CAPABILITIES.every((capability) => isCapability(capability)));
    assert.equal(isCapability('push_new_users'), false);
    assert.equal(isCapability('toString'), false);
  });
});
