// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// SCIM resources to and from the app's records, as connector.yaml maps them; typed by the app's OpenAPI document.
import type { paths } from './app-api.js';
import {
  asBoolean,
  asNumber,
  asString,
  asStrings,
  compact,
  element,
  field,
  fromEpoch,
  lookup,
  oneOf,
} from 'scim-connector-sdk/app';
import type { ConnectorGroup, ConnectorUser } from './schemas.js';

const ACTIVE_TO_APP = { true: 'ACTIVE', false: 'SUSPENDED' } as const;
const ACTIVE_FROM_APP = { ACTIVE: true, SUSPENDED: false } as const;

/** The app's user record, as GET /orgs/{orgId}/contacts/{contactId} answers it. */
export type AppUser =
  paths['/orgs/{orgId}/contacts/{contactId}']['get']['responses'][200]['content']['application/json'];

/** The SCIM user of an app record. */
export function userFromApp(app: AppUser): ConnectorUser {
  return compact({
    schemas: [
      'urn:ietf:params:scim:schemas:core:2.0:User',
      'urn:ietf:params:scim:schemas:extension:globex_crm:2.0:User',
    ],
    id: String(app.id),
    userName: app.login,
    name: { givenName: app.name?.first, familyName: app.name?.last },
    emails: [{ primary: true, value: app.email }],
    phoneNumbers: [{ type: 'mobile', value: app.phone }],
    active: lookup(ACTIVE_FROM_APP, app.status),
    meta: { created: fromEpoch(app.createdAt, 1), lastModified: fromEpoch(app.updatedAt, 1) },
    'urn:ietf:params:scim:schemas:extension:globex_crm:2.0:User': {
      region: app.region,
      salesQuota: app.salesQuota,
      territories: app.territories,
    },
  });
}

/** The body of POST /orgs/{orgId}/contacts for a SCIM user. */
export function userToCreate(
  user: ConnectorUser,
): NonNullable<paths['/orgs/{orgId}/contacts']['post']['requestBody']>['content']['application/json'] {
  return {
    login: asString(user['userName']) ?? '',
    name: {
      first: asString(field(user['name'], 'givenName')) ?? '',
      last: asString(field(user['name'], 'familyName')) ?? '',
    },
    email: asString(field(element(user['emails'], 'primary', true), 'value')) ?? '',
    phone: asString(field(element(user['phoneNumbers'], 'type', 'mobile'), 'value')),
    status: lookup(ACTIVE_TO_APP, asBoolean(user['active'])),
    region: oneOf(
      asString(field(user['urn:ietf:params:scim:schemas:extension:globex_crm:2.0:User'], 'region')),
      ['emea', 'amer', 'apac'] as const,
    ),
    salesQuota: asNumber(
      field(user['urn:ietf:params:scim:schemas:extension:globex_crm:2.0:User'], 'salesQuota'),
    ),
    territories: asStrings(
      field(user['urn:ietf:params:scim:schemas:extension:globex_crm:2.0:User'], 'territories'),
    ),
  };
}

/** The body of PATCH /orgs/{orgId}/contacts/{contactId} for a SCIM user. */
export function userToUpdate(
  user: ConnectorUser,
): NonNullable<
  paths['/orgs/{orgId}/contacts/{contactId}']['patch']['requestBody']
>['content']['application/merge-patch+json'] {
  return {
    name: {
      first: asString(field(user['name'], 'givenName')) ?? '',
      last: asString(field(user['name'], 'familyName')) ?? '',
    },
    email: asString(field(element(user['emails'], 'primary', true), 'value')),
    phone: asString(field(element(user['phoneNumbers'], 'type', 'mobile'), 'value')) ?? null,
    status: lookup(ACTIVE_TO_APP, asBoolean(user['active'])),
    region: asString(field(user['urn:ietf:params:scim:schemas:extension:globex_crm:2.0:User'], 'region')),
    salesQuota: asNumber(
      field(user['urn:ietf:params:scim:schemas:extension:globex_crm:2.0:User'], 'salesQuota'),
    ),
    territories:
      asStrings(field(user['urn:ietf:params:scim:schemas:extension:globex_crm:2.0:User'], 'territories')) ??
      [],
  };
}

/** The body of PUT /orgs/{orgId}/contacts/{contactId}/credentials, which sets a user's password. */
export function userToPassword(
  user: ConnectorUser,
): NonNullable<
  paths['/orgs/{orgId}/contacts/{contactId}/credentials']['put']['requestBody']
>['content']['application/json'] {
  return { type: 'password', value: asString(user['password']) ?? '', temporary: false };
}

/** The app's group record, as GET /orgs/{orgId}/groups/{groupId} answers it. */
export type AppGroup =
  paths['/orgs/{orgId}/groups/{groupId}']['get']['responses'][200]['content']['application/json'];

/** The SCIM group of an app record. */
export function groupFromApp(app: AppGroup): ConnectorGroup {
  return compact({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
    id: String(app.id),
    displayName: app.name,
  });
}

/** The body of POST /orgs/{orgId}/groups for a SCIM group. */
export function groupToCreate(
  group: ConnectorGroup,
): NonNullable<paths['/orgs/{orgId}/groups']['post']['requestBody']>['content']['application/json'] {
  return { name: asString(group['displayName']) ?? '' };
}

/** The body of PUT /orgs/{orgId}/groups/{groupId} for a SCIM group. */
export function groupToUpdate(
  group: ConnectorGroup,
): NonNullable<paths['/orgs/{orgId}/groups/{groupId}']['put']['requestBody']>['content']['application/json'] {
  return { name: asString(group['displayName']) ?? '' };
}
