// Checks a resource body (POST, PUT) against its schemas and returns a new resource in canonical form.
import { attributeLabel, isEmptyValue } from './attribute-label.js';
import { attributeKeys } from './attribute-key.js';
import { coerceAttributeSteps, coerceAttributeValue, type CoerceOptions } from './coerce-value.js';
import { ScimError } from './errors.js';
import type { AttrPath } from './filter/ast.js';
import { isJsonObject, structureProblemSteps } from './json-value.js';
import type { ScimResource } from './resource.js';
import type { ResourceSchema, SchemaDefinition } from './schema-types.js';
import { runSteps, runStepsWithPauses, type Steps } from './steps.js';

export interface ValidateOptions {
  /** Attributes no schema defines: dropped (default) or a 400 invalidSyntax. */
  unknownAttributes?: 'ignore' | 'reject';
  /** Longest string value, in UTF-16 code units (default 65 536). */
  maxStringLength?: number;
  /** Deepest nesting of objects and arrays, the resource itself being 1 (default 16). */
  maxDepth?: number;
  /** Most values of one multi-valued attribute other than a group's `members` (default 1 000). */
  maxMultiValued?: number;
  /** Most `members` of a group (default 100 000: large groups are real). */
  maxMembers?: number;
}

/**
 * No user has a thousand e-mail addresses or roles, and every PATCH of a resource copies, checks and
 * stores each value in one piece: a 100,000-email user held the event loop half a second per PATCH
 * (issue 9). Large groups are real, so `members` keeps its own bound.
 */
export const RESOURCE_LIMITS = {
  maxStringLength: 65_536,
  maxDepth: 16,
  maxMultiValued: 1_000,
  maxMembers: 100_000,
} as const;

function syntax(reason: string): ScimError {
  return new ScimError('SCIM_ERR_INVALID_SYNTAX', { reason });
}

/**
 * Lenient on input, canonical on output: attribute names in any case (written in the schema's
 * case), extension attributes under their URN key or fully qualified (`urn:…:User:employeeNumber`),
 * dotted keys (`name.givenName`), values coerced as `coerceSingleValue` describes. Read-only
 * attributes (`id`, `meta`, `groups`, `manager.displayName`) are dropped; `password` is kept.
 * `schemas` is rebuilt: the core URN, then each extension that holds a value.
 * Errors: not an object, forbidden key (`__proto__`, `constructor`, `prototype`), too deep, a bad
 * `schemas`, an unknown attribute when rejected → invalidSyntax; a wrong type, a missing required
 * attribute, a value over a limit → invalidValue.
 */
export function validateResource(
  input: unknown,
  schema: ResourceSchema,
  options: ValidateOptions = {},
): ScimResource {
  return runSteps(validationSteps(input, schema, options));
}

/**
 * validateResource, awaiting `pause` between pieces of the work (a few hundred values each): a
 * body of 250,000 keys took 135–245 ms to validate in one piece, every other request waiting.
 */
export function validateResourceWithPauses(
  input: unknown,
  schema: ResourceSchema,
  pause: () => Promise<void>,
  options: ValidateOptions = {},
): Promise<ScimResource> {
  return runStepsWithPauses(validationSteps(input, schema, options), pause);
}

function* validationSteps(
  input: unknown,
  schema: ResourceSchema,
  options: ValidateOptions,
): Steps<ScimResource> {
  const coerceOptions: CoerceOptions = {
    unknownAttributes: options.unknownAttributes ?? 'ignore',
    maxStringLength: options.maxStringLength ?? RESOURCE_LIMITS.maxStringLength,
    maxMultiValued: options.maxMultiValued ?? RESOURCE_LIMITS.maxMultiValued,
    maxMembers: options.maxMembers ?? RESOURCE_LIMITS.maxMembers,
  };
  const maxDepth = options.maxDepth ?? RESOURCE_LIMITS.maxDepth;
  if (!isJsonObject(input)) throw syntax('the resource must be a JSON object');
  const problem = yield* structureProblemSteps(input, maxDepth);
  if (problem !== undefined) {
    throw syntax(
      'forbiddenKey' in problem
        ? `the key "${problem.forbiddenKey}" is not allowed`
        : `nested deeper than ${maxDepth} levels`,
    );
  }
  const parts = new Map<string, Record<string, unknown>>([[schema.core.id, {}]]);
  for (const [key, value] of Object.entries(input)) if (key.toLowerCase() === 'schemas') checkSchemas(value);
  for (const { path, value, key } of attributeKeys(input, schema)) {
    yield* assignSteps(parts, schema, path, value, key, coerceOptions);
  }
  return assemble(parts, schema);
}

function checkSchemas(value: unknown): void {
  if (value === null || value === undefined) return;
  if (!Array.isArray(value) || !value.every((urn) => typeof urn === 'string')) {
    throw syntax('"schemas" must be an array of schema URNs');
  }
}

function* assignSteps(
  parts: Map<string, Record<string, unknown>>,
  schema: ResourceSchema,
  path: AttrPath,
  value: unknown,
  key: string,
  options: CoerceOptions,
): Steps<void> {
  const resolved = schema.resolve(path);
  if (resolved === undefined) {
    if (options.unknownAttributes === 'reject') throw syntax(`unknown attribute "${key}"`);
    return;
  }
  const { attribute, subAttribute } = resolved;
  if (
    attribute.name === 'schemas' ||
    attribute.mutability === 'readOnly' ||
    subAttribute?.mutability === 'readOnly'
  )
    return;
  let target = parts.get(resolved.schema);
  if (target === undefined) {
    target = {};
    parts.set(resolved.schema, target);
  }
  const label = attributeLabel(resolved);
  if (subAttribute === undefined) {
    const coerced = yield* coerceAttributeSteps(value, attribute, label, options);
    const existing = target[attribute.name];
    if (coerced === undefined) delete target[attribute.name];
    else
      target[attribute.name] =
        isJsonObject(existing) && isJsonObject(coerced) ? { ...existing, ...coerced } : coerced;
    return;
  }
  if (attribute.multiValued) {
    throw new ScimError('SCIM_ERR_INVALID_VALUE', {
      attribute: label,
      reason: 'a sub-attribute of a multi-valued attribute cannot be given on its own',
    });
  }
  const coerced = coerceAttributeValue(value, subAttribute, label, options);
  const existing = target[attribute.name];
  const parent: Record<string, unknown> = isJsonObject(existing) ? { ...existing } : {};
  if (coerced === undefined) delete parent[subAttribute.name];
  else parent[subAttribute.name] = coerced;
  if (Object.keys(parent).length === 0) delete target[attribute.name];
  else target[attribute.name] = parent;
}

function checkRequired(
  definition: SchemaDefinition,
  attributes: Record<string, unknown>,
  extension: boolean,
): void {
  for (const attribute of definition.attributes) {
    if (
      attribute.required &&
      attribute.mutability !== 'readOnly' &&
      isEmptyValue(attributes[attribute.name])
    ) {
      const label = extension ? `${definition.id}:${attribute.name}` : attribute.name;
      throw new ScimError('SCIM_ERR_INVALID_VALUE', {
        attribute: label,
        reason: 'the attribute is required',
      });
    }
  }
}

function assemble(parts: Map<string, Record<string, unknown>>, schema: ResourceSchema): ScimResource {
  const core = parts.get(schema.core.id) ?? {};
  checkRequired(schema.core, core, false);
  const resource: ScimResource = { schemas: [schema.core.id] };
  Object.assign(resource, core);
  for (const extension of schema.extensions) {
    const attributes = parts.get(extension.id);
    if (attributes === undefined || Object.keys(attributes).length === 0) continue;
    checkRequired(extension, attributes, true);
    resource.schemas.push(extension.id);
    resource[extension.id] = attributes;
  }
  return resource;
}
