// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// The capabilities this connector offers, the SCIM dialects it serves, and the service methods it hands the server.
import {
  bindServedMethods,
  type Capability,
  type Dialect,
  type DialectOptions,
  type ScimService,
  type ServiceMethod,
} from 'scim-connector-sdk';

/** Okta's provisioning capabilities, advertised at /ServiceProviderConfig. */
export const CAPABILITIES: Capability[] = ['PUSH_NEW_USERS', 'PUSH_PROFILE_UPDATES', 'IMPORT_NEW_USERS'];

/** The served dialects and their base paths; `false` turns a dialect off. */
export const DIALECTS: Partial<Record<Dialect, DialectOptions | false>> = {
  '2.0': { basePath: '/scim/v2' },
  '1.1': { basePath: '/scim/v1' },
};

/** The service methods connector.yaml needs (the capabilities' in the served dialects, and the extra operations). */
export const SERVED_METHODS: readonly ServiceMethod[] = [
  'createUser',
  'updateUser',
  'getUser',
  'getUsers',
  'getGroups',
];

/**
 * The connector's methods that connector.yaml needs, bound to it. Only these are served: a method the
 * spec no longer needs stays in the class but answers 501.
 */
export function servedService(connector: object): ScimService {
  return bindServedMethods(connector, SERVED_METHODS);
}
