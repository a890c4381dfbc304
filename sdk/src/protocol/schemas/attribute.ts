// Builds attribute definitions with the RFC 7643 §2.2 defaults filled in, so schema files list only what differs.
import type { AttributeDefinition, AttributeType } from '../schema-types.js';

/** Characteristics that differ from the RFC defaults. */
export type AttributeOptions = Partial<Omit<AttributeDefinition, 'name' | 'type'>>;

/**
 * An attribute with RFC 7643 §2.2 defaults: not required, not multi-valued, not case-exact,
 * readWrite, returned by default, no uniqueness.
 */
export function attribute(
  name: string,
  type: AttributeType = 'string',
  options: AttributeOptions = {},
): AttributeDefinition {
  return {
    name,
    type,
    multiValued: false,
    required: false,
    caseExact: false,
    mutability: 'readWrite',
    returned: 'default',
    uniqueness: 'none',
    ...options,
  };
}

/** A complex attribute holding `subAttributes`. */
export function complex(
  name: string,
  subAttributes: AttributeDefinition[],
  options: AttributeOptions = {},
): AttributeDefinition {
  return attribute(name, 'complex', { ...options, subAttributes });
}

/**
 * The usual multi-valued complex attribute of RFC 7643 §2.4 (`value`, `display`, `type`, `primary`),
 * as used by emails, phoneNumbers, ims, photos, entitlements, roles and x509Certificates.
 */
export function multiValuedComplex(
  name: string,
  description: string,
  options: { valueType?: AttributeType; valueReferenceTypes?: string[]; types?: string[] } = {},
): AttributeDefinition {
  const valueOptions: AttributeOptions = { description: `The value of ${name}.` };
  if (options.valueReferenceTypes !== undefined) valueOptions.referenceTypes = options.valueReferenceTypes;
  const typeOptions: AttributeOptions = { description: `A label indicating the function of the value.` };
  if (options.types !== undefined) typeOptions.canonicalValues = options.types;
  return complex(
    name,
    [
      attribute('value', options.valueType ?? 'string', valueOptions),
      attribute('display', 'string', {
        description: 'A human-readable name, primarily used for display purposes.',
      }),
      attribute('type', 'string', typeOptions),
      attribute('primary', 'boolean', {
        description: 'Whether this value is the primary or preferred one; true at most once.',
      }),
    ],
    { multiValued: true, description },
  );
}
