// The HTTP suite's workloads: what each sends, and which targets serve it (a backend row is one more entry with its own targets).
import { smallGroupSize } from './seed.mjs';

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

function patch(operations) {
  return { schemas: [PATCH_OP], Operations: operations };
}

/**
 * The workloads for a store seeded with `users` users, the first `members` of them in group g1 (and
 * the first smallGroupSize(members) in g2). Each
 * `request(context)` gives the next request of one connection (autocannon keeps a context per
 * connection): writes touch users outside the group, one per connection, so requests of different
 * connections never wait for each other, and a connection's own requests stay in order.
 */
export function workloads({ users, members }) {
  const readId = `u${Math.floor(users / 2)}`;
  const pages = Math.max(1, Math.floor(users / 100));
  let next = 0;
  const ownUser = (context) => (context.user ??= `u${members + (next++ % (users - members))}`);
  return [
    { id: 'get', label: 'GET /Users/{id}', peer: true, request: () => get(`/scim/v2/Users/${readId}`) },
    {
      id: 'filter',
      label: 'GET /Users?filter=userName eq',
      peer: true,
      request: () =>
        get(`/scim/v2/Users?filter=${encodeURIComponent(`userName eq "user${users - 7}@example.com"`)}`),
    },
    {
      id: 'import',
      label: 'import: GET /Users pages of 100',
      peer: true,
      request: () => get(`/scim/v2/Users?startIndex=${(next++ % pages) * 100 + 1}&count=100`),
    },
    {
      id: 'post',
      label: 'POST /Users',
      request: () => ({
        method: 'POST',
        path: '/scim/v2/Users',
        body: {
          schemas: [USER],
          userName: `new${next++}@example.com`,
          name: { givenName: 'New', familyName: 'User' },
          active: true,
        },
      }),
    },
    {
      id: 'put',
      label: 'PUT /Users/{id}',
      request: (context) => {
        const id = ownUser(context);
        const i = id.slice(1);
        context.turn = (context.turn ?? 0) + 1;
        return {
          method: 'PUT',
          path: `/scim/v2/Users/${id}`,
          body: {
            schemas: [USER],
            userName: `user${i}@example.com`,
            name: { givenName: `Given${i}`, familyName: `Family${i}-${context.turn % 2}` },
            emails: [{ value: `user${i}@example.com`, type: 'work', primary: true }],
            active: true,
          },
        };
      },
    },
    {
      id: 'deactivate',
      label: 'PATCH /Users/{id} active',
      request: (context) => {
        context.active = !(context.active ?? true);
        return {
          method: 'PATCH',
          path: `/scim/v2/Users/${ownUser(context)}`,
          body: patch([{ op: 'replace', value: { active: context.active } }]),
        };
      },
    },
    membership('members', 'g1', members, ownUser),
    membership('members-small', 'g2', smallGroupSize(members), ownUser),
    { id: 'get-v1', label: 'GET /scim/v1/Users/{id}', request: () => get(`/scim/v1/Users/${readId}`) },
  ];
}

/**
 * A membership PATCH of group `groupId` (`size` members): each connection adds its own user, then
 * removes it by `value eq`, so every request changes the group by one member whatever its size.
 */
function membership(id, groupId, size, ownUser) {
  const path = `/scim/v2/Groups/${groupId}`;
  return {
    id,
    label: `PATCH /Groups/{id} members (${size})`,
    // Queued behind every membership PATCH still running after the cell (writes of one group wait in turn).
    drain: {
      method: 'PATCH',
      path,
      body: patch([{ op: 'replace', value: { displayName: `Bench group ${groupId}` } }]),
    },
    request: (context) => {
      const user = ownUser(context);
      context.added = !context.added;
      return {
        method: 'PATCH',
        path,
        body: patch([
          context.added
            ? { op: 'add', path: 'members', value: [{ value: user }] }
            : { op: 'remove', path: `members[value eq "${user}"]` },
        ]),
      };
    },
  };
}

function get(path) {
  return { method: 'GET', path };
}
