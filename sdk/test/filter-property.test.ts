// Property tests of the filter grammar: errors are always ScimErrors, stringify round-trips, and evaluation agrees with a naive reference.
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import fc from 'fast-check';
import { ScimError } from '../src/protocol/errors.js';
import type { AttrPath, CompareOp, Filter, FilterValue } from '../src/protocol/filter/ast.js';
import { evaluateFilter } from '../src/protocol/filter/evaluate.js';
import { parseFilter, parsePatchPath } from '../src/protocol/filter/parser.js';
import { stringifyFilter } from '../src/protocol/filter/stringify.js';
import { URN } from '../src/protocol/resource.js';
import type { ScimResource } from '../src/protocol/resource.js';
import { createSchemaRegistry } from '../src/protocol/resource-schema.js';
import { attribute } from '../src/protocol/schemas/attribute.js';

const seed = 20261128;
const numRuns = 400;
const params = { seed, numRuns };
console.log(`filter-property: fast-check seed ${seed}, numRuns ${numRuns}`);

/** Records with Object.prototype, so that deep equality with parsed ASTs holds. */
function rec<T>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }): fc.Arbitrary<T> {
  return fc.record(model, { noNullPrototype: true });
}

const OPS: CompareOp[] = ['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le'];
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

const tokens = fc.constantFrom(
  '(',
  ')',
  '[',
  ']',
  '"',
  '\\',
  ' ',
  '  ',
  '.',
  ':',
  'and',
  'OR',
  'not',
  'Not (',
  'eq',
  'pr',
  'GT',
  'co',
  'userName',
  'emails',
  'emails[',
  'type',
  'a.b',
  'urn:x:y:',
  'urn:ietf:params:scim:schemas:core:2.0:User:',
  '"x"',
  '"\\u00e9"',
  '"\\q"',
  '1',
  '-2.5e3',
  '1e999',
  'true',
  'NULL',
  '__proto__',
  'constructor',
  '$ref',
  '\t',
  '\u0000',
);
const soup = fc.oneof(
  fc.array(tokens, { maxLength: 40 }).map((parts) => parts.join('')),
  fc.array(tokens, { maxLength: 40 }).map((parts) => parts.join(' ')),
  fc.string({ unit: 'binary', maxLength: 120 }),
);

describe(`filter grammar properties (fast-check seed ${seed}, ${numRuns} runs)`, () => {
  it('parseFilter and parsePatchPath fail only with their ScimError, positioned inside the text', () => {
    fc.assert(
      fc.property(soup, (text) => {
        for (const [parse, code] of [
          [parseFilter, 'SCIM_ERR_INVALID_FILTER'],
          [parsePatchPath, 'SCIM_ERR_INVALID_PATH'],
        ] as const) {
          try {
            parse(text);
          } catch (error) {
            assert.ok(error instanceof ScimError, `${String(error)} for ${JSON.stringify(text)}`);
            assert.equal(error.code, code);
            assert.equal(error.status, 400);
            assert.ok(
              typeof error.position === 'number' && error.position >= 0 && error.position <= text.length,
            );
          }
        }
      }),
      params,
    );
  });

  const name = fc.oneof(
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/).filter((n) => !RESERVED.has(n.toLowerCase())),
    fc.constantFrom('and', 'OR', 'not', 'pr', 'eq', 'true', 'null', '$ref', 'userName', 'emails'),
  );
  const uri = fc.constantFrom(
    undefined,
    URN.user,
    URN.enterpriseUser,
    'urn:okta:onprem_app:1.0:user:custom',
    'urn:a:b',
    'http://example.com/v1.0',
  );
  const buildPath = (u: string | undefined, n: string, sub: string | undefined): AttrPath => {
    const path: AttrPath = u === undefined ? { name: n } : { uri: u, name: n };
    if (sub !== undefined) path.subAttr = sub;
    return path;
  };
  const attrPath = fc
    .tuple(uri, name, fc.option(name, { nil: undefined }))
    .map(([u, n, s]) => buildPath(u, n, s));
  const plainPath = fc.tuple(uri, name).map(([u, n]) => buildPath(u, n, undefined));
  const value: fc.Arbitrary<FilterValue> = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
  const leaf: fc.Arbitrary<Filter> = fc.oneof(
    rec({ kind: fc.constant('compare' as const), path: attrPath, op: fc.constantFrom(...OPS), value }),
    rec({ kind: fc.constant('present' as const), path: attrPath }),
  );

  function filters(withValuePaths: boolean): fc.Arbitrary<Filter> {
    return fc.letrec<{ filter: Filter }>((tie) => {
      const sub = tie('filter');
      const branches: fc.Arbitrary<Filter>[] = [
        leaf,
        rec({ kind: fc.constantFrom('and' as const, 'or' as const), left: sub, right: sub }),
        rec({ kind: fc.constant('not' as const), filter: sub }),
      ];
      if (withValuePaths) {
        branches.push(
          rec({ kind: fc.constant('valuePath' as const), path: plainPath, filter: filters(false) }),
        );
      }
      return { filter: fc.oneof({ maxDepth: 6, depthSize: 'small' }, ...branches) };
    }).filter;
  }

  it('parseFilter(stringifyFilter(ast)) deep-equals ast', () => {
    fc.assert(
      fc.property(filters(true), (ast) => {
        const text = stringifyFilter(ast);
        assert.deepStrictEqual(parseFilter(text, { maxLength: 1_000_000 }), ast, text);
      }),
      params,
    );
  });

  it('stringify round-trips whatever parses', () => {
    fc.assert(
      fc.property(soup, (text) => {
        let ast: Filter;
        try {
          ast = parseFilter(text);
        } catch {
          return;
        }
        assert.deepStrictEqual(parseFilter(stringifyFilter(ast)), ast);
      }),
      params,
    );
  });

  describe('evaluateFilter agrees with a naive reference evaluator', () => {
    const EXT = 'urn:ietf:params:scim:schemas:extension:test:2.0:User';
    const schema = createSchemaRegistry({
      userExtensions: [{ id: EXT, name: 'Test', attributes: [attribute('level', 'integer')] }],
    }).user;

    interface Email {
      value?: string | undefined;
      type?: string | undefined;
      primary?: boolean | undefined;
    }
    // A generated sample may hold a key whose value is undefined, as an in-memory resource can.
    interface Sample {
      userName?: string | undefined;
      externalId?: string | undefined;
      active?: boolean | undefined;
      lastModified?: string | undefined;
      givenName?: string | undefined;
      emails?: Email[] | undefined;
      level?: number | undefined;
    }

    const strings = ['a', 'A', 'ab', 'Ab', 'b', 'work', 'WORK', 'home', '', 'x@y.com', 'X@Y.COM', '7'];
    const dates = ['2024-01-31T10:00:00Z', '2024-01-31T11:00:00+01:00', '2024-02-01T00:00:00Z', 'garbage'];
    const str = fc.constantFrom(...strings);
    const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const sample: fc.Arbitrary<Sample> = rec({
      userName: opt(str),
      externalId: opt(str),
      active: opt(fc.boolean()),
      lastModified: opt(fc.constantFrom(...dates)),
      givenName: opt(str),
      emails: opt(
        fc.array(rec({ value: opt(str), type: opt(str), primary: opt(fc.boolean()) }), { maxLength: 3 }),
      ),
      level: opt(fc.constantFrom(-1, 0, 2.5, 7)),
    });

    function toResource(s: Sample): ScimResource {
      const resource: ScimResource = { schemas: [URN.user, EXT] };
      if (s.userName !== undefined) resource['userName'] = s.userName;
      if (s.externalId !== undefined) resource.externalId = s.externalId;
      if (s.active !== undefined) resource['active'] = s.active;
      if (s.lastModified !== undefined) resource.meta = { lastModified: s.lastModified };
      if (s.givenName !== undefined) resource['name'] = { givenName: s.givenName };
      if (s.emails !== undefined)
        resource['emails'] = s.emails.map((e) => JSON.parse(JSON.stringify(e)) as object);
      if (s.level !== undefined) resource[EXT] = { level: s.level };
      return resource;
    }

    type Kind = 'string' | 'exact' | 'boolean' | 'date' | 'number';
    const topPaths: [AttrPath, Kind | 'emails', (s: Sample) => unknown[]][] = [
      [{ name: 'userName' }, 'string', (s) => [s.userName]],
      [{ name: 'USERNAME' }, 'string', (s) => [s.userName]],
      [{ name: 'externalId' }, 'exact', (s) => [s.externalId]],
      [{ name: 'active' }, 'boolean', (s) => [s.active]],
      [{ name: 'meta', subAttr: 'lastModified' }, 'date', (s) => [s.lastModified]],
      [{ name: 'name', subAttr: 'givenName' }, 'string', (s) => [s.givenName]],
      [{ name: 'emails' }, 'emails', (s) => (s.emails ?? []).map((e) => e.value)],
      [{ name: 'emails', subAttr: 'value' }, 'string', (s) => (s.emails ?? []).map((e) => e.value)],
      [{ name: 'emails', subAttr: 'type' }, 'string', (s) => (s.emails ?? []).map((e) => e.type)],
      [{ name: 'emails', subAttr: 'primary' }, 'boolean', (s) => (s.emails ?? []).map((e) => e.primary)],
      [{ uri: EXT, name: 'level' }, 'number', (s) => [s.level]],
      [{ name: 'level' }, 'number', (s) => [s.level]],
      [{ name: 'bogus' }, 'string', () => []],
    ];
    const innerPaths: [AttrPath, Kind, (e: Email) => unknown[]][] = [
      [{ name: 'value' }, 'string', (e) => [e.value]],
      [{ name: 'type' }, 'string', (e) => [e.type]],
      [{ name: 'Primary' }, 'boolean', (e) => [e.primary]],
    ];
    const literal: fc.Arbitrary<FilterValue> = fc.oneof(
      str,
      fc.constantFrom(...dates),
      fc.constantFrom(-1, 0, 2.5, 7),
      fc.boolean(),
      fc.constantFrom(null, 'TRUE', 'false'),
    );

    function atoms<T>(paths: [AttrPath, unknown, T][]): fc.Arbitrary<Filter> {
      const path = fc.constantFrom(...paths.map(([p]) => p));
      return fc.oneof(
        rec({ kind: fc.constant('compare' as const), path, op: fc.constantFrom(...OPS), value: literal }),
        rec({ kind: fc.constant('present' as const), path }),
      );
    }
    function tree(atom: fc.Arbitrary<Filter>, extra: fc.Arbitrary<Filter>[]): fc.Arbitrary<Filter> {
      return fc.letrec<{ filter: Filter }>((tie) => ({
        filter: fc.oneof(
          { maxDepth: 4, depthSize: 'small' },
          atom,
          ...extra,
          rec({
            kind: fc.constantFrom('and' as const, 'or' as const),
            left: tie('filter'),
            right: tie('filter'),
          }),
          rec({ kind: fc.constant('not' as const), filter: tie('filter') }),
        ),
      })).filter;
    }
    const valuePath = rec({
      kind: fc.constant('valuePath' as const),
      path: fc.constant({ name: 'emails' }),
      filter: tree(atoms(innerPaths), []),
    });
    const filter = tree(atoms(topPaths), [valuePath]);

    /** Written out case by case, deliberately without the evaluator's helpers. */
    function refCompare(kind: Kind, op: CompareOp, actual: unknown, lit: FilterValue): boolean {
      if (actual === undefined || lit === null) return false;
      const order = (d: number) =>
        op === 'eq'
          ? d === 0
          : op === 'ne'
            ? d !== 0
            : op === 'gt'
              ? d > 0
              : op === 'ge'
                ? d >= 0
                : op === 'lt'
                  ? d < 0
                  : op === 'le'
                    ? d <= 0
                    : false;
      if (kind === 'boolean') {
        const l =
          typeof lit === 'string'
            ? lit.toLowerCase() === 'true'
              ? true
              : lit.toLowerCase() === 'false'
                ? false
                : undefined
            : lit;
        if (typeof l !== 'boolean') return false;
        if (op === 'eq') return actual === l;
        if (op === 'ne') return actual !== l;
        return false;
      }
      if (kind === 'number') {
        const l =
          typeof lit === 'number'
            ? lit
            : typeof lit === 'string' && lit !== '' && !Number.isNaN(Number(lit))
              ? Number(lit)
              : undefined;
        if (l === undefined) return false;
        return order((actual as number) - l);
      }
      if (kind === 'date') {
        if (typeof lit !== 'string') return false;
        const a = (actual as string).toLowerCase();
        const l = lit.toLowerCase();
        if (op === 'co') return a.includes(l);
        if (op === 'sw') return a.startsWith(l);
        if (op === 'ew') return a.endsWith(l);
        const ta = new Date(actual as string).getTime();
        const tl = new Date(lit).getTime();
        if (Number.isNaN(ta) || Number.isNaN(tl)) return false;
        return order(ta - tl);
      }
      let a = actual as string;
      let l = String(lit);
      if (kind === 'string') {
        a = a.toLowerCase();
        l = l.toLowerCase();
      }
      if (op === 'co') return a.includes(l);
      if (op === 'sw') return a.startsWith(l);
      if (op === 'ew') return a.endsWith(l);
      return order(a === l ? 0 : a < l ? -1 : 1);
    }

    function refAtom(f: Filter, kind: Kind, values: unknown[], presentValues: unknown[]): boolean {
      const present = presentValues.filter((v) => v !== undefined && v !== '');
      if (f.kind === 'present') return present.length > 0;
      if (f.kind !== 'compare') throw new Error('not an atom');
      if (f.value === null)
        return f.op === 'eq' ? present.length === 0 : f.op === 'ne' ? present.length > 0 : false;
      return values.some((v) => refCompare(kind, f.op, v, f.value));
    }

    function ref(f: Filter, s: Sample): boolean {
      switch (f.kind) {
        case 'and':
          return ref(f.left, s) && ref(f.right, s);
        case 'or':
          return ref(f.left, s) || ref(f.right, s);
        case 'not':
          return !ref(f.filter, s);
        case 'valuePath':
          return (s.emails ?? []).some((e) => refInner(f.filter, e));
        default: {
          const entry = topPaths.find(([p]) => p === f.path);
          if (entry === undefined) throw new Error('unknown path');
          const [path, kind, read] = entry;
          if (path.name === 'bogus') return false;
          if (kind === 'emails') {
            // The emails themselves are present when one has any non-empty field.
            const nonEmpty = (s.emails ?? []).filter((e) =>
              Object.values(e).some((v) => v !== undefined && v !== ''),
            );
            return refAtom(f, 'string', read(s), nonEmpty);
          }
          return refAtom(f, kind, read(s), read(s));
        }
      }
    }

    function refInner(f: Filter, e: Email): boolean {
      switch (f.kind) {
        case 'and':
          return refInner(f.left, e) && refInner(f.right, e);
        case 'or':
          return refInner(f.left, e) || refInner(f.right, e);
        case 'not':
          return !refInner(f.filter, e);
        case 'valuePath':
          return false;
        default: {
          const entry = innerPaths.find(([p]) => p === f.path);
          if (entry === undefined) throw new Error('unknown inner path');
          return refAtom(f, entry[1], entry[2](e), entry[2](e));
        }
      }
    }

    it(`on random resources (seed ${seed})`, () => {
      fc.assert(
        fc.property(filter, fc.array(sample, { minLength: 1, maxLength: 4 }), (f, samples) => {
          for (const s of samples) {
            assert.equal(
              evaluateFilter(f, toResource(s), schema),
              ref(f, s),
              `${stringifyFilter(f)} on ${JSON.stringify(s)}`,
            );
          }
        }),
        params,
      );
    });
  });
});
