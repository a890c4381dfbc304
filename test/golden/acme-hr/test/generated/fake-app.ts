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
    collection: '/employees',
    item: '/employees/{employeeId}',
    stamps: {},
    create: { method: 'POST', status: 201, answer: 'record' },
    unique: 'email',
    get: { method: 'GET' },
    update: { method: 'PUT', status: 200, answer: 'record', merge: false },
    status: {
      field: 'active',
      on: true,
      off: false,
      activate: { path: '/employees/{employeeId}/activate', method: 'POST', status: 204 },
      deactivate: { path: '/employees/{employeeId}/deactivate', method: 'POST', status: 204 },
    },
    delete: { method: 'DELETE', status: 204 },
    list: {
      method: 'GET',
      items: 'items',
      total: { kind: 'field', field: 'total' },
      paging: { style: 'offset', firstPage: 1, max: 200, start: 'offset', size: 'limit' },
      filters: { email: { field: 'email', caseExact: false } },
    },
  },
  groups: {
    collection: '/teams',
    item: '/teams/{teamId}',
    stamps: {},
    create: { method: 'POST', status: 201, answer: 'record' },
    unique: 'name',
    get: { method: 'GET' },
    update: { method: 'PUT', status: 200, answer: 'record', merge: false },
    delete: { method: 'DELETE', status: 204 },
    list: {
      method: 'GET',
      items: 'items',
      total: { kind: 'field', field: 'total' },
      paging: { style: 'offset', firstPage: 1, max: 200, start: 'offset', size: 'limit' },
      filters: {},
    },
    members: {
      list: {
        path: '/teams/{teamId}/members',
        items: 'items',
        total: { kind: 'field', field: 'total' },
        paging: { style: 'offset', firstPage: 1, max: 200, start: 'offset', size: 'limit' },
      },
      value: 'employeeId',
      display: { field: 'displayName', from: 'email' },
      add: {
        path: '/teams/{teamId}/members',
        method: 'POST',
        status: 204,
        own: 'group',
        ids: 1,
        bodyField: 'employeeId',
      },
      remove: {
        path: '/teams/{teamId}/members/{employeeId}',
        method: 'DELETE',
        status: 204,
        own: 'group',
        ids: 2,
      },
    },
  },
};

/** What the fake expects from the connector, and the environment that points the connector at it. */
const CREDENTIALS: FakeAppCredentials = {
  header: 'authorization',
  prefix: 'Bearer ',
  value: 'fake-app-token',
  basePath: '',
  env: { ACME_BASE_URL: '{url}', ACME_API_TOKEN: 'fake-app-token' },
};

/** Starts the fake on a free loopback port. */
export function startFakeApp(): Promise<FakeApp> {
  return startFake(RESOURCES, CREDENTIALS);
}
