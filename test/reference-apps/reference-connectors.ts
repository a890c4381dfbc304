// The example goldens' generated connectors, built straight (no SCIM server) against a running reference server.
import { Connector as AcmeConnector } from '../golden/acme-hr/src/connector.js';
import { readConfig as readAcmeConfig } from '../golden/acme-hr/src/generated/config.js';
import { Connector as GlobexConnector } from '../golden/globex-crm/src/connector.js';
import { readConfig as readGlobexConfig } from '../golden/globex-crm/src/generated/config.js';
import type { AcmeHr } from './acme-hr/acme-hr-server.js';
import type { GlobexCrm } from './globex-crm/globex-crm-server.js';

/** A request context for calling a connector's methods directly. */
export const ctx = { requestId: 'reference-test', dialect: '2.0' } as const;

/** The acme-hr connector pointed at `app`. */
export function acmeConnector(app: AcmeHr): AcmeConnector {
  return new AcmeConnector(
    readAcmeConfig({
      HOST: '127.0.0.1',
      PORT: '0',
      SCIM_BEARER_TOKEN: 'unused',
      ACME_BASE_URL: app.url,
      ACME_API_TOKEN: app.token,
    }),
  );
}

/** The globex-crm connector pointed at `app`. */
export function globexConnector(app: GlobexCrm): GlobexConnector {
  return new GlobexConnector(
    readGlobexConfig({
      HOST: '127.0.0.1',
      PORT: '0',
      SCIM_BASIC_USER: 'unused',
      SCIM_BASIC_PASSWORD: 'unused',
      GLOBEX_BASE_URL: app.url,
      GLOBEX_TOKEN_URL: app.tokenUrl,
      GLOBEX_CLIENT_ID: app.clientId,
      GLOBEX_CLIENT_SECRET: app.clientSecret,
      GLOBEX_ORG_ID: app.orgId,
    }),
  );
}
