// The example seed, read from the original SCIM 1.1 data, arrives canonical: core and custom URNs translated.
import { strict as assert } from 'node:assert';
import { URN } from 'scim-connector-sdk';
import { readSeed } from '../src/seed.js';
import { aliases } from '../src/schemas.js';

describe('example seed data', () => {
  it('holds users 101 and 102 and groups 1001 and 1002 in SCIM 2.0 form', async () => {
    const { users, groups } = await readSeed();
    assert.deepEqual(users.map((u) => u.id).sort(), ['101', '102']);
    assert.deepEqual(groups.map((g) => g.id).sort(), ['1001', '1002']);
    for (const user of users) {
      assert.ok(user.schemas.includes(URN.user), 'core 2.0 user schema');
      assert.ok(!user.schemas.includes(URN.core11), 'no 1.1 schema left');
      assert.equal(user['groups'], undefined, 'groups are derived by the store');
    }
    const admin = users.find((u) => u.userName === 'admin');
    assert.deepEqual(admin?.[aliases.userExtensionUrn], {
      isAdmin: true,
      isOkta: false,
      departmentName: 'Administration',
    });
    assert.ok(groups.every((g) => g.schemas.includes(URN.group)));
  });
});
