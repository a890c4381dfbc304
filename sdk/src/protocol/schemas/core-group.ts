// The core Group schema of RFC 7643 §4.2 (§8.7.1), with `display` on members as clients send it.
import type { SchemaDefinition } from '../schema-types.js';
import { URN } from '../resource.js';
import { attribute, complex } from './attribute.js';

export const GROUP_SCHEMA: SchemaDefinition = {
  id: URN.group,
  name: 'Group',
  description: 'Group',
  attributes: [
    attribute('displayName', 'string', {
      required: true,
      description: 'A human-readable name for the Group.',
    }),
    complex(
      'members',
      [
        attribute('value', 'string', {
          mutability: 'immutable',
          description: 'The identifier of the member.',
        }),
        attribute('$ref', 'reference', {
          mutability: 'immutable',
          referenceTypes: ['User', 'Group'],
          description: 'The URI of the member resource.',
        }),
        attribute('display', 'string', { description: 'A human-readable name of the member.' }),
        attribute('type', 'string', {
          mutability: 'immutable',
          canonicalValues: ['User', 'Group'],
          description: 'The type of the member resource.',
        }),
      ],
      { multiValued: true, description: 'A list of members of the Group.' },
    ),
  ],
};
