// Which methods src/connector.ts gets, per capability set and SCIM versions: the expectations written out by hand.
import assert from 'node:assert/strict';
import type { Capability } from 'scim-connector-sdk';
import { readTaggedMethods } from '../../src/generate/body-hash.js';
import { generate } from '../../src/generate/generate.js';
import type { ExtraOperation, ScimVersion } from '../../src/spec/index.js';
import { specFixture } from './spec-fixture.js';
import { WORKSPACE } from './golden-cases.js';

const V2: ScimVersion[] = ['2.0'];
const V1: ScimVersion[] = ['1.1'];
const BOTH: ScimVersion[] = ['2.0', '1.1'];

type Row = [
  name: string,
  given: { capabilities: Capability[]; versions: ScimVersion[]; operations?: ExtraOperation[] },
  want: string[],
];

const TABLE: Row[] = [
  ['PUSH_NEW_USERS 2.0', { capabilities: ['PUSH_NEW_USERS'], versions: V2 }, ['createUser', 'getUsers']],
  ['PUSH_NEW_USERS 1.1', { capabilities: ['PUSH_NEW_USERS'], versions: V1 }, ['createUser', 'getUsers']],
  [
    'PUSH_PENDING_USERS 2.0',
    { capabilities: ['PUSH_PENDING_USERS'], versions: V2 },
    ['createUser', 'updateUser', 'getUser', 'getUsers'],
  ],
  [
    'PUSH_PENDING_USERS 1.1',
    { capabilities: ['PUSH_PENDING_USERS'], versions: V1 },
    ['createUser', 'updateUser', 'getUsers'],
  ],
  [
    'PUSH_PROFILE_UPDATES 2.0',
    { capabilities: ['PUSH_PROFILE_UPDATES'], versions: V2 },
    ['updateUser', 'getUser'],
  ],
  ['PUSH_PROFILE_UPDATES 1.1', { capabilities: ['PUSH_PROFILE_UPDATES'], versions: V1 }, ['updateUser']],
  [
    'PUSH_PASSWORD_UPDATES 2.0',
    { capabilities: ['PUSH_PASSWORD_UPDATES'], versions: V2 },
    ['updateUser', 'getUser'],
  ],
  ['PUSH_PASSWORD_UPDATES 1.1', { capabilities: ['PUSH_PASSWORD_UPDATES'], versions: V1 }, ['updateUser']],
  [
    'PUSH_USER_DEACTIVATION 2.0',
    { capabilities: ['PUSH_USER_DEACTIVATION'], versions: V2 },
    ['updateUser', 'getUser'],
  ],
  ['PUSH_USER_DEACTIVATION 1.1', { capabilities: ['PUSH_USER_DEACTIVATION'], versions: V1 }, ['updateUser']],
  ['REACTIVATE_USERS 2.0', { capabilities: ['REACTIVATE_USERS'], versions: V2 }, ['updateUser', 'getUser']],
  ['REACTIVATE_USERS 1.1', { capabilities: ['REACTIVATE_USERS'], versions: V1 }, ['updateUser']],
  ['IMPORT_NEW_USERS 2.0', { capabilities: ['IMPORT_NEW_USERS'], versions: V2 }, ['getUsers', 'getGroups']],
  ['IMPORT_NEW_USERS 1.1', { capabilities: ['IMPORT_NEW_USERS'], versions: V1 }, ['getUsers', 'getGroups']],
  ['IMPORT_PROFILE_UPDATES 2.0', { capabilities: ['IMPORT_PROFILE_UPDATES'], versions: V2 }, ['getUser']],
  ['IMPORT_PROFILE_UPDATES 1.1', { capabilities: ['IMPORT_PROFILE_UPDATES'], versions: V1 }, ['getUser']],
  [
    'GROUP_PUSH 2.0',
    { capabilities: ['GROUP_PUSH'], versions: V2 },
    ['createGroup', 'updateGroup', 'getGroup', 'deleteGroup'],
  ],
  [
    'GROUP_PUSH 1.1',
    { capabilities: ['GROUP_PUSH'], versions: V1 },
    ['createGroup', 'updateGroup', 'getGroup', 'deleteGroup'],
  ],
  [
    'OPP_SCIM_INCREMENTAL_IMPORTS 2.0',
    { capabilities: ['OPP_SCIM_INCREMENTAL_IMPORTS'], versions: V2 },
    ['getUsers'],
  ],
  [
    'OPP_SCIM_INCREMENTAL_IMPORTS 1.1',
    { capabilities: ['OPP_SCIM_INCREMENTAL_IMPORTS'], versions: V1 },
    ['getUsers'],
  ],
  ['no capability: discovery only', { capabilities: [], versions: BOTH }, []],
  [
    'profile updates over both: 2.0 adds the read',
    { capabilities: ['PUSH_PROFILE_UPDATES'], versions: BOTH },
    ['updateUser', 'getUser'],
  ],
  [
    'push new users and deactivation 1.1',
    { capabilities: ['PUSH_NEW_USERS', 'PUSH_USER_DEACTIVATION'], versions: V1 },
    ['createUser', 'updateUser', 'getUsers'],
  ],
  [
    'push new users and deactivation 2.0',
    { capabilities: ['PUSH_NEW_USERS', 'PUSH_USER_DEACTIVATION'], versions: V2 },
    ['createUser', 'updateUser', 'getUser', 'getUsers'],
  ],
  [
    'imports only, both versions',
    {
      capabilities: ['IMPORT_NEW_USERS', 'IMPORT_PROFILE_UPDATES', 'OPP_SCIM_INCREMENTAL_IMPORTS'],
      versions: BOTH,
    },
    ['getUser', 'getUsers', 'getGroups'],
  ],
  [
    'group push and imports 1.1',
    { capabilities: ['IMPORT_NEW_USERS', 'GROUP_PUSH'], versions: V1 },
    ['getUsers', 'createGroup', 'updateGroup', 'getGroup', 'getGroups', 'deleteGroup'],
  ],
  [
    'Entra-style: new users with every extra operation, 2.0',
    { capabilities: ['PUSH_NEW_USERS'], versions: V2, operations: ['deleteUser', 'patchUser', 'patchGroup'] },
    ['createUser', 'getUsers', 'deleteUser', 'patchUser', 'patchGroup'],
  ],
  [
    'an extra operation alone',
    { capabilities: [], versions: V1, operations: ['deleteUser'] },
    ['deleteUser'],
  ],
  [
    'every capability, 1.1 only',
    {
      capabilities: [
        'PUSH_NEW_USERS',
        'PUSH_PENDING_USERS',
        'PUSH_PROFILE_UPDATES',
        'PUSH_PASSWORD_UPDATES',
        'PUSH_USER_DEACTIVATION',
        'REACTIVATE_USERS',
        'IMPORT_NEW_USERS',
        'IMPORT_PROFILE_UPDATES',
        'GROUP_PUSH',
        'OPP_SCIM_INCREMENTAL_IMPORTS',
      ],
      versions: V1,
    },
    [
      'createUser',
      'updateUser',
      'getUser',
      'getUsers',
      'createGroup',
      'updateGroup',
      'getGroup',
      'getGroups',
      'deleteGroup',
    ],
  ],
  [
    'every capability and operation, both versions',
    {
      capabilities: [
        'PUSH_NEW_USERS',
        'PUSH_PENDING_USERS',
        'PUSH_PROFILE_UPDATES',
        'PUSH_PASSWORD_UPDATES',
        'PUSH_USER_DEACTIVATION',
        'REACTIVATE_USERS',
        'IMPORT_NEW_USERS',
        'IMPORT_PROFILE_UPDATES',
        'GROUP_PUSH',
        'OPP_SCIM_INCREMENTAL_IMPORTS',
      ],
      versions: BOTH,
      operations: ['deleteUser', 'patchUser', 'patchGroup'],
    },
    [
      'createUser',
      'updateUser',
      'getUser',
      'getUsers',
      'deleteUser',
      'patchUser',
      'createGroup',
      'updateGroup',
      'getGroup',
      'getGroups',
      'deleteGroup',
      'patchGroup',
    ],
  ],
];

describe('methods emitted in src/connector.ts', () => {
  for (const [name, given, want] of TABLE) {
    it(name, async () => {
      const spec = specFixture({
        capabilities: given.capabilities,
        operations: given.operations ?? [],
        dialects: given.versions.map((version) => ({
          version,
          basePath: version === '2.0' ? '/scim/v2' : '/scim/v1',
        })),
      });
      const { files, report } = await generate(spec, { packages: WORKSPACE, specText: 'name: fixture\n' });
      const connector = files.find((file) => file.path === 'src/connector.ts');
      assert.ok(connector !== undefined && typeof connector.contents === 'string');
      assert.deepEqual(
        readTaggedMethods(connector.contents).map((method) => method.operation),
        want,
      );
      assert.deepEqual(report.methods, want);
      assert.deepEqual(report.stubs, want, 'backend none: every method is a stub');
      const capabilities = files.find((file) => file.path === 'src/generated/capabilities.ts');
      assert.match(
        String(capabilities?.contents),
        new RegExp(
          `SERVED_METHODS: readonly ServiceMethod\\[\\] = \\[${want.map((m) => `\\s*'${m}',?`).join('')}\\s*\\]`,
        ),
      );
    });
  }
});
