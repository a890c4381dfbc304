// The dialect adapter interface: everything about the wire that differs between SCIM 2.0 and SCIM 1.1.
import type { ScimError } from '../protocol/errors.js';
import type { ScimResource } from '../protocol/resource.js';
import type { SchemaRegistry } from '../protocol/resource-schema.js';
import type { ResourceSchema } from '../protocol/schema-types.js';
import type { Dialect } from '../protocol/dialect.js';
import type { PatchOperation } from '../protocol/patch/operation.js';
import type { ListQuery } from '../service/scim-service.js';
import type { DiscoveryInfo } from './discovery.js';
import type { QueryParams } from './list-params.js';
import type { OktaOptions } from './server-options.js';

/** Request bodies are JSON under either media type unless a dialect says otherwise. */
export const DEFAULT_REQUEST_CONTENT_TYPES: readonly string[] = ['application/scim+json', 'application/json'];

/** What a dialect is built from, once per server. */
export interface DialectSetup {
  /** The User and Group schemas, with the connector's extensions. */
  schemas: SchemaRegistry;
  /** Okta's names for the custom user schema (the 1.1 alias table needs them). */
  okta: OktaOptions;
  /** The most resources one list response holds. */
  maxResults: number;
}

/** One page of a list, its resources already written by `writeResource`. */
export interface ListPage {
  resources: unknown[];
  totalResults: number;
  /** 1-based index of the first resource. */
  startIndex: number;
  /** Whether the client asked for a page (sent startIndex or count). */
  paged: boolean;
}

/** A GET-only discovery endpoint, its path relative to the dialect's base (`/Schemas/:id`). */
export interface DiscoveryRoute {
  path: string;
  /** The document for the request; `id` is the `:id` path parameter. Throws ScimError 404 for an unknown id. */
  document(info: DiscoveryInfo, id: string | undefined): unknown;
}

/**
 * The adapter of one SCIM dialect (a `Dialect`, named by version): its wire form. The engine is
 * dialect-free: the service always sees canonical SCIM 2.0 resources, filters and PATCH operations,
 * and the adapter translates at the edges. Every method
 * that reads client input throws a ScimError (never anything else) for input it cannot read.
 *
 * Routes every dialect gets: `GET|POST /Users`, `GET|PUT|PATCH|DELETE /Users/:id`, the same for
 * `/Groups`, plus `POST /Users/.search`, `/Groups/.search` and `/.search` when `search` is true, plus
 * the dialect's `discovery` routes. Status codes (201 on create, 204 on delete, 404/405/415/413/501)
 * are the engine's; bodies and content types are the dialect's.
 */
export interface DialectAdapter {
  readonly version: Dialect;
  /** The Content-Type of every response body. */
  readonly contentType: string;
  /**
   * Media types accepted on request bodies (parameters such as charset are ignored); others get 415.
   * Default `DEFAULT_REQUEST_CONTENT_TYPES`: clients send both.
   */
  readonly requestContentTypes?: readonly string[];
  /** Whether `POST /.search`, `/Users/.search` and `/Groups/.search` are served. */
  readonly search: boolean;
  /**
   * Whether a list request asked for a page (its response then carries startIndex and
   * itemsPerPage). Default: either `startIndex` or `count` given.
   */
  isPaged?(query: QueryParams): boolean;
  /** Discovery endpoints (ServiceProviderConfig, ResourceTypes, Schemas) under the dialect's names. */
  readonly discovery: readonly DiscoveryRoute[];

  /**
   * A POST or PUT body as a canonical resource (read-only attributes dropped), validated in pieces
   * with turns of the event loop between them (a large body is validated without freezing the server).
   */
  readResource(body: unknown, schema: ResourceSchema): Promise<ScimResource>;
  /** A PATCH body as canonical operations (paths in SCIM 2.0 names). */
  readPatch(body: unknown, schema: ResourceSchema): PatchOperation[];
  /**
   * The list parameters of a query string: the filter parsed (and translated) into canonical
   * paths, paging read by the dialect's rules, `count` always set and at most `maxResults`.
   * `schema` is absent for a search over every resource type.
   */
  readListQuery(query: QueryParams, schema: ResourceSchema | undefined): ListQuery;
  /** The body of a `POST …/.search`, read like `readListQuery`. */
  readSearchRequest(body: unknown, schema: ResourceSchema | undefined): ListQuery;
  /** `attributes` / `excludedAttributes` of a request for one resource, in canonical names. */
  readProjection(
    query: QueryParams,
    schema: ResourceSchema,
  ): Pick<ListQuery, 'attributes' | 'excludedAttributes'>;

  /** A canonical resource (with meta.location, already projected) as the dialect's JSON. */
  writeResource(resource: ScimResource, schema: ResourceSchema): unknown;
  /** A list response. */
  writeList(page: ListPage): unknown;
  /** An error body. */
  writeError(err: ScimError): unknown;
}

/** A dialect the server can serve: registered once in `DIALECTS` (dialect-table.ts). */
export interface DialectDefinition {
  readonly version: Dialect;
  /** Where it is served unless the options say otherwise. */
  readonly defaultBasePath: string;
  create(setup: DialectSetup): DialectAdapter;
}
