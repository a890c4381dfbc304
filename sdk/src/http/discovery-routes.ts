// The dialect's discovery endpoints: GET only, documents built from what the server really serves.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StaticDiscoveryInfo } from './discovery.js';
import { allowOnly } from './method-not-allowed.js';
import type { DialectEnv } from './resource-routes.js';
import { sendScim } from './scim-reply.js';

export function registerDiscoveryRoutes(
  scope: FastifyInstance,
  env: DialectEnv,
  info: StaticDiscoveryInfo,
): void {
  for (const route of env.dialect.discovery) {
    scope.get(route.path, async (request: FastifyRequest<{ Params: { id?: string } }>, reply) => {
      const document = route.document({ ...info, baseUrl: env.baseUrl(request) }, request.params.id);
      return sendScim(reply, env.dialect, 200, document);
    });
    allowOnly(scope, env, route.path, ['GET']);
  }
}
