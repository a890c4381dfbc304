// Binds the methods a connector's spec needs, so the server serves only those and answers 501 for the rest.
import type { ScimService, ServiceMethod } from './scim-service.js';

/**
 * A service of `connector`'s `methods`, each bound to it. A method the class still has but the spec no
 * longer needs (kept by regeneration, marked deprecated) is left out, so the server answers 501 for it;
 * a needed method the class lacks is a start-up error naming it.
 */
export function bindServedMethods(connector: object, methods: readonly ServiceMethod[]): ScimService {
  const own = connector as Partial<Record<ServiceMethod, unknown>>;
  const service: Record<string, unknown> = {};
  for (const method of methods) {
    const implementation = own[method];
    if (typeof implementation !== 'function') {
      throw new Error(`the connector has no ${method} method, which connector.yaml needs`);
    }
    service[method] = implementation.bind(connector);
  }
  return service;
}
