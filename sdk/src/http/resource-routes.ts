// The /Users and /Groups routes of one dialect: list, search, get, create, replace, patch, delete.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkFilter } from '../protocol/filter/check.js';
import { ScimError } from '../protocol/errors.js';
import { applyPatch } from '../protocol/patch/apply.js';
import { projector } from '../protocol/projection.js';
import type { ResourceTypeName, ScimResource } from '../protocol/resource.js';
import type { SchemaRegistry } from '../protocol/resource-schema.js';
import type { ResourceSchema } from '../protocol/schema-types.js';
import { validateResource } from '../protocol/validate-resource.js';
import { NotFoundError } from '../service/errors.js';
import type { ListQuery, ListResult, RequestContext, ScimService } from '../service/scim-service.js';
import type { DialectAdapter } from './dialect.js';
import { etagOf, tagMatches } from './etag.js';
import { holdSecretsOf } from './fault-log.js';
import type { QueryParams } from './list-params.js';
import { operationsFor, requireOperation, METHOD_NAMES, type ResourceOperations } from './method-gate.js';
import { allowOnly } from './method-not-allowed.js';
import { nextTurn } from './next-turn.js';
import { serviceContext } from './request-context.js';
import { oneAtATime } from './write-queue.js';
import { sendScim } from './scim-reply.js';

/** What the routes of one dialect share. */
export interface DialectEnv {
  dialect: DialectAdapter;
  service: ScimService;
  schemas: SchemaRegistry;
  /** The most resources one list response holds, whatever `count` the dialect read. */
  maxResults: number;
  /** Absolute URL of the dialect's base for this request. */
  baseUrl(request: FastifyRequest): string;
}

type IdRequest = FastifyRequest<{ Params: { id: string }; Querystring: QueryParams }>;
type QueryRequest = FastifyRequest<{ Querystring: QueryParams }>;

/** The resource as the client may see it: meta.location set, projected, written by the dialect. */
function present(
  env: DialectEnv,
  request: FastifyRequest,
  schema: ResourceSchema,
  resource: ScimResource,
  projection: Pick<ListQuery, 'attributes' | 'excludedAttributes'>,
): unknown {
  return presenter(env, request, schema, projection)(resource);
}

/**
 * `present` for any number of resources of one request: the base URL and the projection are worked
 * out once, and the located meta goes straight into the projection (no copy of the resource for it).
 */
function presenter(
  env: DialectEnv,
  request: FastifyRequest,
  schema: ResourceSchema,
  projection: Pick<ListQuery, 'attributes' | 'excludedAttributes'>,
): (resource: ScimResource) => unknown {
  const base = locationBase(env, request, schema);
  const project = projector(schema, projection);
  return (resource) => {
    const meta =
      typeof resource.id === 'string'
        ? locatedMeta(resource.meta, schema.resourceType, locationOf(base, resource.id))
        : undefined;
    return env.dialect.writeResource(project(resource, meta), schema);
  };
}

/** The URL a resource's id is appended to for its meta.location. */
function locationBase(env: DialectEnv, request: FastifyRequest, schema: ResourceSchema): string {
  return `${env.baseUrl(request)}${schema.endpoint}/`;
}

function withLocation(base: string, schema: ResourceSchema, resource: ScimResource): ScimResource {
  if (typeof resource.id !== 'string') return resource;
  return {
    ...resource,
    meta: locatedMeta(resource.meta, schema.resourceType, locationOf(base, resource.id)),
  };
}

function locationOf(base: string, id: string): string {
  return `${base}${encodeURIComponent(id)}`;
}

/**
 * `{ ...meta, resourceType, location }`, without adding keys to a spread copy: V8 takes a slow path
 * for that (about a microsecond a resource, most of an import page's). Object.assign would set the
 * prototype from an own `__proto__` key, where a spread copies it: such a meta keeps the spread.
 */
function locatedMeta(meta: unknown, resourceType: string, location: string): Record<string, unknown> {
  if (typeof meta !== 'object' || meta === null || Object.hasOwn(meta, '__proto__')) {
    return { ...(meta as Record<string, unknown>), resourceType, location };
  }
  return Object.assign({}, meta, { resourceType, location });
}

function etagHeader(resource: ScimResource): Record<string, string> {
  const etag = etagOf(resource);
  return etag === undefined ? {} : { etag };
}

async function mustGet(
  ops: ResourceOperations,
  type: ResourceTypeName,
  id: string,
  ctx: RequestContext,
): Promise<ScimResource> {
  const found = await requireOperation(ops, 'get', type)(id, ctx);
  if (found === undefined || found === null) throw new NotFoundError(type, id);
  return found;
}

/** If-Match on a write: the current version must be one the client names (RFC 9110 §13.1.1). */
async function checkIfMatch(
  request: FastifyRequest,
  ops: ResourceOperations,
  type: ResourceTypeName,
  id: string,
  ctx: RequestContext,
  current?: ScimResource,
): Promise<void> {
  const header = request.headers['if-match'];
  if (header === undefined) return;
  if (current === undefined && ops.get === undefined) {
    throw new ScimError('SCIM_ERR_PRECONDITION_FAILED', {
      reason: 'the connector cannot read the current version',
    });
  }
  const resource = current ?? (await mustGet(ops, type, id, ctx));
  if (!tagMatches(header, etagOf(resource))) {
    throw new ScimError('SCIM_ERR_PRECONDITION_FAILED', {
      reason: 'If-Match does not name the current version',
    });
  }
}

/** Runs a list query and writes the page; the service's page is cut to `count` should it return more. */
async function listPage(
  env: DialectEnv,
  request: FastifyRequest,
  reply: FastifyReply,
  parts: { schema: ResourceSchema; ops: ResourceOperations }[],
  query: ListQuery,
  paged: boolean,
): Promise<FastifyReply> {
  // The page is only presented, never changed: the service may hand out what it keeps.
  const ctx = serviceContext(request, env.dialect.version, true);
  if (query.filter !== undefined) for (const { schema } of parts) checkFilter(query.filter, schema);
  const resources: unknown[] = [];
  let totalResults = 0;
  let skip = query.startIndex - 1;
  let remaining = Math.min(query.count ?? env.maxResults, env.maxResults);
  for (const { schema, ops } of parts) {
    const list = requireOperation(ops, 'list', schema.resourceType);
    const result: ListResult<ScimResource> = await list(
      { ...query, startIndex: skip + 1, count: remaining },
      ctx,
    );
    const total = Number.isSafeInteger(result.totalResults) ? result.totalResults : result.resources.length;
    const page = result.resources.slice(0, remaining);
    const show = presenter(env, request, schema, query);
    for (const resource of page) resources.push(show(resource));
    remaining -= page.length;
    totalResults += total;
    skip = Math.max(0, skip - total);
  }
  return sendScim(
    reply,
    env.dialect,
    200,
    env.dialect.writeList({ resources, totalResults, startIndex: query.startIndex, paged }),
  );
}

/** Whether a query string or a SearchRequest body names startIndex or count, in any case. */
function isPaged(params: unknown): boolean {
  return (
    params !== null &&
    typeof params === 'object' &&
    Object.keys(params).some((k) => ['startindex', 'count'].includes(k.toLowerCase()))
  );
}

function registerResourceType(scope: FastifyInstance, env: DialectEnv, type: ResourceTypeName): void {
  const { dialect } = env;
  const schema = env.schemas.forType(type);
  const ops = operationsFor(env.service, type);
  const collection = schema.endpoint;
  const one = `${collection}/:id`;
  const parts = [{ schema, ops }];

  scope.get(collection, async (request: QueryRequest, reply) => {
    return listPage(
      env,
      request,
      reply,
      parts,
      dialect.readListQuery(request.query, schema),
      dialect.isPaged?.(request.query) ?? isPaged(request.query),
    );
  });

  scope.post(collection, async (request: QueryRequest, reply) => {
    const create = requireOperation(ops, 'create', type);
    await nextTurn();
    const input = await dialect.readResource(request.body, schema);
    await nextTurn();
    const created = withLocation(
      locationBase(env, request, schema),
      schema,
      await create(input, serviceContext(request, dialect.version)),
    );
    await nextTurn();
    const body = present(env, request, schema, created, dialect.readProjection(request.query, schema));
    return sendScim(reply, dialect, 201, body, {
      ...etagHeader(created),
      ...(created.meta?.location === undefined ? {} : { location: created.meta.location }),
    });
  });

  scope.get(one, async (request: IdRequest, reply) => {
    const ctx = serviceContext(request, dialect.version, true);
    const projection = dialect.readProjection(request.query, schema);
    const resource = await mustGet(ops, type, request.params.id, ctx);
    const headers = etagHeader(resource);
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch !== undefined && headers.etag !== undefined && tagMatches(ifNoneMatch, headers.etag)) {
      return reply.code(304).header('etag', headers.etag).send();
    }
    return sendScim(reply, dialect, 200, present(env, request, schema, resource, projection), headers);
  });

  scope.put(one, async (request: IdRequest, reply) => {
    const update = requireOperation(ops, 'update', type);
    const ctx = serviceContext(request, dialect.version);
    await nextTurn();
    const input = await dialect.readResource(request.body, schema);
    const { id } = request.params;
    await nextTurn();
    const updated = await oneAtATime(env.service, `${type}/${id}`, async () => {
      await checkIfMatch(request, ops, type, id, ctx);
      return update(id, input, ctx);
    });
    await nextTurn();
    return sendScim(
      reply,
      dialect,
      200,
      present(env, request, schema, updated, dialect.readProjection(request.query, schema)),
      etagHeader(updated),
    );
  });

  scope.patch(one, async (request: IdRequest, reply) => {
    const { id } = request.params;
    const ctx = serviceContext(request, dialect.version);
    if (ops.patch === undefined && (ops.get === undefined || ops.update === undefined)) {
      throw new ScimError('SCIM_ERR_NOT_IMPLEMENTED', { operation: METHOD_NAMES[type].patch });
    }
    await nextTurn();
    const operations = dialect.readPatch(request.body, schema);
    const projection = dialect.readProjection(request.query, schema);
    const patch = ops.patch;
    await nextTurn();
    const result = await oneAtATime(env.service, `${type}/${id}`, async () => {
      if (patch !== undefined) {
        await checkIfMatch(request, ops, type, id, ctx);
        return patch(id, operations, ctx);
      }
      const current = await mustGet(ops, type, id, ctx);
      holdSecretsOf(request, current);
      await checkIfMatch(request, ops, type, id, ctx, current);
      await nextTurn();
      const patched = applyPatch(current, operations, schema);
      if (patched.changed.length === 0) return current;
      await nextTurn();
      const valid = validateResource(patched.resource, schema);
      await nextTurn();
      return requireOperation(ops, 'update', type)(id, valid, ctx);
    });
    // A client that names attributes asks for the resource (RFC 7644 §3.5.2): read it back.
    const wanted = projection.attributes !== undefined || projection.excludedAttributes !== undefined;
    const answer =
      result ?? (wanted && ops.get !== undefined ? await mustGet(ops, type, id, ctx) : undefined);
    if (answer === undefined || answer === null) return reply.code(204).send();
    await nextTurn();
    return sendScim(
      reply,
      dialect,
      200,
      present(env, request, schema, answer, projection),
      etagHeader(answer),
    );
  });

  scope.delete(one, async (request: IdRequest, reply) => {
    const remove = requireOperation(ops, 'delete', type);
    const ctx = serviceContext(request, dialect.version);
    const { id } = request.params;
    await oneAtATime(env.service, `${type}/${id}`, async () => {
      await checkIfMatch(request, ops, type, id, ctx);
      await remove(id, ctx);
    });
    return reply.code(204).send();
  });

  allowOnly(scope, env, collection, ['GET', 'POST']);
  allowOnly(scope, env, one, ['GET', 'PUT', 'PATCH', 'DELETE']);
  if (dialect.search) {
    scope.post(`${collection}/.search`, async (request, reply) => {
      return listPage(
        env,
        request,
        reply,
        parts,
        dialect.readSearchRequest(request.body, schema),
        isPaged(request.body),
      );
    });
    allowOnly(scope, env, `${collection}/.search`, ['POST']);
  }
}

/** `POST /.search` over every resource type the service lists: users first, then groups. */
function registerRootSearch(scope: FastifyInstance, env: DialectEnv): void {
  const parts = (['User', 'Group'] as const)
    .map((type) => ({ schema: env.schemas.forType(type), ops: operationsFor(env.service, type) }))
    .filter((part) => part.ops.list !== undefined);
  scope.post('/.search', async (request, reply) => {
    if (parts.length === 0) throw new ScimError('SCIM_ERR_NOT_IMPLEMENTED', { operation: 'getUsers' });
    return listPage(
      env,
      request,
      reply,
      parts,
      env.dialect.readSearchRequest(request.body, undefined),
      isPaged(request.body),
    );
  });
  allowOnly(scope, env, '/.search', ['POST']);
}

/** Registers every resource route of a dialect on its (prefixed) scope. */
export function registerResourceRoutes(scope: FastifyInstance, env: DialectEnv): void {
  registerResourceType(scope, env, 'User');
  registerResourceType(scope, env, 'Group');
  if (env.dialect.search) registerRootSearch(scope, env);
}
