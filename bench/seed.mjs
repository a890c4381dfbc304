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

/** Group `g1` whose members are the first `members` users. */
export function seedGroup(members) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
    id: 'g1',
    displayName: 'Bench group',
    members: Array.from({ length: members }, (_, i) => ({ value: `u${i}` })),
  };
}
