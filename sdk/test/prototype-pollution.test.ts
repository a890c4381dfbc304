// No PATCH, resource body, projection or filter can write to Object.prototype or to a resource's prototype.
import { strict as assert } from 'node:assert';
import { ScimError } from '../src/protocol/errors.js';
import { evaluateFilter } from '../src/protocol/filter/evaluate.js';
import { parseFilter } from '../src/protocol/filter/parser.js';
import { applyPatch } from '../src/protocol/patch/apply.js';
import { parsePatchRequest } from '../src/protocol/patch/request.js';
import { projectResource } from '../src/protocol/projection.js';
import { createSchemaRegistry } from '../src/protocol/resource-schema.js';
import { URN, type ScimResource } from '../src/protocol/resource.js';
import { validateResource } from '../src/protocol/validate-resource.js';

const registry = createSchemaRegistry();
const ENT = URN.enterpriseUser;
const user = (): ScimResource => ({
  schemas: [URN.user],
  id: 'u1',
  userName: 'b',
  name: { givenName: 'B' },
  emails: [{ value: 'e', type: 'work' }],
});

/** Attack strings: every way a key or path could name the prototype. */
const names = ['__proto__', 'constructor', 'prototype', '__PROTO__', 'Constructor'];
const patchBodies: string[] = [
  ...names.flatMap((name) => [
    `{"Operations":[{"op":"add","path":"${name}.polluted","value":"yes"}]}`,
    `{"Operations":[{"op":"add","path":"${name}","value":{"polluted":"yes"}}]}`,
    `{"Operations":[{"op":"replace","path":"name.${name}","value":{"polluted":"yes"}}]}`,
    `{"Operations":[{"op":"add","path":"emails[type eq \\"work\\"].${name}","value":{"polluted":"yes"}}]}`,
    `{"Operations":[{"op":"add","path":"emails[${name} eq \\"x\\"].value","value":"yes"}]}`,
    `{"Operations":[{"op":"add","value":{"${name}":{"polluted":"yes"}}}]}`,
    `{"Operations":[{"op":"add","value":{"name":{"${name}":{"polluted":"yes"}}}}]}`,
    `{"Operations":[{"op":"add","value":{"${name}.polluted":"yes"}}]}`,
    `{"Operations":[{"op":"add","value":{"name.${name}":{"polluted":"yes"}}}]}`,
    `{"Operations":[{"op":"add","value":{"${ENT}:${name}":{"polluted":"yes"}}}]}`,
    `{"Operations":[{"op":"add","value":{"${ENT}":{"${name}":{"polluted":"yes"}}}}]}`,
    `{"Operations":[{"op":"add","path":"${ENT}:${name}","value":{"polluted":"yes"}}]}`,
    `{"Operations":[{"op":"add","path":"emails","value":[{"${name}":{"polluted":"yes"}}]}]}`,
    `{"${name}":{"polluted":"yes"},"Operations":[]}`,
  ]),
];
const resourceBodies: string[] = names.flatMap((name) => [
  `{"userName":"b","${name}":{"polluted":"yes"}}`,
  `{"userName":"b","name":{"${name}":{"polluted":"yes"}}}`,
  `{"userName":"b","emails":[{"${name}":{"polluted":"yes"}}]}`,
  `{"userName":"b","${ENT}":{"${name}":{"polluted":"yes"}}}`,
  `{"userName":"b","${ENT}:${name}":{"polluted":"yes"}}`,
  `{"userName":"b","${name}.polluted":"yes"}`,
]);
const filters: string[] = names.flatMap((name) => [
  `${name} eq "x"`,
  `${name}.polluted eq "x"`,
  `emails[${name} eq "x"]`,
  `${ENT}:${name} pr`,
]);
const projections: string[][] = names.map((name) => [
  name,
  `${name}.polluted`,
  `name.${name}`,
  `${ENT}:${name}`,
]);

function assertClean(): void {
  assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), baseline);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
}

/** Runs `attempt`; it may succeed or throw a ScimError, nothing else, and must leave no trace on any prototype. */
function attack(attempt: () => unknown): void {
  try {
    const result = attempt();
    if (typeof result === 'object' && result !== null) {
      const proto: unknown = Object.getPrototypeOf(result);
      assert.ok(proto === Object.prototype || proto === null, 'the result has a plain prototype');
      assert.equal((result as Record<string, unknown>).polluted, undefined);
    }
  } catch (err) {
    assert.ok(err instanceof ScimError, `expected a ScimError, got ${String(err)}`);
  }
  assertClean();
}

const baseline = Object.getOwnPropertyNames(Object.prototype).sort();

describe('prototype pollution', () => {
  afterEach(assertClean);

  it(`PATCH bodies (${patchBodies.length}) are refused or harmless`, () => {
    for (const text of patchBodies) {
      attack(() => applyPatch(user(), parsePatchRequest(JSON.parse(text)), registry.user).resource);
    }
  });

  it('every PATCH body naming the prototype in a path or key is refused with invalidPath', () => {
    for (const text of patchBodies) {
      assert.throws(
        () => applyPatch(user(), parsePatchRequest(JSON.parse(text)), registry.user),
        (err: unknown) =>
          err instanceof ScimError && (err.scimType === 'invalidPath' || err.scimType === 'invalidFilter'),
        text,
      );
    }
  });

  it(`resource bodies (${resourceBodies.length}) are refused or harmless`, () => {
    for (const text of resourceBodies) attack(() => validateResource(JSON.parse(text), registry.user));
  });

  it(`filters (${filters.length}) are refused or match nothing`, () => {
    for (const text of filters) {
      attack(() => ({ matched: evaluateFilter(parseFilter(text), user(), registry.user) }));
    }
  });

  it(`projections (${projections.length}) ignore prototype names`, () => {
    for (const attributes of projections) {
      attack(() => projectResource(user(), registry.user, { attributes }));
      attack(() => projectResource(user(), registry.user, { excludedAttributes: attributes }));
    }
  });

  it('a resource carrying an own __proto__ key (from JSON.parse) is patched and projected without reaching the prototype', () => {
    const stored = JSON.parse(
      `{"schemas":["${URN.user}"],"id":"u1","userName":"b","__proto__":{"polluted":"yes"}}`,
    ) as ScimResource;
    attack(
      () => applyPatch(stored, [{ op: 'replace', path: 'userName', value: 'c' }], registry.user).resource,
    );
    attack(() => projectResource(stored, registry.user));
  });
});
