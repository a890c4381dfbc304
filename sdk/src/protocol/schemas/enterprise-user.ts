// The enterprise User extension of RFC 7643 §4.3.
import type { SchemaDefinition } from '../schema-types.js';
import { URN } from '../resource.js';
import { attribute, complex } from './attribute.js';

export const ENTERPRISE_USER_SCHEMA: SchemaDefinition = {
  id: URN.enterpriseUser,
  name: 'EnterpriseUser',
  description: 'Enterprise User',
  attributes: [
    attribute('employeeNumber', 'string', {
      description: 'A string identifier, typically numeric or alphanumeric.',
    }),
    attribute('costCenter', 'string', { description: 'Identifies the name of a cost center.' }),
    attribute('organization', 'string', { description: 'Identifies the name of an organization.' }),
    attribute('division', 'string', { description: 'Identifies the name of a division.' }),
    attribute('department', 'string', { description: 'Identifies the name of a department.' }),
    complex(
      'manager',
      [
        attribute('value', 'string', {
          description: "The id of the SCIM resource representing the User's manager.",
        }),
        attribute('$ref', 'reference', {
          referenceTypes: ['User'],
          description: "The URI of the SCIM resource representing the User's manager.",
        }),
        attribute('displayName', 'string', {
          mutability: 'readOnly',
          description: "The displayName of the User's manager.",
        }),
      ],
      { description: "The User's manager." },
    ),
  ],
};
