// TypeScript source for the custom extension schemas: their SDK definitions and the attribute types they imply.
import type { AttributeSpec, ExtensionSpec } from '../spec/connector-spec.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property key as TypeScript source: bare when it is an identifier, quoted otherwise (URNs). */
export function propertyKey(key: string): string {
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

/** An attribute as the SDK's AttributeDefinition, characteristics in RFC 7643 §7 order. */
function attributeDefinition(attr: AttributeSpec): Record<string, unknown> {
  return {
    name: attr.name,
    type: attr.type,
    multiValued: attr.multiValued,
    ...(attr.description === undefined ? {} : { description: attr.description }),
    required: attr.required,
    caseExact: attr.caseExact,
    mutability: attr.mutability,
    returned: attr.returned,
    uniqueness: attr.uniqueness,
    ...(attr.canonicalValues === undefined ? {} : { canonicalValues: attr.canonicalValues }),
    ...(attr.referenceTypes === undefined ? {} : { referenceTypes: attr.referenceTypes }),
    ...(attr.subAttributes === undefined
      ? {}
      : { subAttributes: attr.subAttributes.map(attributeDefinition) }),
  };
}

/** The extension as a SchemaDefinition object literal (JSON is valid TypeScript; Prettier tidies it). */
export function schemaDefinitionSource(extension: ExtensionSpec): string {
  return JSON.stringify({
    id: extension.urn,
    name: extension.name,
    ...(extension.description === undefined ? {} : { description: extension.description }),
    attributes: extension.attributes.map(attributeDefinition),
  });
}

function scalarType(attr: AttributeSpec): string {
  switch (attr.type) {
    case 'boolean':
      return 'boolean';
    case 'decimal':
    case 'integer':
      return 'number';
    case 'complex':
      return objectType(attr.subAttributes ?? []);
    default:
      // string, reference, dateTime (ISO 8601 text) and binary (base64 text) all travel as JSON strings.
      return 'string';
  }
}

function attributeType(attr: AttributeSpec): string {
  const single = scalarType(attr);
  return attr.multiValued ? `${single}[]` : single;
}

function docComment(attr: AttributeSpec): string {
  return attr.description === undefined ? '' : `/** ${attr.description.replace(/\*\//g, '* /')} */\n`;
}

/**
 * The attributes as an object type. Every member is optional: a client may leave any out, and the
 * server checks `required` before a method is called.
 */
export function objectType(attributes: readonly AttributeSpec[]): string {
  if (attributes.length === 0) return 'Record<string, never>';
  const members = attributes.map(
    (attr) => `${docComment(attr)}${propertyKey(attr.name)}?: ${attributeType(attr)};`,
  );
  return `{\n${members.join('\n')}\n}`;
}
