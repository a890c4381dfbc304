// The users and the group every benchmark target serves: the same data for our server, the bare route and the peer.

/** A typical provisioned user, as Okta sends one: names, a work email, active. */
export function typicalUser(i) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    id: `u${i}`,
    userName: `user${i}@example.com`,
    name: { givenName: `Given${i}`, familyName: `Family${i}` },
    emails: [{ value: `user${i}@example.com`, type: 'work', primary: true }],
    active: true,
  };
}

export function seedUsers(count) {
  return Array.from({ length: count }, (_, i) => typicalUser(i));
}

/** Group `id` whose members are the first `members` users. */
export function seedGroup(members, id = 'g1') {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
    id,
    displayName: `Bench group ${id}`,
    members: Array.from({ length: members }, (_, i) => ({ value: `u${i}` })),
  };
}

/** The members of g2, a tenth of g1's: the same PATCH on both shows whether its cost grows with the group. */
export function smallGroupSize(members) {
  return Math.max(1, Math.floor(members / 10));
}

/** The groups every target serves: g1 with `members` members and g2 with smallGroupSize(members). */
export function seedGroups(members) {
  return [seedGroup(members), seedGroup(smallGroupSize(members), 'g2')];
}
