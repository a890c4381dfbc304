// Applies PATCH operations (RFC 7644 §3.5.2) to a resource: a new resource and the attributes that changed.
import { getOwn } from '../attribute-access.js';
import { attributeLabel, isEmptyValue } from '../attribute-label.js';
import { forEachAttributeKey } from '../attribute-key.js';
import { coerceAttributeValue, coerceSingleValue, type CoerceOptions } from '../coerce-value.js';
import { ScimError } from '../errors.js';
import type { AttrPath, Filter, PatchPath } from '../filter/ast.js';
import { compileElementFilters } from '../filter/evaluate.js';
import { cloneJson, findStructureProblem, isForbiddenKey, isJsonObject } from '../json-value.js';
import { PATCH_LIMITS, readPatchOperation } from './request.js';
import { containerOf, readResolved, writeValue } from './target.js';
import { isPrimary, jsonEqual, RecordIndex, valuesEqual } from './values.js';
import { findSubAttribute } from '../resource-schema.js';
import type { ScimResource } from '../resource.js';
import type {
  AttributeDefinition,
  ResolvedAttribute,
  ResourceSchema,
  SchemaDefinition,
} from '../schema-types.js';
import { RESOURCE_LIMITS } from '../validate-resource.js';
import type { PatchOperation } from './operation.js';

export interface PatchResult {
  /** A new resource; the input is never changed. */
  resource: ScimResource;
  /**
   * The canonical paths whose value differs from the input's, in the order first touched:
   * `active`, `members`, `name.givenName`, `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager`.
   */
  changed: string[];
}

type Kind = PatchOperation['op'];

/** How PATCH values are coerced: as validateResource does, unknown sub-attributes dropped. */
export const PATCH_VALUE_OPTIONS: CoerceOptions = {
  unknownAttributes: 'ignore',
  maxStringLength: RESOURCE_LIMITS.maxStringLength,
  maxMultiValued: RESOURCE_LIMITS.maxMultiValued,
  maxMembers: RESOURCE_LIMITS.maxMembers,
};

interface Run {
  readonly doc: ScimResource;
  readonly schema: ResourceSchema;
  /** Label → what it names, for the `changed` list. */
  readonly touched: Map<string, ResolvedAttribute>;
}

const invalidPath = (path: string, reason: string) =>
  new ScimError('SCIM_ERR_INVALID_PATH', { path, reason });
const invalidValue = (attribute: string, reason: string) =>
  new ScimError('SCIM_ERR_INVALID_VALUE', { attribute, reason });
const mutability = (attribute: string, reason: string) =>
  new ScimError('SCIM_ERR_MUTABILITY', { attribute, reason });

/**
 * Applies `operations` in order, all or nothing (a failing operation throws and nothing is kept).
 * Attribute names match in any case and are written in the schema's case. Lenient as real clients
 * need: read-only attributes inside a value object are ignored (Okta's group rename sends `id`),
 * unknown attributes inside a value object are ignored, dotted and URN-qualified keys are read as
 * paths, values are coerced as validateResource does. `add` to a multi-valued attribute merges a
 * record equal to one already there instead of repeating it; a record set `primary` clears
 * `primary` on the others; an `add` (or a `replace` of a sub-attribute) whose value filter of `eq`
 * conditions matches nothing adds a record built from the filter, as Entra ID expects; a
 * sub-attribute without a filter (`phoneNumbers.value`) is set on every record, or starts the
 * attribute with one record when it has none.
 * Errors: see docs/errors.md ("PATCH and resource input").
 */
export function applyPatch(
  resource: ScimResource,
  operations: readonly PatchOperation[],
  schema: ResourceSchema,
): PatchResult {
  const run: Run = { doc: cloneJson(resource), schema, touched: new Map() };
  if (!Array.isArray(operations))
    throw new ScimError('SCIM_ERR_INVALID_SYNTAX', { reason: '"Operations" must be an array' });
  const steps = operations.map((operation, index) => readStep(run, operation, index));
  for (let start = 0; start < steps.length;) {
    const end = removalRunEnd(steps, start);
    if (end - start > 1) applyFilteredRemovals(run, steps.slice(start, end) as FilteredRemoval[]);
    else applyStep(run, steps[start] as Step);
    start = end;
  }
  tidyExtensions(run);
  checkRequired(resource, run);
  return { resource: run.doc, changed: changedLabels(run, resource) };
}

/** One operation read and its path resolved against the schema, before any operation is applied. */
type Step =
  | { form: 'object'; kind: Kind; value: Record<string, unknown> }
  | { form: 'extension'; kind: Kind; extension: SchemaDefinition; value: unknown }
  | {
      form: 'path';
      kind: Kind;
      path: string;
      patchPath: PatchPath;
      resolved: ResolvedAttribute;
      value: unknown;
    };

/** `remove` of whole records through a value filter: `members[value eq "2819c223"]`. */
type FilteredRemoval = Step & { form: 'path'; patchPath: PatchPath & { filter: Filter } };

function readStep(run: Run, operation: unknown, index: number): Step {
  // parsePatchRequest checked the whole body, but a connector may hand over operations of its own.
  const problem = findStructureProblem(getOwn(operation, 'value'), PATCH_LIMITS.maxDepth);
  if (problem !== undefined) {
    if ('forbiddenKey' in problem) throw invalidPath(problem.forbiddenKey, 'this name is not allowed');
    throw new ScimError('SCIM_ERR_INVALID_SYNTAX', {
      reason: `the value of operation ${index} is nested too deeply`,
    });
  }
  const { operation: read, patchPath } = readPatchOperation(operation, index);
  const { op: kind, path, value } = read;
  if (path === undefined || patchPath === undefined)
    return { form: 'object', kind, value: value as Record<string, unknown> };
  const extension = run.schema.extension(path.trim());
  if (extension !== undefined) return { form: 'extension', kind, extension, value };
  const resolved = run.schema.resolve(patchPath.path);
  if (resolved === undefined) throw invalidPath(path, `${run.schema.resourceType} has no such attribute`);
  return { form: 'path', kind, path, patchPath, resolved, value };
}

function applyStep(run: Run, step: Step): void {
  if (step.form === 'object') applyValueObject(run, step.kind, step.value);
  else if (step.form === 'extension') applyExtension(run, step.kind, step.extension, step.value);
  else if (step.patchPath.filter !== undefined)
    applyFiltered(
      run,
      step.kind,
      step.resolved,
      step.patchPath as PatchPath & { filter: Filter },
      step.value,
      step.path,
    );
  else applyResolved(run, step.kind, step.resolved, step.value, step.path);
}

function isFilteredRemoval(step: Step | undefined): step is FilteredRemoval {
  return (
    step?.form === 'path' &&
    step.kind === 'remove' &&
    step.patchPath.filter !== undefined &&
    step.patchPath.valueSubAttr === undefined &&
    step.resolved.subAttribute === undefined
  );
}

/**
 * Where the run of operations starting at `start` ends: consecutive removals through value filters
 * of the same attribute are one run, applied in one pass (removing the records any of them
 * selects is what removing them one after another does); any other operation is a run of one.
 */
function removalRunEnd(steps: readonly Step[], start: number): number {
  const first = steps[start];
  let end = start + 1;
  if (!isFilteredRemoval(first)) return end;
  for (let next = steps[end]; isFilteredRemoval(next); next = steps[++end]) {
    if (
      next.resolved.schema !== first.resolved.schema ||
      next.resolved.attribute !== first.resolved.attribute
    )
      break;
  }
  return end;
}

function applyFilteredRemovals(run: Run, steps: readonly FilteredRemoval[]): void {
  const { resolved, patchPath, path } = steps[0] as FilteredRemoval;
  const found = filteredTarget(run, 'remove', resolved, patchPath, path);
  if (found === undefined) return;
  const matches = compileElementFilters(
    steps.map((step) => step.patchPath.filter),
    resolved.attribute,
  );
  applyToRecords('remove', resolved, found.target, undefined, matches, undefined, undefined, path);
}

/** `add`/`replace` without a path: each key of the value names an attribute (RFC 7644 §3.5.2.1, §3.5.2.3). */
function applyValueObject(run: Run, kind: Kind, value: Record<string, unknown>): void {
  forEachAttributeKey(value, run.schema, (path, item, key) => applyKey(run, kind, path, item, key));
}

/**
 * A path that is a whole extension's URN, as several clients send: `add`/`replace` of an object
 * change its attributes as the same object without a path does; `remove` removes the extension.
 */
function applyExtension(run: Run, kind: Kind, extension: SchemaDefinition, value: unknown): void {
  if (kind !== 'remove') {
    if (!isJsonObject(value))
      throw invalidValue(extension.id, "expected an object of the extension's attributes");
    applyValueObject(run, kind, { [extension.id]: value });
    return;
  }
  for (const attribute of extension.attributes) {
    const resolved: ResolvedAttribute = { schema: extension.id, extension: true, attribute };
    if (readResolved(run.doc, resolved) === undefined) continue;
    if (attribute.mutability === 'readOnly')
      throw mutability(attributeLabel(resolved), 'the attribute is read-only');
    applyResolved(run, kind, resolved, undefined, attributeLabel(resolved));
  }
  // Keys the schema does not define go too: the extension is removed, not emptied.
  writeValue(run.doc, extension.id, undefined);
}

function applyKey(run: Run, kind: Kind, path: AttrPath, value: unknown, key: string): void {
  if (isForbiddenKey(path.name) || (path.subAttr !== undefined && isForbiddenKey(path.subAttr))) {
    throw invalidPath(key, 'this name is not allowed');
  }
  const resolved = run.schema.resolve(path);
  if (resolved === undefined) return;
  if (resolved.attribute.mutability === 'readOnly' || resolved.subAttribute?.mutability === 'readOnly')
    return;
  applyResolved(run, kind, resolved, value, key);
}

function touch(run: Run, resolved: ResolvedAttribute): void {
  run.touched.set(attributeLabel(resolved), resolved);
}

/** A path without a value filter: `active`, `name.givenName`, `members`, `emails.type`, `urn:…:manager`. */
function applyResolved(
  run: Run,
  kind: Kind,
  resolved: ResolvedAttribute,
  value: unknown,
  path: string,
): void {
  const { attribute, subAttribute } = resolved;
  const label = attributeLabel(resolved);
  if (attribute.mutability === 'readOnly' || subAttribute?.mutability === 'readOnly') {
    if (kind !== 'remove' && jsonEqual(readResolved(run.doc, resolved), value)) return;
    throw mutability(label, 'the attribute is read-only');
  }
  const target = containerOf(run.doc, resolved, kind !== 'remove');
  if (target === undefined) return;
  if (subAttribute !== undefined) {
    touch(run, resolved);
    if (attribute.multiValued)
      applyToRecords(kind, resolved, target, undefined, undefined, subAttribute, value, path);
    else applySubAttribute(kind, attribute, subAttribute, target, value, label);
    return;
  }
  if (attribute.multiValued) {
    touch(run, resolved);
    applyMultiValued(kind, attribute, target, value, label);
    return;
  }
  if (kind === 'remove') {
    touch(run, resolved);
    checkImmutable(attribute, getOwn(target, attribute.name), undefined, label);
    writeValue(target, attribute.name, undefined);
    return;
  }
  const coerced = coerceAttributeValue(value, attribute, label, PATCH_VALUE_OPTIONS);
  // Adding nothing, or replacing no sub-attribute, changes nothing; replacing with null unassigns.
  if (coerced === undefined && (kind === 'add' || isJsonObject(value))) return;
  const current = getOwn(target, attribute.name);
  if (attribute.type === 'complex' && isJsonObject(coerced)) {
    // RFC 7644 §3.5.2.3: the sub-attributes given replace theirs, the others are left unchanged.
    for (const name of Object.keys(coerced))
      touch(run, { ...resolved, subAttribute: findSubAttribute(attribute, name) as AttributeDefinition });
    writeValue(target, attribute.name, mergeRecord(current, coerced, attribute, label));
    return;
  }
  touch(run, resolved);
  checkImmutable(attribute, current, coerced, label);
  writeValue(target, attribute.name, coerced);
}

/** `name.givenName`: one sub-attribute of a single-valued complex attribute. */
function applySubAttribute(
  kind: Kind,
  attribute: AttributeDefinition,
  sub: AttributeDefinition,
  target: Record<string, unknown>,
  value: unknown,
  label: string,
): void {
  const current = getOwn(target, attribute.name);
  const parent: Record<string, unknown> = isJsonObject(current) ? { ...current } : {};
  const next = kind === 'remove' ? undefined : coerceAttributeValue(value, sub, label, PATCH_VALUE_OPTIONS);
  checkImmutable(sub, getOwn(parent, sub.name), next, label);
  writeValue(parent, sub.name, next);
  writeValue(target, attribute.name, Object.keys(parent).length === 0 ? undefined : parent);
}

function recordsOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? [...(value as unknown[])] : [value];
}

/** A whole multi-valued attribute: `members`, `emails`. */
function applyMultiValued(
  kind: Kind,
  attribute: AttributeDefinition,
  target: Record<string, unknown>,
  value: unknown,
  label: string,
): void {
  const current = recordsOf(getOwn(target, attribute.name));
  const given =
    (coerceAttributeValue(value, attribute, label, PATCH_VALUE_OPTIONS) as unknown[] | undefined) ?? [];
  let records: unknown[];
  if (kind === 'remove') {
    // Entra ID removes members with `"path": "members"` and the members to remove as the value.
    const index = new RecordIndex(current, attribute);
    const removed = new Set(given.flatMap((record) => index.matches(record)));
    records = value === undefined || value === null ? [] : current.filter((_, i) => !removed.has(i));
  } else if (kind === 'replace') {
    records = given;
    keepOnePrimary(records, [...records.keys()]);
  } else {
    records = current;
    const index = new RecordIndex(records, attribute);
    for (const record of given) {
      const same = index.matches(record)[0];
      const at = same ?? records.push(record) - 1;
      if (same === undefined) index.add(at);
      else if (isJsonObject(record)) records[at] = mergeRecord(records[at], record, attribute, label);
      keepOnePrimary(records, [at]);
    }
  }
  writeValue(target, attribute.name, records.length === 0 ? undefined : records);
}

/** A value-filtered path: `members[value eq "2819c223"]`, `emails[type eq "work"].value`. */
function applyFiltered(
  run: Run,
  kind: Kind,
  resolved: ResolvedAttribute,
  patchPath: PatchPath & { filter: Filter },
  value: unknown,
  path: string,
): void {
  const found = filteredTarget(run, kind, resolved, patchPath, path);
  if (found === undefined) return;
  const { filter } = patchPath;
  const matches = compileElementFilters([filter], resolved.attribute);
  applyToRecords(kind, resolved, found.target, filter, matches, found.sub, value, path);
}

/**
 * The container a value-filtered path writes in (undefined when a removal finds none) and the
 * sub-attribute after the filter, once the path is checked; the attribute is touched.
 */
function filteredTarget(
  run: Run,
  kind: Kind,
  resolved: ResolvedAttribute,
  patchPath: PatchPath,
  path: string,
): { target: Record<string, unknown>; sub: AttributeDefinition | undefined } | undefined {
  const { attribute } = resolved;
  if (resolved.subAttribute !== undefined || !attribute.multiValued || attribute.type !== 'complex') {
    throw invalidPath(path, 'a value filter needs a multi-valued complex attribute');
  }
  let sub: AttributeDefinition | undefined;
  if (patchPath.valueSubAttr !== undefined) {
    sub = findSubAttribute(attribute, patchPath.valueSubAttr);
    if (sub === undefined)
      throw invalidPath(path, `${attribute.name} has no sub-attribute "${patchPath.valueSubAttr}"`);
  }
  const label = attributeLabel(resolved);
  if (attribute.mutability === 'readOnly' || sub?.mutability === 'readOnly')
    throw mutability(label, 'the attribute is read-only');
  const target = containerOf(run.doc, resolved, kind !== 'remove');
  if (target === undefined) return undefined;
  touch(run, resolved);
  return { target, sub };
}

/**
 * The records `matches` selects (all without it), changed whole or in one sub-attribute; `filter`
 * (the one `matches` tests) describes the record to add when none matches.
 */
function applyToRecords(
  kind: Kind,
  resolved: ResolvedAttribute,
  target: Record<string, unknown>,
  filter: Filter | undefined,
  matches: ((record: unknown) => boolean) | undefined,
  sub: AttributeDefinition | undefined,
  value: unknown,
  path: string,
): void {
  const { schema, extension, attribute } = resolved;
  const label = attributeLabel({ schema, extension, attribute });
  let records = recordsOf(getOwn(target, attribute.name));
  // A loop, not flatMap: this runs over every record of an attribute that may hold 100,000.
  const matched: number[] = [];
  for (let index = 0; index < records.length; index++)
    if (matches === undefined || matches(records[index])) matched.push(index);
  if (kind === 'remove') {
    // Removing what is not there succeeds: Okta retries membership removals.
    const gone = new Set(matched);
    if (sub === undefined) records = records.filter((_, index) => !gone.has(index));
    else
      for (const index of matched)
        records[index] = withSubAttribute(records[index], sub, undefined, `${label}.${sub.name}`);
  } else if (matched.length === 0) {
    // RFC 7644 §3.5.2.1/3: a target that does not exist is added. Through a filter of `eq`
    // conditions that is the record the filter describes (Entra ID); without a filter
    // (`phoneNumbers.value` on a user with none) a first record holding the sub-attribute.
    const seed = filter === undefined ? {} : recordFromFilter(filter, attribute);
    if (seed === undefined || (kind === 'replace' && sub === undefined)) {
      throw new ScimError('SCIM_ERR_NO_TARGET', { path, reason: 'no value matches the filter' });
    }
    const given =
      sub === undefined
        ? coerceSingleValue(value, attribute, label, PATCH_VALUE_OPTIONS)
        : { [sub.name]: value };
    if (!isJsonObject(given)) throw invalidValue(label, 'expected an object');
    const record = coerceSingleValue({ ...seed, ...given }, attribute, label, PATCH_VALUE_OPTIONS);
    if (record !== undefined) keepOnePrimary(records, [records.push(record) - 1]);
  } else {
    for (const index of matched) {
      if (sub !== undefined) {
        const next = coerceAttributeValue(value, sub, `${label}.${sub.name}`, PATCH_VALUE_OPTIONS);
        records[index] = withSubAttribute(records[index], sub, next, `${label}.${sub.name}`);
      } else {
        const given = coerceSingleValue(value, attribute, label, PATCH_VALUE_OPTIONS);
        if (!isJsonObject(given)) throw invalidValue(label, 'expected an object');
        records[index] = mergeRecord(records[index], given, attribute, label);
      }
    }
    keepOnePrimary(records, matched);
  }
  records = records.filter((record) => !isJsonObject(record) || hasKeys(record));
  writeValue(target, attribute.name, records.length === 0 ? undefined : records);
}

function hasKeys(record: Record<string, unknown>): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return true;
  return false;
}

function withSubAttribute(
  record: unknown,
  sub: AttributeDefinition,
  next: unknown,
  label: string,
): Record<string, unknown> {
  const copy: Record<string, unknown> = isJsonObject(record) ? { ...record } : {};
  checkImmutable(sub, getOwn(copy, sub.name), next, label);
  writeValue(copy, sub.name, next);
  return copy;
}

/** `current` with the sub-attributes of `update` written over it (immutable ones may not change). */
export function mergeRecord(
  current: unknown,
  update: Record<string, unknown>,
  attribute: AttributeDefinition,
  label: string,
): Record<string, unknown> {
  const result: Record<string, unknown> = isJsonObject(current) ? { ...current } : {};
  for (const [name, item] of Object.entries(update)) {
    const sub = findSubAttribute(attribute, name);
    if (sub !== undefined) checkImmutable(sub, getOwn(result, sub.name), item, `${label}.${sub.name}`);
    writeValue(result, name, item);
  }
  return result;
}

/** The record a filter of `eq` conditions joined by `and` describes, e.g. `{type: "work"}`; undefined for any other filter. */
function recordFromFilter(
  filter: Filter,
  attribute: AttributeDefinition,
): Record<string, unknown> | undefined {
  if (filter.kind === 'and') {
    const left = recordFromFilter(filter.left, attribute);
    const right = recordFromFilter(filter.right, attribute);
    return left === undefined || right === undefined ? undefined : { ...left, ...right };
  }
  if (
    filter.kind !== 'compare' ||
    filter.op !== 'eq' ||
    filter.value === null ||
    filter.path.uri !== undefined ||
    filter.path.subAttr !== undefined
  ) {
    return undefined;
  }
  const sub = findSubAttribute(attribute, filter.path.name);
  return sub === undefined ? undefined : { [sub.name]: filter.value };
}

/**
 * RFC 7643 §2.4: `primary` is true at most once. Of the records an operation just wrote
 * (`written`), the last primary one keeps it and every other record loses it; when none of them
 * is primary nothing changes.
 */
function keepOnePrimary(records: unknown[], written: readonly number[]): void {
  const keep = written.findLast((index) => isPrimary(records[index]));
  if (keep === undefined) return;
  records.forEach((record, index) => {
    if (index !== keep && isPrimary(record) && isJsonObject(record)) {
      const copy = { ...record };
      writeValue(copy, 'primary', false);
      records[index] = copy;
    }
  });
}

/** An immutable attribute may be set where it has no value, never changed (RFC 7643 §2.2). */
function checkImmutable(def: AttributeDefinition, current: unknown, next: unknown, label: string): void {
  if (def.mutability !== 'immutable' || isEmptyValue(current) || valuesEqual(current, next, def)) return;
  throw mutability(label, 'the attribute is immutable');
}

/** Extensions left without attributes are removed; `schemas` lists those that hold values. */
function tidyExtensions(run: Run): void {
  const { doc, schema } = run;
  let schemas: string[] = Array.isArray(doc.schemas)
    ? doc.schemas.filter((urn): urn is string => typeof urn === 'string')
    : [schema.core.id];
  const touchedSchemas = new Set([...run.touched.values()].map((resolved) => resolved.schema));
  for (const extension of schema.extensions) {
    const value = getOwn(doc, extension.id);
    const listed = schemas.some((urn) => urn.toLowerCase() === extension.id.toLowerCase());
    if (isJsonObject(value) && Object.keys(value).length > 0) {
      if (!listed) schemas = [...schemas, extension.id];
      continue;
    }
    if (isJsonObject(value)) writeValue(doc, extension.id, undefined);
    if (touchedSchemas.has(extension.id)) {
      schemas = schemas.filter((urn) => urn.toLowerCase() !== extension.id.toLowerCase());
    }
  }
  doc.schemas = schemas;
}

/** A PATCH may not empty a required attribute the resource had (userName, a group's displayName). */
function checkRequired(before: ScimResource, run: Run): void {
  for (const attribute of run.schema.core.attributes) {
    if (!attribute.required || attribute.mutability === 'readOnly') continue;
    const resolved: ResolvedAttribute = { schema: run.schema.core.id, extension: false, attribute };
    if (!isEmptyValue(readResolved(before, resolved)) && isEmptyValue(readResolved(run.doc, resolved))) {
      throw invalidValue(attribute.name, 'the attribute is required');
    }
  }
}

function changedLabels(run: Run, before: ScimResource): string[] {
  const changed = [...run.touched]
    .filter(([, resolved]) => !jsonEqual(readResolved(before, resolved), readResolved(run.doc, resolved)))
    .map(([label]) => label);
  return changed.filter((label) => !changed.some((other) => label.startsWith(`${other}.`)));
}
