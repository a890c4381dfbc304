// What the generator knows of each ScimService method: its signature, what the identity provider sends, what to return.
import type { ServiceMethod } from 'scim-connector-sdk';

/** One service method as the generator writes it. */
export interface MethodInfo {
  name: ServiceMethod;
  resource: 'User' | 'Group';
  /** Parameters after the first, as `name: Type` (the RequestContext is always last). */
  params: { name: string; type: string }[];
  returns: string;
  /** One line for the JSDoc. */
  summary: string;
  /** What the identity provider sends, for the stub's comment. */
  sends: string;
  /** What to return (and throw), for the stub's comment. */
  answer: string;
}

const USER = 'ConnectorUser';
const GROUP = 'ConnectorGroup';

/** Every method in the SDK's SERVICE_METHODS order. */
export const METHOD_CATALOGUE: readonly MethodInfo[] = [
  {
    name: 'createUser',
    resource: 'User',
    params: [{ name: 'user', type: USER }],
    returns: `Promise<${USER}>`,
    summary: 'Creates a user in the app.',
    sends:
      'POST /Users with the new user: userName, name, emails, active, password and the custom attributes.',
    answer:
      'Return the user as stored, with the id the app gave it. Throw ConflictError when the userName is taken.',
  },
  {
    name: 'updateUser',
    resource: 'User',
    params: [
      { name: 'id', type: 'string' },
      { name: 'user', type: USER },
    ],
    returns: `Promise<${USER}>`,
    summary:
      'Replaces a user: profile changes, a new password, deactivation (active false) and reactivation.',
    sends: 'PUT /Users/{id} with the whole user (Okta never sends a delta; a password only when it changes).',
    answer: 'Return the user as stored. Throw NotFoundError when there is no such user.',
  },
  {
    name: 'getUser',
    resource: 'User',
    params: [{ name: 'id', type: 'string' }],
    returns: `Promise<${USER} | undefined>`,
    summary: 'Reads one user.',
    sends: 'GET /Users/{id}, to import profile updates and to read a user before changing it.',
    answer: 'Return the user, or undefined when there is none (the server answers 404).',
  },
  {
    name: 'getUsers',
    resource: 'User',
    params: [{ name: 'query', type: 'ListQuery' }],
    returns: `Promise<ListResult<${USER}>>`,
    summary: 'Lists users: the existence check before a push, and imports.',
    sends:
      'GET /Users?filter=userName eq "…" to check whether a user exists, or without a filter, page by page (startIndex, count), to import.',
    answer:
      'Return one page and the number of all matches (applyListQuery filters, sorts and pages an array in memory).',
  },
  {
    name: 'deleteUser',
    resource: 'User',
    params: [{ name: 'id', type: 'string' }],
    returns: 'Promise<void>',
    summary: 'Deletes a user (Entra ID and other clients; Okta deactivates instead).',
    sends: 'DELETE /Users/{id}.',
    answer: 'Return nothing. Throw NotFoundError when there is no such user.',
  },
  {
    name: 'patchUser',
    resource: 'User',
    params: [
      { name: 'id', type: 'string' },
      { name: 'operations', type: 'PatchOperation[]' },
    ],
    returns: `Promise<${USER} | undefined>`,
    summary: 'Applies PATCH operations to a user (Entra ID sends these for every change).',
    sends: 'PATCH /Users/{id} with operations such as replace active, or replace name.familyName.',
    answer:
      'Return the patched user, or undefined for 204 No Content. Throw NotFoundError when there is no such user.',
  },
  {
    name: 'createGroup',
    resource: 'Group',
    params: [{ name: 'group', type: GROUP }],
    returns: `Promise<${GROUP}>`,
    summary: 'Creates a group (group push).',
    sends: 'POST /Groups with displayName and members (user ids).',
    answer: 'Return the group as stored, with its id. Throw ConflictError when the displayName is taken.',
  },
  {
    name: 'updateGroup',
    resource: 'Group',
    params: [
      { name: 'id', type: 'string' },
      { name: 'group', type: GROUP },
    ],
    returns: `Promise<${GROUP}>`,
    summary: 'Replaces a group: a new name or a new member list.',
    sends: 'PUT /Groups/{id} with the whole group, members included.',
    answer: 'Return the group as stored. Throw NotFoundError when there is no such group.',
  },
  {
    name: 'getGroup',
    resource: 'Group',
    params: [{ name: 'id', type: 'string' }],
    returns: `Promise<${GROUP} | undefined>`,
    summary: 'Reads one group.',
    sends: 'GET /Groups/{id}.',
    answer: 'Return the group, or undefined when there is none (the server answers 404).',
  },
  {
    name: 'getGroups',
    resource: 'Group',
    params: [{ name: 'query', type: 'ListQuery' }],
    returns: `Promise<ListResult<${GROUP}>>`,
    summary: 'Lists groups: imports and the existence check before a group push.',
    sends: 'GET /Groups, page by page (startIndex, count), or with filter=displayName eq "…".',
    answer:
      'Return one page and the number of all matches (applyListQuery filters, sorts and pages an array in memory).',
  },
  {
    name: 'deleteGroup',
    resource: 'Group',
    params: [{ name: 'id', type: 'string' }],
    returns: 'Promise<void>',
    summary: 'Deletes a group.',
    sends: 'DELETE /Groups/{id}.',
    answer: 'Return nothing. Throw NotFoundError when there is no such group.',
  },
  {
    name: 'patchGroup',
    resource: 'Group',
    params: [
      { name: 'id', type: 'string' },
      { name: 'operations', type: 'PatchOperation[]' },
    ],
    returns: `Promise<${GROUP} | undefined>`,
    summary: 'Applies PATCH operations to a group: renames and member changes without sending every member.',
    sends: 'PATCH /Groups/{id} with operations such as add members, remove members[value eq "…"].',
    answer:
      'Return the patched group, or undefined for 204 No Content. Throw NotFoundError when there is no such group.',
  },
];

/** The catalogue entry of a method; every ServiceMethod has one. */
export function methodInfo(name: ServiceMethod): MethodInfo {
  const info = METHOD_CATALOGUE.find((entry) => entry.name === name);
  if (info === undefined) throw new Error(`method catalogue: no entry for ${name}`);
  return info;
}
