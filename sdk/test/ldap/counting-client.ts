// Wraps the service's connections to record every modify it sends and every entry its searches read.
import type { Change, Client } from 'ldapts';
import type { LdapConnect } from 'scim-connector-sdk/ldap';

export interface Recorded {
  modifies: { dn: string; changes: { operation: string; type: string; values: number }[] }[];
  entriesRead: number;
}

/** A connect function whose clients report what they send to `recorded`. */
export function countingConnect(connect: LdapConnect, recorded: Recorded): LdapConnect {
  return async () => {
    const client: Client = await connect();
    const modify = client.modify.bind(client);
    const search = client.search.bind(client);
    const searchPaginated = client.searchPaginated.bind(client);
    client.modify = async (dn, changes, controls) => {
      const list: Change[] = Array.isArray(changes) ? changes : [changes];
      recorded.modifies.push({
        dn: String(dn),
        changes: list.map((c) => ({
          operation: c.operation,
          type: c.modification.type,
          values: c.modification.values.length,
        })),
      });
      return modify(dn, changes, controls);
    };
    client.search = async (base, options, controls) => {
      const result = await search(base, options, controls);
      recorded.entriesRead += result.searchEntries.length;
      return result;
    };
    client.searchPaginated = async function* (base, options, controls) {
      for await (const page of searchPaginated(base, options, controls)) {
        recorded.entriesRead += page.searchEntries.length;
        yield page;
      }
    };
    return client;
  };
}
