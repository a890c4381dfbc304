// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// The connector's custom SCIM schemas, its Okta names, and the user and group types with the custom attributes.
import type { OktaOptions, SchemaDefinition, SchemaOptions, ScimGroup, ScimUser } from 'scim-connector-sdk';

/** Okta's names: the SCIM 1.1 dialect maps `urn:okta:initech:1.0:user:account` to the user extension. */
export const OKTA: OktaOptions = {
  appName: 'initech',
  userSchemaName: 'account',
  userExtensionUrn: 'urn:ietf:params:scim:schemas:extension:initech:2.0:User',
};

/** The custom user attributes, served at /Schemas. */
export const USER_EXTENSION: SchemaDefinition = {
  id: 'urn:ietf:params:scim:schemas:extension:initech:2.0:User',
  name: 'InitechUser',
  attributes: [
    {
      name: 'costCenter',
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

/** The custom user attributes as they sit under `urn:ietf:params:scim:schemas:extension:initech:2.0:User`. */
export type UserExtension = {
  costCenter?: string;
};

/** The extensions as the SDK's server and stores take them. */
export const SCHEMA_OPTIONS: SchemaOptions = {
  userExtensions: [USER_EXTENSION],
  groupExtensions: [],
};

/** A user as the connector's methods see it: canonical SCIM 2.0, the custom attributes under their URN. */
export type ConnectorUser = ScimUser & {
  'urn:ietf:params:scim:schemas:extension:initech:2.0:User'?: UserExtension;
};

/** A group as the connector's methods see it: canonical SCIM 2.0. */
export type ConnectorGroup = ScimGroup;
