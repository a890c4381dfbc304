// The scenarios as data: per Okta capability, the steps the client takes; plus the checks every run makes.
import type { Capability } from 'scim-connector-sdk';

export interface Scenario {
  name: string;
  capability: Capability;
  /** Step names (see steps.ts); the run orders them by the lifecycle, not by this list. */
  steps: readonly string[];
  /** What the scenario needs that its own capability may not let the server provide. */
  prerequisites: readonly string[];
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'push new users',
    capability: 'PUSH_NEW_USERS',
    steps: [
      'checkUserExists',
      'createNewUser',
      'check: 409 on a duplicate userName',
      'check: case-insensitive userName lookup',
    ],
    prerequisites: [],
  },
  {
    name: 'push pending users',
    capability: 'PUSH_PENDING_USERS',
    steps: ['checkUserExists', 'createPendingUser', 'activateUser'],
    prerequisites: [],
  },
  {
    name: 'push profile updates',
    capability: 'PUSH_PROFILE_UPDATES',
    steps: ['pushProfileUpdate'],
    prerequisites: ['a user'],
  },
  {
    name: 'push password updates',
    capability: 'PUSH_PASSWORD_UPDATES',
    steps: ['pushPasswordUpdate'],
    prerequisites: ['a user'],
  },
  {
    name: 'push user deactivation',
    capability: 'PUSH_USER_DEACTIVATION',
    steps: ['deactivateUser'],
    prerequisites: ['a user'],
  },
  {
    name: 'reactivate users',
    capability: 'REACTIVATE_USERS',
    steps: ['reactivateUser'],
    prerequisites: ['a user'],
  },
  {
    name: 'import new users',
    capability: 'IMPORT_NEW_USERS',
    steps: ['downloadUsers', 'downloadGroups'],
    prerequisites: [],
  },
  {
    name: 'import profile updates',
    capability: 'IMPORT_PROFILE_UPDATES',
    steps: ['importUserProfile'],
    prerequisites: ['a user'],
  },
  {
    name: 'group push',
    capability: 'GROUP_PUSH',
    steps: [
      'createGroup',
      'check: 409 on a duplicate group displayName',
      'getGroupById',
      'updateGroup',
      'deleteGroup',
    ],
    prerequisites: [],
  },
  {
    name: 'incremental imports',
    capability: 'OPP_SCIM_INCREMENTAL_IMPORTS',
    steps: ['downloadIncrementalUsers'],
    prerequisites: [],
  },
];

/** Steps every run takes whatever the capabilities. */
export const ALWAYS = [
  'getImplementedUserManagementCapabilities',
  'check: 401 with a SCIM error body',
  'check: 404 with a SCIM error body',
  'check: 400 (not 500) on a bad filter',
] as const;
