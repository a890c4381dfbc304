// Okta's UserManagementCapabilities and the service methods each needs, per dialect: shared data for server, generator and tester.
import type { Dialect } from '../protocol/dialect.js';
import type { ServiceMethod } from './scim-service.js';

export const CAPABILITIES = [
  'PUSH_NEW_USERS',
  'PUSH_PENDING_USERS',
  'PUSH_PROFILE_UPDATES',
  'PUSH_PASSWORD_UPDATES',
  'PUSH_USER_DEACTIVATION',
  'REACTIVATE_USERS',
  'IMPORT_NEW_USERS',
  'IMPORT_PROFILE_UPDATES',
  'GROUP_PUSH',
  'OPP_SCIM_INCREMENTAL_IMPORTS',
] as const;

export type Capability = (typeof CAPABILITIES)[number];

export type { Dialect };

/** The SCIM 1.1 (Okta Provisioning Agent) contract: capability → service methods. */
const METHODS_11: Readonly<Record<Capability, readonly ServiceMethod[]>> = {
  PUSH_NEW_USERS: ['createUser', 'getUsers'],
  PUSH_PENDING_USERS: ['createUser', 'updateUser', 'getUsers'],
  PUSH_PROFILE_UPDATES: ['updateUser'],
  PUSH_PASSWORD_UPDATES: ['updateUser'],
  PUSH_USER_DEACTIVATION: ['updateUser'],
  REACTIVATE_USERS: ['updateUser'],
  IMPORT_NEW_USERS: ['getUsers', 'getGroups'],
  IMPORT_PROFILE_UPDATES: ['getUser'],
  GROUP_PUSH: ['createGroup', 'updateGroup', 'getGroup', 'deleteGroup'],
  OPP_SCIM_INCREMENTAL_IMPORTS: ['getUsers'],
};

/** Over SCIM 2.0 clients read before they write, and PATCH without patchX is read-apply-update. */
const READ_BEFORE_WRITE: Readonly<Partial<Record<ServiceMethod, ServiceMethod>>> = {
  updateUser: 'getUser',
  updateGroup: 'getGroup',
};

function withReads(methods: readonly ServiceMethod[]): ServiceMethod[] {
  const all = new Set<ServiceMethod>(methods);
  for (const method of methods) {
    const read = READ_BEFORE_WRITE[method];
    if (read) all.add(read);
  }
  return [...all];
}

/** The service methods a capability needs in a dialect. */
export function methodsForCapability(capability: Capability, dialect: Dialect): ServiceMethod[] {
  const methods = METHODS_11[capability];
  return dialect === '1.1' ? [...methods] : withReads(methods);
}

/** The union of the methods the capabilities need, in the order of the given dialects' tables. */
export function methodsForCapabilities(
  capabilities: readonly Capability[],
  dialects: readonly Dialect[] = ['2.0', '1.1'],
): ServiceMethod[] {
  const all = new Set<ServiceMethod>();
  for (const dialect of dialects) {
    for (const capability of capabilities) {
      for (const method of methodsForCapability(capability, dialect)) all.add(method);
    }
  }
  return [...all];
}

/** The whole table per dialect, as data (for docs, the generator and the tester). */
export function capabilityTable(dialect: Dialect): Record<Capability, ServiceMethod[]> {
  return Object.fromEntries(CAPABILITIES.map((c) => [c, methodsForCapability(c, dialect)])) as Record<
    Capability,
    ServiceMethod[]
  >;
}

export function isCapability(value: string): value is Capability {
  return (CAPABILITIES as readonly string[]).includes(value);
}
