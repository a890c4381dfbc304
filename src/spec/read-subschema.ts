// Reads a live directory's subschema (object classes and attribute types) over LDAP, anonymously.
import { Client } from 'ldapts';

/** The subschema as LDIF-like text parseDirectorySchema reads; rejects when the server cannot be read. */
export async function readSubschema(url: string, timeoutMs = 5000): Promise<string> {
  const client = new Client({ url, timeout: timeoutMs, connectTimeout: timeoutMs });
  try {
    const root = await client.search('', {
      scope: 'base',
      filter: '(objectClass=*)',
      attributes: ['subschemaSubentry'],
    });
    const entry = String(root.searchEntries[0]?.['subschemaSubentry'] ?? 'cn=Subschema');
    const { searchEntries } = await client.search(entry, {
      scope: 'base',
      filter: '(objectClass=subschema)',
      attributes: ['objectClasses', 'attributeTypes'],
    });
    const schema = searchEntries[0];
    const lines = (name: string): string[] => {
      const raw = schema?.[name] ?? [];
      return (Array.isArray(raw) ? raw : [raw]).map((value) => `${name}: ${value.toString()}`);
    };
    return ['dn: ' + entry, ...lines('attributeTypes'), ...lines('objectClasses')].join('\n');
  } finally {
    await client.unbind().catch(() => undefined);
  }
}
