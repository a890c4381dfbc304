// Built-in request bodies: the 1.1 ones are the original tester's samples (sdk/test/fixtures/okta-opp-scim11), names prefixed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { customUrn } from '../src/requests/custom-urn.js';
import { createGroupBody, wholeGroupBody } from '../src/requests/group-bodies.js';
import {
  activePatch,
  membershipPatch,
  profilePatch,
  renameGroupPatch,
} from '../src/requests/patch-bodies.js';
import { createUserBody, sampleSeed, wholeUserBody } from '../src/requests/user-bodies.js';
import type { KnownUser } from '../src/requests/user-bodies.js';
import { runPrefix } from '../src/requests/names.js';

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(
    readFileSync(new URL(`../../sdk/test/fixtures/okta-opp-scim11/${name}.json`, import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
}

const okta11 = { dialect: '1.1', profile: 'okta' } as const;
const URN = customUrn();

describe('built-in request bodies', () => {
  it('defaults the custom schema to urn:okta:onprem_app:1.0:user:custom; --app-name and --custom-urn change it', () => {
    assert.equal(URN, 'urn:okta:onprem_app:1.0:user:custom');
    assert.equal(customUrn('hr_app'), 'urn:okta:hr_app:1.0:user:custom');
    assert.equal(customUrn('hr_app', 'urn:okta:x:1.0:user:y'), 'urn:okta:x:1.0:user:y');
  });

  it('makes a unique lower-case prefix per run', () => {
    const a = runPrefix();
    assert.match(a, /^sct-[a-z0-9]+-[0-9a-f]{4}-$/);
    assert.notEqual(a, runPrefix());
  });

  const creates: [string, 'createNewUser' | 'createPendingUser'][] = [
    ['createNewUser-withCustomExtension', 'createNewUser'],
    ['createPendingUser-withCustomExtension', 'createPendingUser'],
  ];
  for (const [file, kind] of creates) {
    it(`${kind} over 1.1 is the sample ${file}.json with prefixed names`, () => {
      const body = createUserBody(sampleSeed(kind, 'p-'), okta11, URN);
      const want = fixture(file);
      const emails = (want['emails'] as { value: string }[]).map((e) => ({ ...e, value: `p-${e.value}` }));
      assert.deepEqual(body, { ...want, userName: `p-${String(want['userName'])}`, emails });
    });
  }

  it('deactivate/reactivate/password/profile over 1.1 are the samples: the whole user, one field changed', () => {
    const user: KnownUser = {
      id: '101',
      userName: 'okta',
      givenName: 'John',
      familyName: 'Smith',
      email: 'jsmith@example.com',
      active: true,
      createdByRun: false,
    };
    // The samples' groups point at the example server's seed groups; the tester's user bodies carry none.
    const withoutGroups = (name: string): Record<string, unknown> => {
      const sample = fixture(name);
      delete sample['groups'];
      return sample;
    };
    assert.deepEqual(wholeUserBody(user, okta11, URN, { active: false }), withoutGroups('deactivateUser'));
    assert.deepEqual(
      wholeUserBody({ ...user, active: false }, okta11, URN, { active: true }),
      withoutGroups('reactivateUser'),
    );
    assert.deepEqual(
      wholeUserBody(user, okta11, URN, { password: 'this-is-my-new-password' }),
      withoutGroups('pushPasswordUpdate'),
    );
    const profile = wholeUserBody(user, okta11, URN, { profile: true });
    assert.deepEqual(profile['name'], { givenName: 'John', familyName: 'Taylor' });
    assert.deepEqual((profile[URN] as { departmentName: string }).departmentName, 'Cloud Service Management');
  });

  it("group bodies over 1.1 are the samples with this run's name and members", () => {
    const members = [{ value: 'u1', display: 'one' }];
    assert.deepEqual(createGroupBody('p-AppGroup-04', members, okta11), {
      ...fixture('createGroup'),
      displayName: 'p-AppGroup-04',
      members,
    });
    assert.deepEqual(wholeGroupBody('g1', 'p-AppGroup-Changed', members), {
      ...fixture('updateGroup'),
      id: 'g1',
      displayName: 'p-AppGroup-Changed',
      members,
    });
  });

  it('2.0 bodies: externalId and no password for Entra; PATCH quirks', () => {
    const entra = createUserBody(
      sampleSeed('createNewUser', 'p-'),
      { dialect: '2.0', profile: 'entra' },
      URN,
    );
    assert.equal(entra['externalId'], 'ext-p-myemail@domain.com');
    assert.equal(entra['password'], undefined);
    assert.deepEqual(activePatch(false, 'entra').Operations, [
      { op: 'Replace', path: 'active', value: 'False' },
    ]);
    assert.deepEqual(activePatch(false, 'okta').Operations, [{ op: 'replace', value: { active: false } }]);
    assert.ok(
      Object.keys(profilePatch('T', 'e@x', 'D').Operations[0]?.['value'] as object).includes(
        'name.familyName',
      ),
    );
    assert.deepEqual(renameGroupPatch('g', 'n', 'okta').Operations, [
      { op: 'replace', value: { id: 'g', displayName: 'n' } },
    ]);
    assert.deepEqual(
      membershipPatch([{ value: 'a', display: 'A' }], [{ value: 'b', display: 'B' }], 'okta').Operations,
      [
        { op: 'remove', path: 'members[value eq "a"]' },
        { op: 'add', path: 'members', value: [{ value: 'b', display: 'B' }] },
      ],
    );
  });
});
