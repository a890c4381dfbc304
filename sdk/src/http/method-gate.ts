// The service's methods for one resource type, bound; a missing one is a 501 where a route needs it.
import { ScimError } from '../protocol/errors.js';
import type { ResourceTypeName, ScimResource } from '../protocol/resource.js';
import type { PatchOperation } from '../protocol/patch/operation.js';
import type {
  ListQuery,
  ListResult,
  RequestContext,
  ScimService,
  ServiceMethod,
} from '../service/scim-service.js';

/** The operations of one resource type; absent where the service lacks the method. */
export interface ResourceOperations {
  create?: (resource: ScimResource, ctx: RequestContext) => Promise<ScimResource>;
  update?: (id: string, resource: ScimResource, ctx: RequestContext) => Promise<ScimResource>;
  get?: (id: string, ctx: RequestContext) => Promise<ScimResource | undefined>;
  list?: (query: ListQuery, ctx: RequestContext) => Promise<ListResult<ScimResource>>;
  delete?: (id: string, ctx: RequestContext) => Promise<void>;
  patch?: (
    id: string,
    operations: PatchOperation[],
    ctx: RequestContext,
  ) => Promise<ScimResource | undefined>;
}

export type OperationName = keyof ResourceOperations;

/** The service method behind each operation, per resource type. */
export const METHOD_NAMES: Readonly<
  Record<ResourceTypeName, Readonly<Record<OperationName, ServiceMethod>>>
> = {
  User: {
    create: 'createUser',
    update: 'updateUser',
    get: 'getUser',
    list: 'getUsers',
    delete: 'deleteUser',
    patch: 'patchUser',
  },
  Group: {
    create: 'createGroup',
    update: 'updateGroup',
    get: 'getGroup',
    list: 'getGroups',
    delete: 'deleteGroup',
    patch: 'patchGroup',
  },
};

/** The service's methods for a resource type, bound to the service. */
export function operationsFor(service: ScimService, type: ResourceTypeName): ResourceOperations {
  const names = METHOD_NAMES[type];
  const ops: Record<string, unknown> = {};
  for (const [operation, method] of Object.entries(names)) {
    // Read only to be bound to the service on the next line.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const fn: unknown = service[method];
    if (typeof fn === 'function') ops[operation] = (fn as (...args: unknown[]) => unknown).bind(service);
  }
  return ops;
}

/** The operation, or a 501 naming the service method the connector does not implement. */
export function requireOperation<K extends OperationName>(
  ops: ResourceOperations,
  operation: K,
  type: ResourceTypeName,
): NonNullable<ResourceOperations[K]> {
  const fn = ops[operation];
  if (fn === undefined)
    throw new ScimError('SCIM_ERR_NOT_IMPLEMENTED', { operation: METHOD_NAMES[type][operation] });
  return fn;
}
