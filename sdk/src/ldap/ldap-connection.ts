// Opens one bound connection to the directory: ldaps://, or ldap:// upgraded with StartTLS, trusting the configured CA.
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { Client } from 'ldapts';
import type { LdapConnectionOptions } from './ldap-options.js';

/** Opens a bound client; the service calls it once per operation (and once per import in progress). */
export type LdapConnect = () => Promise<Client>;

/** A connect function for these options; the CA file is read once, here. */
export function ldapConnector(options: LdapConnectionOptions): LdapConnect {
  const tlsOptions: ConnectionOptions =
    options.caFile === undefined ? {} : { ca: readFileSync(options.caFile, 'utf8') };
  return async () => {
    const client = new Client({
      url: options.url,
      timeout: options.timeoutMs,
      connectTimeout: options.timeoutMs,
      // ldaps:// only: given to an ldap:// client, ldapts breaks its StartTLS handshake.
      ...(options.url.toLowerCase().startsWith('ldaps:') ? { tlsOptions: { ...tlsOptions } } : {}),
    });
    try {
      // A copy: ldapts writes the socket into the options object it is given.
      if (options.startTls) await client.startTLS({ ...tlsOptions });
      await client.bind(options.bindDn, options.bindPassword);
      return client;
    } catch (error) {
      await client.unbind().catch(() => undefined);
      throw error;
    }
  };
}
