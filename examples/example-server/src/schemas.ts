// The example connector's custom schemas: Okta's sample app `onprem_app` with its `custom` user schema and group description.
import { attribute, type SchemaDefinition } from 'scim-connector-sdk';
import { createAliasTable } from 'scim-connector-sdk/protocol';

/** Okta's names, as in `urn:okta:onprem_app:1.0:user:custom`. */
export const OKTA = { appName: 'onprem_app', userSchemaName: 'custom' } as const;

export const aliases = createAliasTable({
  oktaAppName: OKTA.appName,
  oktaUserSchemaName: OKTA.userSchemaName,
});

export const USER_EXTENSION: SchemaDefinition = {
  id: aliases.userExtensionUrn,
  name: 'OnpremAppUser',
  description: "Okta's sample on-premises app: custom user attributes",
  attributes: [
    attribute('isAdmin', 'boolean'),
    attribute('isOkta', 'boolean'),
    attribute('departmentName', 'string'),
  ],
};

export const GROUP_EXTENSION: SchemaDefinition = {
  id: aliases.groupExtensionUrn,
  name: 'OnpremAppGroup',
  description: 'Okta custom group attributes',
  attributes: [attribute('description', 'string')],
};
