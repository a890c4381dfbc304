// Resolves attribute paths against a resource type's schemas, and builds the registry of the User and Group types.
import type { AttrPath } from './filter/ast.js';
import type { ResourceTypeName } from './resource.js';
import type {
  AttributeDefinition,
  ResolvedAttribute,
  ResourceSchema,
  SchemaDefinition,
} from './schema-types.js';
import { COMMON_ATTRIBUTES } from './schemas/common-attributes.js';
import { GROUP_SCHEMA } from './schemas/core-group.js';
import { USER_SCHEMA } from './schemas/core-user.js';
import { ENTERPRISE_USER_SCHEMA } from './schemas/enterprise-user.js';
import { validateExtensionSchema } from './schemas/validate-extension.js';

/** The schemas of the User and Group resource types. */
export interface SchemaRegistry {
  readonly user: ResourceSchema;
  readonly group: ResourceSchema;
  forType(type: ResourceTypeName): ResourceSchema;
}

export interface SchemaRegistryOptions {
  /** Extensions of the User type besides the enterprise extension, e.g. the connector's custom attributes. */
  userExtensions?: SchemaDefinition[];
  groupExtensions?: SchemaDefinition[];
  /** Whether Users carry the enterprise extension (RFC 7643 §4.3); default true. */
  enterpriseUser?: boolean;
}

/** Lower-cased name → definition; a Map, so no name can reach Object.prototype. */
type AttributeIndex = Map<string, AttributeDefinition>;

function indexAttributes(attributes: readonly AttributeDefinition[]): AttributeIndex {
  const index: AttributeIndex = new Map();
  for (const attr of attributes) index.set(attr.name.toLowerCase(), attr);
  return index;
}

const subIndexes = new WeakMap<AttributeDefinition, AttributeIndex>();

/** The sub-attribute of a complex attribute named `name`, case-insensitively. */
export function findSubAttribute(parent: AttributeDefinition, name: string): AttributeDefinition | undefined {
  if (parent.subAttributes === undefined) return undefined;
  let index = subIndexes.get(parent);
  if (index === undefined) {
    index = indexAttributes(parent.subAttributes);
    subIndexes.set(parent, index);
  }
  return index.get(name.toLowerCase());
}

/**
 * Whether clients may never read the attribute: `returned: "never"`, or writeOnly, whose values
 * "SHALL NOT be returned" (RFC 7643 §7) whatever its `returned` says.
 */
export function isNeverReturned(def: AttributeDefinition): boolean {
  return def.returned === 'never' || def.mutability === 'writeOnly';
}

/**
 * A resolver for one resource type. Paths resolve case-insensitively, with or without their schema
 * URN; the common attributes (id, externalId, meta, schemas) resolve under the core URN.
 */
export function createResourceSchema(
  resourceType: ResourceTypeName,
  endpoint: string,
  core: SchemaDefinition,
  extensions: SchemaDefinition[],
): ResourceSchema {
  const coreIndex = indexAttributes([...COMMON_ATTRIBUTES, ...core.attributes]);
  const byUrn = new Map<string, { schema: SchemaDefinition; index: AttributeIndex; extension: boolean }>();
  byUrn.set(core.id.toLowerCase(), { schema: core, index: coreIndex, extension: false });
  for (const ext of extensions) {
    const key = ext.id.toLowerCase();
    if (byUrn.has(key)) throw new Error(`Schema ${ext.id} is declared twice for ${resourceType}`);
    byUrn.set(key, { schema: ext, index: indexAttributes(ext.attributes), extension: true });
  }
  const searchOrder = [...byUrn.values()];

  function withSub(
    schemaUrn: string,
    extension: boolean,
    attribute: AttributeDefinition,
    subAttr: string | undefined,
  ): ResolvedAttribute | undefined {
    if (subAttr === undefined) return { schema: schemaUrn, extension, attribute };
    const subAttribute = findSubAttribute(attribute, subAttr);
    return subAttribute === undefined ? undefined : { schema: schemaUrn, extension, attribute, subAttribute };
  }

  function resolve(path: AttrPath): ResolvedAttribute | undefined {
    let { uri, name } = path;
    // A whole URN-qualified name handed over unsplit, e.g. a PATCH value key.
    if (uri === undefined && name.includes(':')) {
      const colon = name.lastIndexOf(':');
      uri = name.slice(0, colon);
      name = name.slice(colon + 1);
    }
    const key = name.toLowerCase();
    if (uri !== undefined) {
      const entry = byUrn.get(uri.toLowerCase());
      const attribute = entry?.index.get(key);
      if (entry === undefined || attribute === undefined) return undefined;
      return withSub(entry.schema.id, entry.extension, attribute, path.subAttr);
    }
    for (const entry of searchOrder) {
      const attribute = entry.index.get(key);
      if (attribute !== undefined) return withSub(entry.schema.id, entry.extension, attribute, path.subAttr);
    }
    return undefined;
  }

  return {
    resourceType,
    endpoint,
    core,
    extensions: [...extensions],
    schemaUrns: searchOrder.map((entry) => entry.schema.id),
    resolve,
    extension(urn: string): SchemaDefinition | undefined {
      const entry = byUrn.get(urn.toLowerCase());
      return entry?.extension === true ? entry.schema : undefined;
    },
  };
}

const CORE_IDS = new Set([USER_SCHEMA.id.toLowerCase(), GROUP_SCHEMA.id.toLowerCase()]);

function checkedExtensions(extensions: readonly SchemaDefinition[]): SchemaDefinition[] {
  for (const ext of extensions) {
    validateExtensionSchema(ext);
    if (CORE_IDS.has(ext.id.toLowerCase())) {
      throw new Error(`Extension schema ${ext.id} has the id of a core schema`);
    }
  }
  return [...extensions];
}

/**
 * The User and Group schemas: by default the User carries the enterprise extension; connectors add
 * their own extensions for either type. Throws an Error describing the first invalid extension.
 */
export function createSchemaRegistry(options: SchemaRegistryOptions = {}): SchemaRegistry {
  const userExtensions = checkedExtensions(options.userExtensions ?? []);
  const groupExtensions = checkedExtensions(options.groupExtensions ?? []);
  const withEnterprise = options.enterpriseUser ?? true;
  const user = createResourceSchema(
    'User',
    '/Users',
    USER_SCHEMA,
    withEnterprise ? [ENTERPRISE_USER_SCHEMA, ...userExtensions] : userExtensions,
  );
  const group = createResourceSchema('Group', '/Groups', GROUP_SCHEMA, groupExtensions);
  return {
    user,
    group,
    forType: (type: ResourceTypeName) => (type === 'User' ? user : group),
  };
}

/** Where a server or store gets its schemas: a registry already built (a store's), or the options to build one. */
export type SchemaSource = SchemaRegistry | SchemaRegistryOptions;

/**
 * The registry `source` stands for: a registry as it is, so the server and the store share one,
 * or a new one built from options (see createSchemaRegistry).
 */
export function schemaRegistryOf(source: SchemaSource = {}): SchemaRegistry {
  return typeof (source as Partial<SchemaRegistry>).forType === 'function'
    ? (source as SchemaRegistry)
    : createSchemaRegistry(source as SchemaRegistryOptions);
}
