// Every step a run can take, in the order of the Okta-like lifecycle.
import type { StepDefinition } from './step.js';
import { getImplementedUserManagementCapabilities } from '../methods/discovery.js';
import { checkUserExists, importUserProfile } from '../methods/user-lookup.js';
import {
  activateUser,
  createNewUser,
  createPendingUser,
  deactivateUser,
  pushPasswordUpdate,
  pushProfileUpdate,
  reactivateUser,
} from '../methods/user-push.js';
import { downloadGroups, downloadIncrementalUsers, downloadUsers } from '../methods/downloads.js';
import { createGroup, deleteGroup, getGroupById, updateGroup } from '../methods/group-push.js';
import {
  badFilterCheck,
  caseInsensitiveUserNameCheck,
  duplicateGroupCheck,
  duplicateUserCheck,
  notFoundCheck,
  unauthorizedCheck,
} from '../checks/protocol-probes.js';

const A_USER = 'a user (one this run created, or --arg userId=<id>)';
const A_GROUP = 'a group (one this run created, or --arg groupId=<id>)';

/** Check exists → create → duplicate → read → profile → password → deactivate → reactivate → import → groups → checks. */
export const STEPS: readonly StepDefinition[] = [
  {
    name: 'getImplementedUserManagementCapabilities',
    exercises: [],
    prerequisites: [],
    run: getImplementedUserManagementCapabilities,
  },
  { name: 'checkUserExists', exercises: ['getUsers'], prerequisites: [], run: checkUserExists },
  { name: 'createNewUser', exercises: ['createUser'], prerequisites: [], run: createNewUser },
  {
    name: 'check: 409 on a duplicate userName',
    exercises: ['createUser'],
    prerequisites: [A_USER],
    run: duplicateUserCheck,
  },
  {
    name: 'check: case-insensitive userName lookup',
    exercises: ['getUsers'],
    prerequisites: [A_USER],
    run: caseInsensitiveUserNameCheck,
  },
  { name: 'createPendingUser', exercises: ['createUser'], prerequisites: [], run: createPendingUser },
  {
    name: 'activateUser',
    exercises: ['updateUser'],
    prerequisites: ['a pending user (createPendingUser, or --arg userId=<id>)'],
    run: activateUser,
  },
  {
    name: 'importUserProfile',
    exercises: ['getUser'],
    prerequisites: [`${A_USER}, or the first user listed`],
    run: importUserProfile,
  },
  { name: 'pushProfileUpdate', exercises: ['updateUser'], prerequisites: [A_USER], run: pushProfileUpdate },
  { name: 'pushPasswordUpdate', exercises: ['updateUser'], prerequisites: [A_USER], run: pushPasswordUpdate },
  { name: 'deactivateUser', exercises: ['updateUser'], prerequisites: [A_USER], run: deactivateUser },
  {
    name: 'reactivateUser',
    exercises: ['updateUser'],
    prerequisites: [`${A_USER}, deactivated first`],
    run: reactivateUser,
  },
  {
    name: 'downloadUsers',
    exercises: ['getUsers'],
    prerequisites: ['3 users of its own in a full run, when it can create them'],
    run: downloadUsers,
  },
  {
    name: 'downloadGroups',
    exercises: ['getGroups'],
    prerequisites: ['3 groups of its own in a full run, when it can create them (deleted once listed)'],
    run: downloadGroups,
  },
  {
    name: 'downloadIncrementalUsers',
    exercises: ['getUsers'],
    prerequisites: [],
    run: downloadIncrementalUsers,
  },
  { name: 'createGroup', exercises: ['createGroup'], prerequisites: [], run: createGroup },
  {
    name: 'check: 409 on a duplicate group displayName',
    exercises: ['createGroup'],
    prerequisites: [A_GROUP],
    run: duplicateGroupCheck,
  },
  { name: 'getGroupById', exercises: ['getGroup'], prerequisites: [A_GROUP], run: getGroupById },
  { name: 'updateGroup', exercises: ['updateGroup'], prerequisites: [A_GROUP], run: updateGroup },
  { name: 'deleteGroup', exercises: ['deleteGroup'], prerequisites: [A_GROUP], run: deleteGroup },
  {
    name: 'check: 401 with a SCIM error body',
    exercises: [],
    prerequisites: ['credentials (--token or --basic)'],
    run: unauthorizedCheck,
  },
  {
    name: 'check: 404 with a SCIM error body',
    exercises: ['getUser'],
    prerequisites: [],
    run: notFoundCheck,
  },
  {
    name: 'check: 400 (not 500) on a bad filter',
    exercises: ['getUsers'],
    prerequisites: [],
    run: badFilterCheck,
  },
];

export function findStep(name: string): StepDefinition | undefined {
  return STEPS.find((step) => step.name === name);
}
