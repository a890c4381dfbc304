// Pins applyPatch on every PATCH example of RFC 7644 §3.5.2.1–3, Okta's and Entra ID's bodies, and client quirks.
import { strict as assert } from 'node:assert';
import { ScimError } from '../src/protocol/errors.js';
import { applyPatch } from '../src/protocol/patch/apply.js';
import { parsePatchRequest } from '../src/protocol/patch/request.js';
import { createSchemaRegistry } from '../src/protocol/resource-schema.js';
import { attribute } from '../src/protocol/schemas/attribute.js';
import { URN, type ScimResource } from '../src/protocol/resource.js';
import { RecordIndex, sameRecord, valuesEqual } from '../src/protocol/patch/values.js';
import type { AttributeDefinition } from '../src/protocol/schema-types.js';
import type { PatchOperation } from '../src/service/scim-service.js';

const registry = createSchemaRegistry();
const ENT = URN.enterpriseUser;
const BABS = '2819c223-7f76-453a-919d-413861904646';
const JAMES = '08e1d05d-121c-4561-8b96-473d93df9210';
const babsMember = { display: 'Babs Jensen', $ref: `https://example.com/v2/Users/${BABS}`, value: BABS };
const jamesMember = { display: 'James Smith', $ref: `https://example.com/v2/Users/${JAMES}`, value: JAMES };

/** Freezes a value and everything in it, so that any write to the input throws. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}

const group = (members?: unknown[]): ScimResource => ({
  schemas: [URN.group],
  id: 'e9e30dba-f08f-4109-8486-d5c6a331660a',
  displayName: 'Tour Guides',
  ...(members === undefined ? {} : { members }),
  meta: { resourceType: 'Group', version: 'W/"3694e05e9dff592"' },
});

const user = (extra: Record<string, unknown> = {}): ScimResource => ({
  schemas: [URN.user],
  id: BABS,
  userName: 'bjensen',
  name: { givenName: 'Barbara', familyName: 'Jensen' },
  active: true,
  emails: [
    { value: 'bjensen@example.com', type: 'work', primary: true },
    { value: 'babs@jensen.org', type: 'home' },
  ],
  ...extra,
});

const workAddress = {
  type: 'work',
  streetAddress: '911 Universal City Plaza',
  locality: 'Hollywood',
  region: 'CA',
  postalCode: '91608',
  country: 'US',
  formatted: '911 Universal City Plaza\nHollywood, CA 91608 US',
  primary: true,
};

interface Case {
  type: 'User' | 'Group';
  resource: ScimResource;
  /** A whole PATCH body, read by parsePatchRequest as the server does. */
  body: unknown;
  want: ScimResource;
  changed: string[];
}

const body = (...Operations: unknown[]) => ({ schemas: [URN.patchOp], Operations });

const cases: [string, Case][] = [
  // RFC 7644 §3.5.2.1 (add)
  [
    'RFC §3.5.2.1: add a member to a group',
    {
      type: 'Group',
      resource: group([jamesMember]),
      body: body({ op: 'add', path: 'members', value: [babsMember] }),
      want: group([jamesMember, babsMember]),
      changed: ['members'],
    },
  ],
  [
    'RFC §3.5.2.1: add an email and a nickname without a path',
    {
      type: 'User',
      resource: user({ emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }] }),
      body: body({
        op: 'add',
        value: { emails: [{ value: 'babs@jensen.org', type: 'home' }], nickname: 'Babs' },
      }),
      want: user({ nickName: 'Babs' }),
      changed: ['emails', 'nickName'],
    },
  ],
  // RFC 7644 §3.5.2.2 (remove)
  [
    'RFC §3.5.2.2: remove one member',
    {
      type: 'Group',
      resource: group([babsMember, jamesMember]),
      body: body({ op: 'remove', path: `members[value eq "${BABS}"]` }),
      want: group([jamesMember]),
      changed: ['members'],
    },
  ],
  [
    'RFC §3.5.2.2: remove all members',
    {
      type: 'Group',
      resource: group([babsMember, jamesMember]),
      body: body({ op: 'remove', path: 'members' }),
      want: group(),
      changed: ['members'],
    },
  ],
  [
    'RFC §3.5.2.2: remove an email by a filter on its sub-attributes',
    {
      type: 'User',
      resource: user(),
      body: body({ op: 'remove', path: 'emails[type eq "work" and value ew "example.com"]' }),
      want: user({ emails: [{ value: 'babs@jensen.org', type: 'home' }] }),
      changed: ['emails'],
    },
  ],
  [
    'RFC §3.5.2.2: replace all members by a remove then an add',
    {
      type: 'Group',
      resource: group([{ value: 'old', display: 'Old' }]),
      body: body(
        { op: 'remove', path: 'members' },
        { op: 'add', path: 'members', value: [babsMember, jamesMember] },
      ),
      want: group([babsMember, jamesMember]),
      changed: ['members'],
    },
  ],
  // RFC 7644 §3.5.2.3 (replace)
  [
    'RFC §3.5.2.3: replace all members',
    {
      type: 'Group',
      resource: group([{ value: 'old', display: 'Old' }]),
      body: body({ op: 'replace', path: 'members', value: [babsMember, jamesMember] }),
      want: group([babsMember, jamesMember]),
      changed: ['members'],
    },
  ],
  [
    'RFC §3.5.2.3: replace the work address',
    {
      type: 'User',
      resource: user({
        addresses: [
          { type: 'work', streetAddress: '1 Old Road' },
          { type: 'home', locality: 'Springfield' },
        ],
      }),
      body: body({ op: 'replace', path: 'addresses[type eq "work"]', value: workAddress }),
      want: user({ addresses: [workAddress, { type: 'home', locality: 'Springfield' }] }),
      changed: ['addresses'],
    },
  ],
  [
    'RFC §3.5.2.3: replace the street of the work address',
    {
      type: 'User',
      resource: user({ addresses: [workAddress] }),
      body: body({
        op: 'replace',
        path: 'addresses[type eq "work"].streetAddress',
        value: '1010 Broadway Ave',
      }),
      want: user({ addresses: [{ ...workAddress, streetAddress: '1010 Broadway Ave' }] }),
      changed: ['addresses'],
    },
  ],
  [
    'RFC §3.5.2.3: replace emails and nickname without a path',
    {
      type: 'User',
      resource: user({ emails: [{ value: 'old@example.com' }], nickName: 'B' }),
      body: body({
        op: 'replace',
        value: {
          emails: [
            { value: 'bjensen@example.com', type: 'work', primary: true },
            { value: 'babs@jensen.org', type: 'home' },
          ],
          nickname: 'Babs',
        },
      }),
      want: user({ nickName: 'Babs' }),
      changed: ['emails', 'nickName'],
    },
  ],
  // Okta (okta-provisioning.md)
  [
    'Okta: deactivate',
    {
      type: 'User',
      resource: user(),
      body: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'replace', value: { active: false } }],
      },
      want: user({ active: false }),
      changed: ['active'],
    },
  ],
  [
    'Okta: group rename with the id in the value (ignored)',
    {
      type: 'Group',
      resource: group([babsMember]),
      body: body({
        op: 'replace',
        value: { id: 'e9e30dba-f08f-4109-8486-d5c6a331660a', displayName: 'Tour Leaders' },
      }),
      want: { ...group([babsMember]), displayName: 'Tour Leaders' },
      changed: ['displayName'],
    },
  ],
  [
    'Okta: group rename with a different id (still ignored)',
    {
      type: 'Group',
      resource: group(),
      body: body({ op: 'replace', value: { id: 'someone-else', displayName: 'X' } }),
      want: { ...group(), displayName: 'X' },
      changed: ['displayName'],
    },
  ],
  [
    'Okta: remove a member',
    {
      type: 'Group',
      resource: group([babsMember, jamesMember]),
      body: body({ op: 'remove', path: `members[value eq "${JAMES}"]` }),
      want: group([babsMember]),
      changed: ['members'],
    },
  ],
  [
    'Okta: removing a member that is not there succeeds and changes nothing',
    {
      type: 'Group',
      resource: group([babsMember]),
      body: body({ op: 'remove', path: 'members[value eq "nobody"]' }),
      want: group([babsMember]),
      changed: [],
    },
  ],
  [
    'Okta: add a member',
    {
      type: 'Group',
      resource: group(),
      body: body({ op: 'add', path: 'members', value: [{ value: BABS, display: 'Babs Jensen' }] }),
      want: group([{ value: BABS, display: 'Babs Jensen' }]),
      changed: ['members'],
    },
  ],
  [
    'Okta: adding a member already there does not repeat it',
    {
      type: 'Group',
      resource: group([{ value: BABS, display: 'Babs Jensen' }]),
      body: body({
        op: 'add',
        path: 'members',
        value: [{ value: BABS, display: 'Babs Jensen' }, { value: JAMES }],
      }),
      want: group([{ value: BABS, display: 'Babs Jensen' }, { value: JAMES }]),
      changed: ['members'],
    },
  ],
  [
    'Okta: replace members',
    {
      type: 'Group',
      resource: group([babsMember]),
      body: body({ op: 'replace', path: 'members', value: [{ value: JAMES, display: 'James Smith' }] }),
      want: group([{ value: JAMES, display: 'James Smith' }]),
      changed: ['members'],
    },
  ],
  [
    'Okta: replace members with none',
    {
      type: 'Group',
      resource: group([babsMember]),
      body: body({ op: 'replace', path: 'members', value: [] }),
      want: group(),
      changed: ['members'],
    },
  ],
  [
    'Okta: password push',
    {
      type: 'User',
      resource: user(),
      body: body({ op: 'replace', value: { password: 'n3w-Secret' } }),
      want: user({ password: 'n3w-Secret' }),
      changed: ['password'],
    },
  ],
  // Entra ID and other clients
  [
    'quirk: op in any case, string boolean',
    {
      type: 'User',
      resource: user(),
      body: body({ op: 'Replace', path: 'active', value: 'False' }),
      want: user({ active: false }),
      changed: ['active'],
    },
  ],
  [
    'quirk: dotted keys in a value object',
    {
      type: 'User',
      resource: user(),
      body: body({ op: 'replace', value: { 'name.givenName': 'Babs', 'NAME.familyName': 'Jensen' } }),
      want: user({ name: { givenName: 'Babs', familyName: 'Jensen' } }),
      changed: ['name.givenName'],
    },
  ],
  [
    'quirk: a complex value merges its sub-attributes and lists each one changed',
    {
      type: 'User',
      resource: user(),
      body: body({ op: 'replace', value: { name: { givenName: 'Babs', middleName: 'J' } } }),
      want: user({ name: { givenName: 'Babs', familyName: 'Jensen', middleName: 'J' } }),
      changed: ['name.givenName', 'name.middleName'],
    },
  ],
  [
    'quirk: the extension URN with the attribute as a key (Entra ID manager)',
    {
      type: 'User',
      resource: user(),
      body: body({
        op: 'Add',
        value: { [`${ENT}:manager`]: 'boss-id', [`${ENT}:employeeNumber`]: '701984' },
      }),
      want: user({
        schemas: [URN.user, ENT],
        [ENT]: { manager: { value: 'boss-id' }, employeeNumber: '701984' },
      }),
      changed: [`${ENT}:manager.value`, `${ENT}:employeeNumber`],
    },
  ],
  [
    'quirk: an extension object in a value object',
    {
      type: 'User',
      resource: user({ schemas: [URN.user, ENT], [ENT]: { department: 'Tour' } }),
      body: body({ op: 'replace', value: { [ENT]: { department: 'Ops', 'manager.value': 'm2' } } }),
      want: user({ schemas: [URN.user, ENT], [ENT]: { department: 'Ops', manager: { value: 'm2' } } }),
      changed: [`${ENT}:department`, `${ENT}:manager.value`],
    },
  ],
  [
    'extension path: replace the manager',
    {
      type: 'User',
      resource: user({
        schemas: [URN.user, ENT],
        [ENT]: { manager: { value: 'm1', displayName: 'Old Boss' } },
      }),
      body: body({ op: 'replace', path: `${ENT}:manager`, value: { value: 'm2' } }),
      want: user({ schemas: [URN.user, ENT], [ENT]: { manager: { value: 'm2', displayName: 'Old Boss' } } }),
      changed: [`${ENT}:manager.value`],
    },
  ],
  [
    'extension path: set the employee number creates the extension and lists it',
    {
      type: 'User',
      resource: user(),
      body: body({ op: 'replace', path: `${ENT}:employeeNumber`, value: '701984' }),
      want: user({ schemas: [URN.user, ENT], [ENT]: { employeeNumber: '701984' } }),
      changed: [`${ENT}:employeeNumber`],
    },
  ],
  [
    'extension path: removing the last attribute removes the extension',
    {
      type: 'User',
      resource: user({ schemas: [URN.user, ENT], [ENT]: { employeeNumber: '7' } }),
      body: body({ op: 'remove', path: `${ENT}:employeeNumber` }),
      want: user(),
      changed: [`${ENT}:employeeNumber`],
    },
  ],
  [
    'extension path: removing from an absent extension does nothing',
    {
      type: 'User',
      resource: user(),
      body: body({ op: 'remove', path: `${ENT}:employeeNumber` }),
      want: user(),
      changed: [],
    },
  ],
  [
    'extension URN path: add sets the attributes of the object, as without a path',
    {
      type: 'User',
      resource: user(),
      body: body({ op: 'add', path: ENT, value: { employeeNumber: '701984', 'manager.value': 'm1' } }),
      want: user({ schemas: [URN.user, ENT], [ENT]: { employeeNumber: '701984', manager: { value: 'm1' } } }),
      changed: [`${ENT}:employeeNumber`, `${ENT}:manager.value`],
    },
  ],
  [
    'extension URN path in any case: replace merges into the extension',
    {
      type: 'User',
      resource: user({ schemas: [URN.user, ENT], [ENT]: { department: 'Tour', employeeNumber: '7' } }),
      body: body({ op: 'replace', path: ENT.toLowerCase(), value: { department: 'Ops' } }),
      want: user({ schemas: [URN.user, ENT], [ENT]: { department: 'Ops', employeeNumber: '7' } }),
      changed: [`${ENT}:department`],
    },
  ],
  [
    'extension URN path: remove removes the whole extension',
    {
      type: 'User',
      resource: user({ schemas: [URN.user, ENT], [ENT]: { department: 'Tour', employeeNumber: '7' } }),
      body: body({ op: 'remove', path: ENT }),
      want: user(),
      changed: [`${ENT}:employeeNumber`, `${ENT}:department`],
    },
  ],
  [
    'extension URN path: removing an absent extension does nothing',
    {
      type: 'User',
      resource: user(),
      body: body({ op: 'remove', path: ENT }),
      want: user(),
      changed: [],
    },
  ],
  [
    'extension path: adding null creates no empty extension',
    {
      type: 'User',
      resource: user(),
      body: body({ op: 'add', path: `${ENT}:employeeNumber`, value: null }),
      want: user(),
      changed: [],
    },
  ],
  [
    'sub-attribute path: name.familyName',
    {
      type: 'User',
      resource: user(),
      body: body({ op: 'replace', path: 'Name.FamilyName', value: 'Jensen-Smith' }),
      want: user({ name: { givenName: 'Barbara', familyName: 'Jensen-Smith' } }),
      changed: ['name.familyName'],
    },
  ],
  [
    'sub-attribute path: remove name.givenName, and name when it empties',
    {
      type: 'User',
      resource: user({ name: { givenName: 'Barbara' } }),
      body: body({ op: 'remove', path: 'name.givenName' }),
      want: (() => {
        const u = user();
        delete u.name;
        return u;
      })(),
      changed: ['name.givenName'],
    },
  ],
  [
    'filtered sub-attribute: the work email value',
    {
      type: 'User',
      resource: user(),
      body: body({ op: 'replace', path: 'emails[type eq "work"].value', value: 'barbara@example.com' }),
      want: user({
        emails: [
          { value: 'barbara@example.com', type: 'work', primary: true },
          { value: 'babs@jensen.org', type: 'home' },
        ],
      }),
      changed: ['emails'],
    },
  ],
  [
    'Entra ID: add a work email through a filter that matches nothing',
    {
      type: 'User',
      resource: user({ emails: [{ value: 'babs@jensen.org', type: 'home' }] }),
      body: body({ op: 'Add', path: 'emails[type eq "work"].value', value: 'bjensen@example.com' }),
      want: user({
        emails: [
          { value: 'babs@jensen.org', type: 'home' },
          { type: 'work', value: 'bjensen@example.com' },
        ],
      }),
      changed: ['emails'],
    },
  ],
  [
    'Entra ID: replace a sub-attribute through a filter that matches nothing adds the record',
    {
      type: 'User',
      resource: user({ phoneNumbers: undefined }),
      body: body({
        op: 'replace',
        path: 'phoneNumbers[type eq "mobile" and primary eq true].value',
        value: '+1 555 0100',
      }),
      want: user({ phoneNumbers: [{ type: 'mobile', primary: true, value: '+1 555 0100' }] }),
      changed: ['phoneNumbers'],
    },
  ],
  [
    'Entra ID: remove members listed in the value',
    {
      type: 'Group',
      resource: group([babsMember, jamesMember]),
      body: body({ op: 'Remove', path: 'members', value: [{ value: BABS }] }),
      want: group([jamesMember]),
      changed: ['members'],
    },
  ],
  [
    'primary: adding a primary email clears the old primary',
    {
      type: 'User',
      resource: user(),
      body: body({
        op: 'add',
        path: 'emails',
        value: [{ value: 'new@example.com', type: 'other', primary: true }],
      }),
      want: user({
        emails: [
          { value: 'bjensen@example.com', type: 'work', primary: false },
          { value: 'babs@jensen.org', type: 'home' },
          { value: 'new@example.com', type: 'other', primary: true },
        ],
      }),
      changed: ['emails'],
    },
  ],
  [
    'primary: making the home email primary through a filter',
    {
      type: 'User',
      resource: user(),
      body: body({ op: 'replace', path: 'emails[type eq "home"].primary', value: true }),
      want: user({
        emails: [
          { value: 'bjensen@example.com', type: 'work', primary: false },
          { value: 'babs@jensen.org', type: 'home', primary: true },
        ],
      }),
      changed: ['emails'],
    },
  ],
  [
    'primary: a replace of the whole attribute keeps only the last record given as primary',
    {
      type: 'User',
      resource: user(),
      body: body({
        op: 'replace',
        path: 'emails',
        value: [
          { value: 'a@example.com', primary: true },
          { value: 'b@example.com', primary: 'true' },
        ],
      }),
      want: user({
        emails: [
          { value: 'a@example.com', primary: false },
          { value: 'b@example.com', primary: true },
        ],
      }),
      changed: ['emails'],
    },
  ],
  [
    'primary: a filter matching several records makes only the last of them primary',
    {
      type: 'User',
      resource: user({
        emails: [
          { value: 'bjensen@example.com', type: 'work', primary: true },
          { value: 'babs@jensen.org', type: 'home' },
          { value: 'barbara@jensen.org', type: 'home' },
        ],
      }),
      body: body({ op: 'replace', path: 'emails[type eq "home"].primary', value: true }),
      want: user({
        emails: [
          { value: 'bjensen@example.com', type: 'work', primary: false },
          { value: 'babs@jensen.org', type: 'home', primary: false },
          { value: 'barbara@jensen.org', type: 'home', primary: true },
        ],
      }),
      changed: ['emails'],
    },
  ],
  [
    'primary: a sub-attribute set on every record leaves one primary',
    {
      type: 'User',
      resource: user(),
      body: body({ op: 'replace', path: 'emails.primary', value: true }),
      want: user({
        emails: [
          { value: 'bjensen@example.com', type: 'work', primary: false },
          { value: 'babs@jensen.org', type: 'home', primary: true },
        ],
      }),
      changed: ['emails.primary'],
    },
  ],
  [
    'add merges into the same record instead of repeating it',
    {
      type: 'User',
      resource: user(),
      body: body({
        op: 'add',
        path: 'emails',
        value: { value: 'BJENSEN@example.com', type: 'work', display: 'Work' },
      }),
      want: user({
        emails: [
          { value: 'BJENSEN@example.com', type: 'work', primary: true, display: 'Work' },
          { value: 'babs@jensen.org', type: 'home' },
        ],
      }),
      changed: ['emails'],
    },
  ],
  [
    'a sub-attribute of a multi-valued attribute with no records starts it with one (replace is add, §3.5.2.3)',
    {
      type: 'User',
      resource: user(),
      body: body({ op: 'replace', path: 'phoneNumbers.value', value: '+1 555 0100' }),
      want: user({ phoneNumbers: [{ value: '+1 555 0100' }] }),
      changed: ['phoneNumbers.value'],
    },
  ],
  [
    'a null sub-attribute of a multi-valued attribute with no records adds nothing',
    {
      type: 'User',
      resource: user(),
      body: body({ op: 'add', path: 'phoneNumbers.value', value: null }),
      want: user(),
      changed: [],
    },
  ],
  [
    'multi-valued sub-attribute without a filter applies to every record',
    {
      type: 'User',
      resource: user(),
      body: body({ op: 'remove', path: 'emails.type' }),
      want: user({ emails: [{ value: 'bjensen@example.com', primary: true }, { value: 'babs@jensen.org' }] }),
      changed: ['emails.type'],
    },
  ],
  [
    'replacing a value with the same value lists no change',
    {
      type: 'User',
      resource: user(),
      body: body({ op: 'replace', value: { active: true, userName: 'bjensen' } }),
      want: user(),
      changed: [],
    },
  ],
  [
    'empty Operations',
    {
      type: 'User',
      resource: user(),
      body: { schemas: [URN.patchOp], Operations: [] },
      want: user(),
      changed: [],
    },
  ],
  [
    'missing schemas is tolerated',
    {
      type: 'User',
      resource: user(),
      body: { Operations: [{ op: 'replace', path: 'active', value: false }] },
      want: user({ active: false }),
      changed: ['active'],
    },
  ],
  [
    'an attribute stored in another case is rewritten in canonical case',
    {
      type: 'User',
      resource: { schemas: [URN.user], id: '1', UserName: 'b', DisplayName: 'Old' },
      body: body({ op: 'replace', path: 'displayname', value: 'New' }),
      want: { schemas: [URN.user], id: '1', UserName: 'b', displayName: 'New' },
      changed: ['displayName'],
    },
  ],
  [
    'unknown attributes and schemas inside a value object are ignored',
    {
      type: 'User',
      resource: user(),
      body: body({
        op: 'add',
        value: {
          schemas: ['x'],
          favouriteColour: 'red',
          title: 'Tour Guide',
          meta: { version: 'x' },
          groups: [{ value: 'g' }],
        },
      }),
      want: user({ title: 'Tour Guide' }),
      changed: ['title'],
    },
  ],
  [
    'add of nothing and replace of no sub-attribute change nothing; replace with null unassigns',
    {
      type: 'User',
      resource: user({ nickName: 'Babs' }),
      body: body(
        { op: 'add', path: 'title', value: null },
        { op: 'replace', path: 'name', value: {} },
        { op: 'replace', path: 'nickName', value: null },
      ),
      want: user(),
      changed: ['nickName'],
    },
  ],
  [
    'replacing a read-only attribute by path with its own value is a no-op',
    {
      type: 'User',
      resource: user(),
      body: body({ op: 'replace', path: 'id', value: BABS }),
      want: user(),
      changed: [],
    },
  ],
  [
    'changing the display of a member keeps its immutable value',
    {
      type: 'Group',
      resource: group([{ value: BABS, display: 'Babs' }]),
      body: body({
        op: 'replace',
        path: `members[value eq "${BABS}"]`,
        value: { value: BABS, display: 'Barbara' },
      }),
      want: group([{ value: BABS, display: 'Barbara' }]),
      changed: ['members'],
    },
  ],
];

describe('applyPatch', () => {
  for (const [name, { type, resource, body: given, want, changed }] of cases) {
    it(name, () => {
      const schema = registry.forType(type);
      const input = deepFreeze(structuredClone(resource));
      const operations = parsePatchRequest(deepFreeze(structuredClone(given)));
      const result = applyPatch(input, operations, schema);
      assert.deepEqual(result.resource, JSON.parse(JSON.stringify(want)));
      assert.deepEqual(result.changed, changed);
      assert.deepEqual(input, resource, 'the input is unchanged');
    });
  }

  it('takes a custom extension URN as a path, and refuses a value that is no object', () => {
    const CUSTOM = 'urn:example:params:scim:schemas:extension:custom:2.0:User';
    const schema = createSchemaRegistry({
      userExtensions: [{ id: CUSTOM, name: 'Custom', attributes: [attribute('costCenter')] }],
    }).user;
    const added = applyPatch(user(), [{ op: 'add', path: CUSTOM, value: { costCenter: 'cc1' } }], schema);
    assert.deepEqual(added.resource[CUSTOM], { costCenter: 'cc1' });
    assert.deepEqual(added.resource.schemas, [URN.user, CUSTOM]);
    const removed = applyPatch(added.resource, [{ op: 'remove', path: CUSTOM }], schema);
    assert.deepEqual(removed.resource, user());
    assert.throws(
      () => applyPatch(user(), [{ op: 'replace', path: CUSTOM, value: 'cc1' }], schema),
      (error: ScimError) => error.code === 'SCIM_ERR_INVALID_VALUE',
    );
  });

  it('applies operations handed over directly, op in any case', () => {
    const ops = [{ op: 'REPLACE', path: 'active', value: false }] as unknown as PatchOperation[];
    assert.equal(applyPatch(user(), ops, registry.user).resource.active, false);
  });

  it('shares nothing with its input', () => {
    const input = user();
    const { resource } = applyPatch(input, [], registry.user);
    assert.notEqual(resource.emails, input.emails);
    assert.deepEqual(resource, input);
  });

  it('gives a resource stored without schemas the core URN and the extensions it now holds', () => {
    const { schemas: _schemas, ...stored } = user();
    const { resource } = applyPatch(
      stored as ScimResource,
      [{ op: 'add', path: `${ENT}:employeeNumber`, value: '7' }],
      registry.user,
    );
    assert.deepEqual(resource.schemas, [URN.user, ENT]);
  });
});

describe('PATCH value comparison', () => {
  const def = (type: AttributeDefinition['type'], caseExact = false): AttributeDefinition => ({
    name: 'x',
    type,
    multiValued: true,
    required: false,
    caseExact,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
  });
  const cases: [string, { a: unknown; b: unknown; def: AttributeDefinition; want: boolean }][] = [
    [
      'dateTimes as instants',
      { a: '2026-01-01T00:00:00Z', b: '2026-01-01T01:00:00+01:00', def: def('dateTime'), want: true },
    ],
    ['dateTimes that do not parse, as strings', { a: 'soon', b: 'SOON', def: def('dateTime'), want: true }],
    ['strings ignoring case', { a: 'Admin', b: 'admin', def: def('string'), want: true }],
    ['case-exact strings', { a: 'Admin', b: 'admin', def: def('string', true), want: false }],
    ['numbers', { a: 1, b: 1, def: def('integer'), want: true }],
  ];
  for (const [name, { a, b, def: d, want }] of cases) {
    it(name, () => {
      assert.equal(valuesEqual(a, b, d), want);
      assert.equal(sameRecord(a, b, d), want);
      assert.deepEqual(new RecordIndex([a], d).matches(b), want ? [0] : [], 'RecordIndex agrees');
    });
  }

  it('RecordIndex finds exactly what sameRecord finds, whatever the values', () => {
    const emails = registry.user.resolve({ name: 'emails' })?.attribute as AttributeDefinition;
    const records: unknown[] = [
      { value: 'A@x.com', type: 'work' },
      { value: 'a@X.com', type: 'home' },
      { value: 'a@x.com' },
      { type: 'work' },
      { value: 7 },
      { value: '7' },
      { value: null },
      { value: { nested: 1 } },
      'bare',
      null,
    ];
    const candidates: unknown[] = [
      ...records,
      { value: 'A@X.COM', type: 'WORK' },
      { value: 'a@x.com', type: 'other' },
      { value: 7, type: 'work' },
      { VALUE: '7' },
      { value: { nested: 1 } },
      {},
    ];
    const index = new RecordIndex(records, emails);
    for (const candidate of candidates) {
      const want = records.flatMap((record, i) => (sameRecord(record, candidate, emails) ? [i] : []));
      assert.deepEqual(index.matches(candidate), want, JSON.stringify(candidate));
    }
  });

  it('adds and removes members in time linear in the group, not in members × given', () => {
    // Timed against itself at a tenth of the size, in the same run (absolute times mean nothing on a
    // shared machine): linear work grows about 10× (7× measured), comparing every pair grew 100× (over 30 s).
    const elapsed = (size: number): number => {
      const big = group(Array.from({ length: size }, (_, i) => ({ value: `u${i}` })));
      const some = (prefix: string) =>
        Array.from({ length: size / 10 }, (_, i) => ({ value: `${prefix}${i}` }));
      const started = process.hrtime.bigint();
      const added = applyPatch(big, [{ op: 'add', path: 'members', value: some('n') }], registry.group);
      assert.equal((added.resource.members as unknown[]).length, size * 1.1);
      const removed = applyPatch(big, [{ op: 'remove', path: 'members', value: some('U') }], registry.group);
      assert.equal((removed.resource.members as unknown[]).length, size * 0.9);
      return Number(process.hrtime.bigint() - started);
    };
    const median = (runs: number[]): number => [...runs].sort((a, b) => a - b)[1] as number;
    elapsed(2000);
    const small = median([elapsed(2000), elapsed(2000), elapsed(2000)]);
    const large = median([elapsed(20_000), elapsed(20_000), elapsed(20_000)]);
    assert.ok(large / small < 40, `10× the members took ${(large / small).toFixed(1)}× the time`);
  });

  it('removes through value filters in time linear in values + operations, not in their product', () => {
    // Timed against itself at a tenth of the size in the same run: one pass per PATCH grows ~10×,
    // one pass per operation grew 100× (10,000 removals of 10,000 members blocked a server 29 s).
    const elapsed = (size: number, attribute: 'members' | 'emails'): number => {
      const records = Array.from({ length: size }, (_, i) => ({ value: `u${i}@x` }));
      const resource = attribute === 'members' ? group(records) : user({ emails: records });
      const operations = Array.from({ length: size }, (_, i) => ({
        op: 'remove' as const,
        path: `${attribute}[value eq "U${i * 2}@X"]`,
      }));
      const started = process.hrtime.bigint();
      const { resource: after } = applyPatch(
        resource,
        operations,
        registry.forType(attribute === 'members' ? 'Group' : 'User'),
      );
      assert.equal((after[attribute] as unknown[]).length, size / 2);
      return Number(process.hrtime.bigint() - started);
    };
    const median = (runs: number[]): number => [...runs].sort((a, b) => a - b)[1] as number;
    for (const attribute of ['members', 'emails'] as const) {
      elapsed(1000, attribute);
      const small = median([elapsed(1000, attribute), elapsed(1000, attribute), elapsed(1000, attribute)]);
      const large = median([
        elapsed(10_000, attribute),
        elapsed(10_000, attribute),
        elapsed(10_000, attribute),
      ]);
      assert.ok(
        large / small < 40,
        `${attribute}: 10× the size took ${(large / small).toFixed(1)}× the time`,
      );
    }
  });

  it('removals through value filters in one PATCH do what they do one PATCH at a time', () => {
    const members = [
      { value: 'a', display: 'Ann' },
      { value: 'B', display: 'Bob', type: 'User' },
      { value: 'c', display: 'Cy', type: 'Group' },
      { value: 'd' },
      { value: 'e', display: 'Eve' },
    ];
    const operations: PatchOperation[] = [
      { op: 'remove', path: 'members[value eq "b"]' },
      { op: 'remove', path: 'members[type eq "Group" and display sw "c"]' },
      { op: 'remove', path: 'members[value eq "zz"]' },
      { op: 'remove', path: 'members[display eq "Eve"]' },
      { op: 'add', path: 'members', value: [{ value: 'e' }] },
      { op: 'remove', path: 'members[value eq "e"]' },
      { op: 'remove', path: 'members[value eq "a"].display' },
    ];
    const oneByOne = operations.reduce(
      (resource, operation) => applyPatch(resource, [operation], registry.group).resource,
      group(members),
    );
    const together = applyPatch(group(members), operations, registry.group).resource;
    assert.deepEqual(together, oneByOne);
    assert.deepEqual(together.members, [{ value: 'a' }, { value: 'd' }]);
  });

  it('records of a complex attribute without a value sub-attribute are the same when equal', () => {
    const addresses = registry.user.resolve({ name: 'addresses' })?.attribute as AttributeDefinition;
    assert.equal(
      sameRecord({ type: 'work', locality: 'X' }, { locality: 'X', type: 'work' }, addresses),
      true,
    );
    assert.equal(sameRecord({ type: 'work', locality: 'X' }, { type: 'work' }, addresses), false);
  });
});
