// Types of SCIM schema definitions (RFC 7643 §2.2, §7) and of the resolved view the engine works with.
import type { ResourceTypeName } from './resource.js';
import type { AttrPath } from './filter/ast.js';

export type AttributeType =
  'string' | 'boolean' | 'decimal' | 'integer' | 'dateTime' | 'reference' | 'complex' | 'binary';
export type Mutability = 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
export type Returned = 'always' | 'never' | 'default' | 'request';
export type Uniqueness = 'none' | 'server' | 'global';

/** One attribute with its characteristics, exactly as served at /Schemas. */
export interface AttributeDefinition {
  name: string;
  type: AttributeType;
  multiValued: boolean;
  description?: string;
  required: boolean;
  caseExact: boolean;
  mutability: Mutability;
  returned: Returned;
  uniqueness: Uniqueness;
  canonicalValues?: string[];
  referenceTypes?: string[];
  subAttributes?: AttributeDefinition[];
}

export interface SchemaDefinition {
  id: string;
  name: string;
  description?: string;
  attributes: AttributeDefinition[];
}

/** An attribute path resolved against a resource's schemas. */
export interface ResolvedAttribute {
  /** URN of the schema holding the attribute (the core schema or an extension). */
  schema: string;
  /** True when `schema` is an extension (its attributes live under the URN key). */
  extension: boolean;
  attribute: AttributeDefinition;
  /** The sub-attribute, when the path names one. */
  subAttribute?: AttributeDefinition;
}

/** The schemas of one resource type (core + extensions) with case-insensitive look-ups. */
export interface ResourceSchema {
  readonly resourceType: ResourceTypeName;
  readonly endpoint: string;
  readonly core: SchemaDefinition;
  readonly extensions: readonly SchemaDefinition[];
  /** Every schema URN: the core one first. */
  readonly schemaUrns: readonly string[];
  /**
   * Resolves a path case-insensitively. Without `uri` the core schema is searched first, then the
   * extensions. Returns undefined for an unknown schema, attribute or sub-attribute.
   */
  resolve(path: AttrPath): ResolvedAttribute | undefined;
  /** The extension schema with this URN (case-insensitive), if any. */
  extension(urn: string): SchemaDefinition | undefined;
}
