// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// An in-memory HTTP fake of the app, derived from connector.yaml's mappings and the app's OpenAPI document:
// the operations it maps, where ids go, how lists page and filter, what each answers. For tests only.
import {
  startFakeApp as startFake,
  type FakeApp,
  type FakeAppCredentials,
  type FakeResource,
} from 'scim-connector-sdk/testing';

export type { FakeApp };

/** The app's mapped resources, as the document and the mapping describe them. */
const RESOURCES: Record<string, FakeResource> = {
  users: {
    collection: '/orgs/{orgId}/contacts',
    item: '/orgs/{orgId}/contacts/{contactId}',
    stamps: { created: { field: 'createdAt', unit: 1 }, modified: { field: 'updatedAt', unit: 1 } },
    create: { method: 'POST', status: 201, answer: 'location' },
    unique: 'login',
    get: { method: 'GET' },
    update: { method: 'PATCH', status: 204, answer: 'none', merge: true },
    password: { path: '/orgs/{orgId}/contacts/{contactId}/credentials', method: 'PUT', status: 204 },
    list: {
      method: 'GET',
      items: '.',
      total: { kind: 'none' },
      paging: { style: 'page', firstPage: 1, max: 100, start: 'page', size: 'size' },
      filters: { login: { field: 'login', caseExact: false } },
    },
    count: {
      path: '/orgs/{orgId}/contacts/count',
      field: 'count',
      filters: { login: { field: 'login', caseExact: false } },
    },
  },
  groups: {
    collection: '/orgs/{orgId}/groups',
    item: '/orgs/{orgId}/groups/{groupId}',
    stamps: {},
    create: { method: 'POST', status: 201, answer: 'record' },
    unique: 'name',
    get: { method: 'GET' },
    update: { method: 'PUT', status: 204, answer: 'none', merge: false },
    delete: { method: 'DELETE', status: 204 },
    list: {
      method: 'GET',
      items: 'content',
      total: { kind: 'field', field: 'totalElements' },
      paging: { style: 'page', firstPage: 1, max: 100, start: 'page', size: 'size' },
      filters: {},
    },
    members: {
      list: {
        path: '/orgs/{orgId}/groups/{groupId}/members',
        items: 'content',
        total: { kind: 'field', field: 'totalElements' },
        paging: { style: 'page', firstPage: 1, max: 100, start: 'page', size: 'size' },
      },
      value: 'contactId',
      display: { field: 'login', from: 'login' },
      add: {
        path: '/orgs/{orgId}/contacts/{contactId}/groups/{groupId}',
        method: 'PUT',
        status: 204,
        own: 'user',
        ids: 2,
      },
      remove: {
        path: '/orgs/{orgId}/contacts/{contactId}/groups/{groupId}',
        method: 'DELETE',
        status: 204,
        own: 'user',
        ids: 2,
      },
    },
  },
};

/** What the fake expects from the connector, and the environment that points the connector at it. */
const CREDENTIALS: FakeAppCredentials = {
  header: 'authorization',
  prefix: 'Bearer ',
  value: '',
  tokenPath: '/oauth2/token',
  basePath: '',
  env: {
    GLOBEX_BASE_URL: '{url}',
    GLOBEX_TOKEN_URL: '{url}/oauth2/token',
    GLOBEX_CLIENT_ID: 'fake-client',
    GLOBEX_CLIENT_SECRET: 'fake-secret',
    GLOBEX_ORG_ID: 'fake-orgId',
  },
};

/** Starts the fake on a free loopback port. */
export function startFakeApp(): Promise<FakeApp> {
  return startFake(RESOURCES, CREDENTIALS);
}
