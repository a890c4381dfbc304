// Checks a connector-declared extension schema at start-up, so a typo fails loudly instead of serving a broken schema.
import { isForbiddenKey } from '../json-value.js';
import type { AttributeDefinition, SchemaDefinition } from '../schema-types.js';

/** RFC 7643 §2.1 ATTRNAME: ALPHA *("-" / "_" / DIGIT / ALPHA). */
const ATTRNAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
/** A URN (RFC 8141): `urn:` NID `:` NSS, with no trailing colon (attribute paths append `:name`). */
const URN_FORM = /^urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:[^\s:][^\s]*$/i;

const TYPES = new Set([
  'string',
  'boolean',
  'decimal',
  'integer',
  'dateTime',
  'reference',
  'complex',
  'binary',
]);
const MUTABILITY = new Set(['readOnly', 'readWrite', 'immutable', 'writeOnly']);
const RETURNED = new Set(['always', 'never', 'default', 'request']);
const UNIQUENESS = new Set(['none', 'server', 'global']);

/** Whether `name` is a valid attribute name (`$ref` only where RFC 7643 uses it: as a sub-attribute). */
export function isValidAttributeName(name: string, subAttribute = false): boolean {
  if (isForbiddenKey(name)) return false;
  return ATTRNAME.test(name) || (subAttribute && name === '$ref');
}

/** Whether `urn` has the URN form schema ids must have. */
export function isValidSchemaUrn(urn: string): boolean {
  return URN_FORM.test(urn) && !urn.endsWith(':');
}

function checkAttribute(schemaId: string, attr: AttributeDefinition, parent: string | undefined): void {
  const where = parent === undefined ? `"${attr.name}"` : `"${parent}.${attr.name}"`;
  const fail = (reason: string): never => {
    throw new Error(`Extension schema ${schemaId}: attribute ${where} ${reason}`);
  };
  if (typeof attr.name !== 'string' || !isValidAttributeName(attr.name, parent !== undefined)) {
    fail(
      'has an invalid name: names start with a letter and hold only letters, digits, "-" and "_" (RFC 7643 §2.1), and may not be __proto__, constructor or prototype',
    );
  }
  if (!TYPES.has(attr.type)) fail(`has an unknown type "${String(attr.type)}"`);
  if (!MUTABILITY.has(attr.mutability)) fail(`has an unknown mutability "${String(attr.mutability)}"`);
  if (!RETURNED.has(attr.returned)) fail(`has an unknown "returned" value "${String(attr.returned)}"`);
  if (!UNIQUENESS.has(attr.uniqueness)) fail(`has an unknown uniqueness "${String(attr.uniqueness)}"`);
  for (const flag of ['multiValued', 'required', 'caseExact'] as const) {
    if (typeof attr[flag] !== 'boolean') fail(`needs a boolean "${flag}"`);
  }
  if (attr.type === 'complex') {
    if (parent !== undefined) fail('is complex inside a complex attribute, which RFC 7643 §2.3.8 forbids');
    if (!Array.isArray(attr.subAttributes) || attr.subAttributes.length === 0)
      fail('is complex but has no subAttributes');
    checkNames(schemaId, attr.subAttributes ?? [], attr.name);
  } else if (attr.subAttributes !== undefined) {
    fail(`has subAttributes but type "${attr.type}" (only complex attributes have sub-attributes)`);
  }
}

function checkNames(
  schemaId: string,
  attributes: readonly AttributeDefinition[],
  parent: string | undefined,
): void {
  const seen = new Set<string>();
  for (const attr of attributes) {
    checkAttribute(schemaId, attr, parent);
    const key = attr.name.toLowerCase();
    if (seen.has(key)) {
      const where = parent === undefined ? attr.name : `${parent}.${attr.name}`;
      throw new Error(
        `Extension schema ${schemaId}: attribute "${where}" is declared twice (names are case-insensitive)`,
      );
    }
    seen.add(key);
  }
}

/** Throws an Error naming the problem when `schema` is not a valid extension schema definition. */
export function validateExtensionSchema(schema: SchemaDefinition): void {
  if (typeof schema.id !== 'string' || !isValidSchemaUrn(schema.id)) {
    throw new Error(
      `Extension schema id "${String(schema.id)}" is not a URN such as "urn:ietf:params:scim:schemas:extension:acme:2.0:User"`,
    );
  }
  if (typeof schema.name !== 'string' || schema.name === '') {
    throw new Error(`Extension schema ${schema.id} needs a non-empty name`);
  }
  if (!Array.isArray(schema.attributes)) {
    throw new Error(`Extension schema ${schema.id} needs an attributes array`);
  }
  checkNames(schema.id, schema.attributes, undefined);
}
