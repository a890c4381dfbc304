// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// The connector's custom SCIM schemas, its Okta names, and the user and group types with the custom attributes.
import type { OktaOptions, SchemaOptions, ScimGroup, ScimUser } from 'scim-connector-sdk';

/** Okta's names: the SCIM 1.1 dialect maps `urn:okta:initech_ldap:1.0:user:custom` to the user extension. */
export const OKTA: OktaOptions = { appName: 'initech_ldap', userSchemaName: 'custom' };

/** The extensions as the SDK's server and stores take them. */
export const SCHEMA_OPTIONS: SchemaOptions = {
  userExtensions: [],
  groupExtensions: [],
};

/** A user as the connector's methods see it: canonical SCIM 2.0. */
export type ConnectorUser = ScimUser;

/** A group as the connector's methods see it: canonical SCIM 2.0. */
export type ConnectorGroup = ScimGroup;
