// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// The connector's custom SCIM schemas, its Okta names, and the user and group types with the custom attributes.
import type { OktaOptions, SchemaDefinition, SchemaOptions, ScimGroup, ScimUser } from 'scim-connector-sdk';

/** Okta's names: the SCIM 1.1 dialect maps `urn:okta:stubs:1.0:user:custom` to the user extension. */
export const OKTA: OktaOptions = {
  appName: 'stubs',
  userSchemaName: 'custom',
  groupExtensionUrn: 'urn:ietf:params:scim:schemas:extension:stubs:2.0:Group',
};

/** The custom group attributes, served at /Schemas. */
export const GROUP_EXTENSION: SchemaDefinition = {
  id: 'urn:ietf:params:scim:schemas:extension:stubs:2.0:Group',
  name: 'StubsGroup',
  attributes: [
    {
      name: 'description',
      type: 'string',
      multiValued: false,
      required: false,
      caseExact: false,
      mutability: 'readWrite',
      returned: 'default',
      uniqueness: 'none',
    },
  ],
};

/** The custom group attributes as they sit under `urn:ietf:params:scim:schemas:extension:stubs:2.0:Group`. */
export type GroupExtension = {
  description?: string;
};

/** The extensions as the SDK's server and stores take them. */
export const SCHEMA_OPTIONS: SchemaOptions = {
  userExtensions: [],
  groupExtensions: [GROUP_EXTENSION],
};

/** A user as the connector's methods see it: canonical SCIM 2.0. */
export type ConnectorUser = ScimUser;

/** A group as the connector's methods see it: canonical SCIM 2.0, the custom attributes under their URN. */
export type ConnectorGroup = ScimGroup & {
  'urn:ietf:params:scim:schemas:extension:stubs:2.0:Group'?: GroupExtension;
};
