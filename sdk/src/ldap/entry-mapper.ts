// One resource type's mapped attributes between SCIM resources and LDAP attribute values.
import type { AttrPath } from '../protocol/filter/ast.js';
import type { ScimResource } from '../protocol/resource.js';
import type { Entry } from 'ldapts';
import { values } from './entry-values.js';
import type { LdapAttributeMapping } from './ldap-options.js';
import { parseValuePath, readValue, writeValue, type ScimValuePath } from './scim-path-value.js';

interface Compiled {
  mapping: LdapAttributeMapping;
  path: ScimValuePath;
  /** Lower-case `[uri:]name[.sub]` ignoring the value selector: what a filter path is compared with. */
  key: string;
}

function pathKey(uri: string | undefined, name: string, sub: string | undefined): string {
  return `${uri === undefined ? '' : `${uri}:`}${name}${sub === undefined ? '' : `.${sub}`}`.toLowerCase();
}

/** A SCIM value as directory text: booleans in the LDAP Boolean syntax. */
export function ldapText(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Directory text as the SCIM type, or undefined when it does not read as that type. */
function scimValue(text: string, type: LdapAttributeMapping['type']): string | number | boolean | undefined {
  switch (type) {
    case undefined:
      return text;
    case 'boolean': {
      const upper = text.trim().toUpperCase();
      return upper === 'TRUE' ? true : upper === 'FALSE' ? false : undefined;
    }
    case 'integer':
      return INTEGER.test(text.trim()) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;
    case 'decimal':
      return DECIMAL.test(text.trim()) ? Number(text) : undefined;
  }
}

/** Maps the attributes of one resource type (the RDN and id are the service's own business). */
export class EntryMapper {
  readonly #compiled: Compiled[];

  constructor(mappings: LdapAttributeMapping[]) {
    this.#compiled = mappings.map((mapping) => {
      const path = parseValuePath(mapping.scim);
      return { mapping, path, key: pathKey(path.uri, path.name, path.sub) };
    });
  }

  /** The LDAP attributes read back from the directory. */
  get readAttributes(): string[] {
    return this.#compiled.filter((c) => c.mapping.direction !== 'toApp').map((c) => c.mapping.ldap);
  }

  /** Every LDAP attribute the connector writes. */
  get writtenAttributes(): string[] {
    return [
      ...new Set(this.#compiled.filter((c) => c.mapping.direction !== 'fromApp').map((c) => c.mapping.ldap)),
    ];
  }

  /**
   * What a search of one entry asks the directory for: its id and RDN, the timestamps `meta` is made
   * of, every mapped attribute (written ones too, to compare before a modify) and `extra`.
   */
  searchAttributes(entry: { id: string; rdn: string }, extra: readonly string[] = []): string[] {
    return [
      ...new Set([
        entry.id,
        entry.rdn,
        'createTimestamp',
        'modifyTimestamp',
        ...this.readAttributes,
        ...this.writtenAttributes,
        ...extra,
      ]),
    ];
  }

  /** The LDAP attribute a filter path compares against. */
  attributeFor(path: AttrPath): string | undefined {
    const key = pathKey(path.uri, path.name, path.subAttr);
    return this.#compiled.find((c) => c.key === key && c.mapping.direction !== 'toApp')?.mapping.ldap;
  }

  /** The LDAP values of a resource: attribute → values (an absent SCIM value gives no entry). */
  toLdap(resource: ScimResource): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const { mapping, path } of this.#compiled) {
      if (mapping.direction === 'fromApp') continue;
      const value = readValue(resource, path);
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
      if (value === '') continue;
      let text = ldapText(value);
      if (mapping.transform === 'lower') text = text.toLowerCase();
      if (mapping.transform === 'upper') text = text.toUpperCase();
      if (!out.has(mapping.ldap)) out.set(mapping.ldap, [text]);
    }
    return out;
  }

  /** Writes the mapped values of an entry into a resource. */
  fromLdap(entry: Entry, resource: ScimResource): void {
    for (const { mapping, path } of this.#compiled) {
      if (mapping.direction === 'toApp') continue;
      const [text] = values(entry, mapping.ldap);
      const value = text === undefined ? undefined : scimValue(text, mapping.type);
      if (value !== undefined) writeValue(resource, path, value);
    }
  }

  /** Extension URNs the mapped paths use, for the resource's `schemas`. */
  get extensionUrns(): string[] {
    return [...new Set(this.#compiled.flatMap((c) => (c.path.uri === undefined ? [] : [c.path.uri])))];
  }
}
