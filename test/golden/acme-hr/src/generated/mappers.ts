// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// SCIM resources to and from the app's records, as connector.yaml maps them; typed by the app's OpenAPI document.
import type { paths } from './app-api.js';
import { asString, compact, element, field } from 'scim-connector-sdk/app';
import type { ConnectorGroup, ConnectorUser } from './schemas.js';

/** The app's user record, as GET /employees/{employeeId} answers it. */
export type AppUser =
  paths['/employees/{employeeId}']['get']['responses'][200]['content']['application/json'];

/** The SCIM user of an app record. */
export function userFromApp(app: AppUser): ConnectorUser {
  return compact({
    schemas: [
      'urn:ietf:params:scim:schemas:core:2.0:User',
      'urn:ietf:params:scim:schemas:extension:acme:2.0:Employee',
    ],
    id: String(app.id),
    userName: app.email,
    name: { givenName: app.firstName, familyName: app.lastName },
    emails: [{ type: 'work', value: app.email }],
    active: app.active,
    'urn:ietf:params:scim:schemas:extension:acme:2.0:Employee': {
      employeeNumber: app.employeeNumber,
      costCenter: app.costCenter,
      startDate: app.startDate,
    },
  });
}

/** The body of POST /employees for a SCIM user. */
export function userToCreate(
  user: ConnectorUser,
): NonNullable<paths['/employees']['post']['requestBody']>['content']['application/json'] {
  return {
    email:
      asString(user['userName']) ?? asString(field(element(user['emails'], 'type', 'work'), 'value')) ?? '',
    firstName: asString(field(user['name'], 'givenName')) ?? '',
    lastName: asString(field(user['name'], 'familyName')) ?? '',
    employeeNumber: asString(
      field(user['urn:ietf:params:scim:schemas:extension:acme:2.0:Employee'], 'employeeNumber'),
    ),
    costCenter: asString(
      field(user['urn:ietf:params:scim:schemas:extension:acme:2.0:Employee'], 'costCenter'),
    ),
    startDate: asString(field(user['urn:ietf:params:scim:schemas:extension:acme:2.0:Employee'], 'startDate')),
  };
}

/** The body of PUT /employees/{employeeId} for a SCIM user. */
export function userToUpdate(
  user: ConnectorUser,
): NonNullable<paths['/employees/{employeeId}']['put']['requestBody']>['content']['application/json'] {
  return {
    email:
      asString(user['userName']) ?? asString(field(element(user['emails'], 'type', 'work'), 'value')) ?? '',
    firstName: asString(field(user['name'], 'givenName')) ?? '',
    lastName: asString(field(user['name'], 'familyName')) ?? '',
    employeeNumber: asString(
      field(user['urn:ietf:params:scim:schemas:extension:acme:2.0:Employee'], 'employeeNumber'),
    ),
    costCenter:
      asString(field(user['urn:ietf:params:scim:schemas:extension:acme:2.0:Employee'], 'costCenter')) ?? null,
    startDate: asString(field(user['urn:ietf:params:scim:schemas:extension:acme:2.0:Employee'], 'startDate')),
  };
}

/** The app's group record, as GET /teams/{teamId} answers it. */
export type AppGroup = paths['/teams/{teamId}']['get']['responses'][200]['content']['application/json'];

/** The SCIM group of an app record. */
export function groupFromApp(app: AppGroup): ConnectorGroup {
  return compact({
    schemas: [
      'urn:ietf:params:scim:schemas:core:2.0:Group',
      'urn:ietf:params:scim:schemas:extension:acme_hr:2.0:Group',
    ],
    id: String(app.id),
    displayName: app.name,
    'urn:ietf:params:scim:schemas:extension:acme_hr:2.0:Group': { teamCode: app.code },
  });
}

/** The body of POST /teams for a SCIM group. */
export function groupToCreate(
  group: ConnectorGroup,
): NonNullable<paths['/teams']['post']['requestBody']>['content']['application/json'] {
  return {
    name: asString(group['displayName']) ?? '',
    code: asString(field(group['urn:ietf:params:scim:schemas:extension:acme_hr:2.0:Group'], 'teamCode')),
  };
}

/** The body of PUT /teams/{teamId} for a SCIM group. */
export function groupToUpdate(
  group: ConnectorGroup,
): NonNullable<paths['/teams/{teamId}']['put']['requestBody']>['content']['application/json'] {
  return {
    name: asString(group['displayName']) ?? '',
    code: asString(field(group['urn:ietf:params:scim:schemas:extension:acme_hr:2.0:Group'], 'teamCode')),
  };
}
