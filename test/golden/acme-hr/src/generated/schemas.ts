// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.
// The connector's custom SCIM schemas, its Okta names, and the user and group types with the custom attributes.
import type { OktaOptions, SchemaDefinition, SchemaOptions, ScimGroup, ScimUser } from 'scim-connector-sdk';

/** Okta's names: the SCIM 1.1 dialect maps `urn:okta:acme_hr:1.0:user:employee` to the user extension. */
export const OKTA: OktaOptions = {
  appName: 'acme_hr',
  userSchemaName: 'employee',
  userExtensionUrn: 'urn:ietf:params:scim:schemas:extension:acme:2.0:Employee',
  groupExtensionUrn: 'urn:ietf:params:scim:schemas:extension:acme_hr:2.0:Group',
};

/** The custom user attributes, served at /Schemas. */
export const USER_EXTENSION: SchemaDefinition = {
  id: 'urn:ietf:params:scim:schemas:extension:acme:2.0:Employee',
  name: 'AcmeEmployee',
  description: 'Acme HR employee fields',
  attributes: [
    {
      name: 'employeeNumber',
      type: 'string',
      multiValued: false,
      required: true,
      caseExact: true,
      mutability: 'readWrite',
      returned: 'default',
      uniqueness: 'server',
    },
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
    {
      name: 'startDate',
      type: 'dateTime',
      multiValued: false,
      required: false,
      caseExact: false,
      mutability: 'readWrite',
      returned: 'default',
      uniqueness: 'none',
    },
    {
      name: 'badges',
      type: 'complex',
      multiValued: true,
      required: false,
      caseExact: false,
      mutability: 'readWrite',
      returned: 'default',
      uniqueness: 'none',
      subAttributes: [
        {
          name: 'badgeId',
          type: 'string',
          multiValued: false,
          required: false,
          caseExact: true,
          mutability: 'readWrite',
          returned: 'default',
          uniqueness: 'none',
        },
        {
          name: 'site',
          type: 'string',
          multiValued: false,
          required: false,
          caseExact: false,
          mutability: 'readWrite',
          returned: 'default',
          uniqueness: 'none',
          canonicalValues: ['hq', 'plant', 'remote'],
        },
      ],
    },
  ],
};

/** The custom user attributes as they sit under `urn:ietf:params:scim:schemas:extension:acme:2.0:Employee`. */
export type UserExtension = {
  employeeNumber?: string;
  costCenter?: string;
  startDate?: string;
  badges?: {
    badgeId?: string;
    site?: string;
  }[];
};

/** The custom group attributes, served at /Schemas. */
export const GROUP_EXTENSION: SchemaDefinition = {
  id: 'urn:ietf:params:scim:schemas:extension:acme_hr:2.0:Group',
  name: 'AcmeHrGroup',
  attributes: [
    {
      name: 'teamCode',
      type: 'string',
      multiValued: false,
      required: false,
      caseExact: false,
      mutability: 'immutable',
      returned: 'default',
      uniqueness: 'none',
    },
  ],
};

/** The custom group attributes as they sit under `urn:ietf:params:scim:schemas:extension:acme_hr:2.0:Group`. */
export type GroupExtension = {
  teamCode?: string;
};

/** The extensions as the SDK's server and stores take them. */
export const SCHEMA_OPTIONS: SchemaOptions = {
  userExtensions: [USER_EXTENSION],
  groupExtensions: [GROUP_EXTENSION],
};

/** A user as the connector's methods see it: canonical SCIM 2.0, the custom attributes under their URN. */
export type ConnectorUser = ScimUser & {
  'urn:ietf:params:scim:schemas:extension:acme:2.0:Employee'?: UserExtension;
};

/** A group as the connector's methods see it: canonical SCIM 2.0, the custom attributes under their URN. */
export type ConnectorGroup = ScimGroup & {
  'urn:ietf:params:scim:schemas:extension:acme_hr:2.0:Group'?: GroupExtension;
};
