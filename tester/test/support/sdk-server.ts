// Starts the SDK's own SCIM server over a MemoryStore (HTTP, or HTTPS with a certificate made now) for the tester's tests.
import {
  CAPABILITIES,
  createScimServer,
  MemoryStore,
  URN,
  type Capability,
  type ScimServer,
  type ScimService,
} from 'scim-connector-sdk';
import { testCertificate } from 'scim-connector-sdk/testing';

export const SDK_TOKEN = 'tester-sdk-token-3a7e9c1d';

export interface RunningSdkServer {
  server: ScimServer;
  store: MemoryStore;
  /** `http(s)://127.0.0.1:<port>` */
  origin: string;
  /** The certificate to trust, for HTTPS. */
  ca?: string;
}

/** Takes Okta's extension out of a ServiceProviderConfig body, as a generic SCIM 2.0 server would serve it. */
function withoutOktaExtension(payload: string): string {
  const body = JSON.parse(payload) as Record<string, unknown>;
  delete body[URN.oktaProviderConfig];
  body['schemas'] = (body['schemas'] as string[]).filter((urn) => urn !== URN.oktaProviderConfig);
  return JSON.stringify(body);
}

export async function startSdkServer(
  options: {
    tls?: boolean;
    capabilities?: Capability[];
    service?: (store: MemoryStore) => ScimService;
    /** Serve the 2.0 ServiceProviderConfig without Okta's capability extension. */
    withoutOktaExtension?: boolean;
  } = {},
): Promise<RunningSdkServer> {
  const store = new MemoryStore();
  const tls = options.tls ? await testCertificate() : undefined;
  const server = await createScimServer({
    service: options.service ? options.service(store) : store,
    capabilities: options.capabilities ?? [...CAPABILITIES],
    auth: { bearerTokens: [SDK_TOKEN] },
    logger: false,
    ...(tls ? { tls: { key: tls.keyPem, cert: tls.certPem } } : {}),
  });
  if (options.withoutOktaExtension) {
    server.app.addHook('onSend', async (request, _reply, payload) =>
      request.url.startsWith('/scim/v2/ServiceProviderConfig') && typeof payload === 'string'
        ? withoutOktaExtension(payload)
        : payload,
    );
  }
  const origin = await server.listen();
  return { server, store, origin, ...(tls ? { ca: tls.certPem } : {}) };
}
