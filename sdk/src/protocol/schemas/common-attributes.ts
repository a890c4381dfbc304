// The common attributes of every resource (RFC 7643 §3.1): not part of any schema, resolvable on every type.
import type { AttributeDefinition } from '../schema-types.js';
import { attribute, complex } from './attribute.js';

/**
 * `schemas`, `id`, `externalId` and `meta`. RFC 7643 §3.1 keeps them out of the schema definitions
 * served at /Schemas; the resolver finds them under the core schema's URN.
 */
export const COMMON_ATTRIBUTES: readonly AttributeDefinition[] = [
  attribute('schemas', 'reference', {
    multiValued: true,
    required: true,
    caseExact: true,
    returned: 'always',
    referenceTypes: ['uri'],
    description: 'The URIs of the schemas the resource conforms to.',
  }),
  attribute('id', 'string', {
    caseExact: true,
    mutability: 'readOnly',
    returned: 'always',
    uniqueness: 'server',
    description: 'A unique identifier for the resource, assigned by the service provider.',
  }),
  attribute('externalId', 'string', {
    caseExact: true,
    description: 'An identifier for the resource as defined by the provisioning client.',
  }),
  complex(
    'meta',
    [
      attribute('resourceType', 'string', { caseExact: true, mutability: 'readOnly' }),
      attribute('created', 'dateTime', { mutability: 'readOnly' }),
      attribute('lastModified', 'dateTime', { mutability: 'readOnly' }),
      attribute('location', 'reference', {
        caseExact: true,
        mutability: 'readOnly',
        referenceTypes: ['uri'],
      }),
      attribute('version', 'string', { caseExact: true, mutability: 'readOnly' }),
    ],
    { mutability: 'readOnly', description: 'Resource metadata.' },
  ),
];
