// The schema of Okta's ServiceProviderConfig extension, served at /Schemas like every URN a response lists.
import { URN } from '../protocol/resource.js';
import type { SchemaDefinition } from '../protocol/schema-types.js';
import { CAPABILITIES } from '../service/capabilities.js';

/** `urn:okta:schemas:scim:providerconfig:1.0`, as the ServiceProviderConfig of both dialects uses it. */
export const OKTA_PROVIDER_CONFIG_SCHEMA: SchemaDefinition = {
  id: URN.oktaProviderConfig,
  name: 'Okta Provider Config',
  description: "Okta's provisioning capabilities the server offers",
  attributes: [
    {
      name: 'userManagementCapabilities',
      type: 'string',
      multiValued: true,
      description: 'The Okta provisioning features the connector implements',
      required: false,
      caseExact: true,
      mutability: 'readOnly',
      returned: 'default',
      uniqueness: 'none',
      canonicalValues: [...CAPABILITIES],
    },
  ],
};
