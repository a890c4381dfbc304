// Whether an RDN value (a userName, a group's displayName) is free under its search base: the backend's uniqueness rule.
import type { Client } from 'ldapts';
import { ConflictError } from '../service/errors.js';
import { first } from './entry-values.js';
import { escapeFilterValue } from './escape-filter-value.js';
import type { LdapEntryOptions } from './ldap-options.js';

/** The filter that picks one resource type's entries: its first object class. */
export function objectClassFilter(options: LdapEntryOptions): string {
  return `(objectClass=${options.objectClasses[0] ?? 'top'})`;
}

/**
 * 409 when another entry under the base already has this RDN value (deactivated users included, since
 * they stay under the base). `except` is the id of the entry being renamed, which may keep its own.
 */
export async function assertRdnFree(
  client: Client,
  options: LdapEntryOptions,
  scimName: string,
  value: string,
  except?: string,
): Promise<void> {
  const filter = `(&${objectClassFilter(options)}(${options.rdn}=${escapeFilterValue(value)}))`;
  const { searchEntries } = await client.search(options.base, {
    scope: options.scope,
    filter,
    attributes: [options.id],
    sizeLimit: 2,
  });
  if (searchEntries.some((entry) => first(entry, options.id) !== except)) {
    throw new ConflictError(`${scimName} ${JSON.stringify(value)} is taken`);
  }
}
