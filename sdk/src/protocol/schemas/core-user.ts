// The core User schema of RFC 7643 §4.1, with the characteristics of its §8.7.1 representation.
import type { AttributeDefinition, SchemaDefinition } from '../schema-types.js';
import { URN } from '../resource.js';
import { attribute, complex, multiValuedComplex } from './attribute.js';

const readOnly = { mutability: 'readOnly' } as const;

const groupsAttribute: AttributeDefinition = complex(
  'groups',
  [
    attribute('value', 'string', { ...readOnly, description: "The identifier of the User's group." }),
    attribute('$ref', 'reference', {
      ...readOnly,
      referenceTypes: ['User', 'Group'],
      description: 'The URI of the corresponding Group resource.',
    }),
    attribute('display', 'string', { ...readOnly, description: 'A human-readable name of the group.' }),
    attribute('type', 'string', {
      ...readOnly,
      canonicalValues: ['direct', 'indirect'],
      description: 'How the membership was derived: direct or indirect.',
    }),
  ],
  {
    ...readOnly,
    multiValued: true,
    description:
      'The groups the user belongs to, directly or indirectly; managed through the Group resource.',
  },
);

export const USER_SCHEMA: SchemaDefinition = {
  id: URN.user,
  name: 'User',
  description: 'User Account',
  attributes: [
    attribute('userName', 'string', {
      required: true,
      uniqueness: 'server',
      description: 'Unique identifier for the User, typically used to authenticate.',
    }),
    complex(
      'name',
      [
        attribute('formatted', 'string', { description: 'The full name, formatted for display.' }),
        attribute('familyName', 'string', {
          description: 'The family name (last name in most Western languages).',
        }),
        attribute('givenName', 'string', {
          description: 'The given name (first name in most Western languages).',
        }),
        attribute('middleName', 'string', { description: 'The middle name(s).' }),
        attribute('honorificPrefix', 'string', { description: 'Honorific prefix(es), e.g. "Ms.".' }),
        attribute('honorificSuffix', 'string', { description: 'Honorific suffix(es), e.g. "III".' }),
      ],
      { description: "The components of the user's real name." },
    ),
    attribute('displayName', 'string', { description: 'The name of the User, suitable for display.' }),
    attribute('nickName', 'string', { description: 'The casual way to address the user.' }),
    attribute('profileUrl', 'reference', {
      referenceTypes: ['external'],
      description: "A URI of a page holding the User's online profile.",
    }),
    attribute('title', 'string', { description: 'The user\'s title, such as "Vice President".' }),
    attribute('userType', 'string', {
      description: 'The relationship between the organization and the user.',
    }),
    attribute('preferredLanguage', 'string', {
      description: "The User's preferred written or spoken language.",
    }),
    attribute('locale', 'string', { description: 'The User\'s default location, e.g. "en-US".' }),
    attribute('timezone', 'string', {
      description: 'The User\'s time zone in IANA format, e.g. "America/Los_Angeles".',
    }),
    attribute('active', 'boolean', { description: "The User's administrative status." }),
    attribute('password', 'string', {
      mutability: 'writeOnly',
      returned: 'never',
      description: "The User's cleartext password; never returned.",
    }),
    multiValuedComplex('emails', 'Email addresses for the user.', { types: ['work', 'home', 'other'] }),
    multiValuedComplex('phoneNumbers', 'Phone numbers for the User.', {
      types: ['work', 'home', 'mobile', 'fax', 'pager', 'other'],
    }),
    multiValuedComplex('ims', 'Instant messaging addresses for the User.', {
      types: ['aim', 'gtalk', 'icq', 'xmpp', 'msn', 'skype', 'qq', 'yahoo'],
    }),
    multiValuedComplex('photos', 'URLs of photos of the User.', {
      valueType: 'reference',
      valueReferenceTypes: ['external'],
      types: ['photo', 'thumbnail'],
    }),
    complex(
      'addresses',
      [
        attribute('formatted', 'string', { description: 'The full mailing address, formatted for display.' }),
        attribute('streetAddress', 'string', { description: 'The full street address component.' }),
        attribute('locality', 'string', { description: 'The city or locality component.' }),
        attribute('region', 'string', { description: 'The state or region component.' }),
        attribute('postalCode', 'string', { description: 'The zip code or postal code component.' }),
        attribute('country', 'string', { description: 'The country name component (ISO 3166-1 alpha-2).' }),
        attribute('type', 'string', {
          canonicalValues: ['work', 'home', 'other'],
          description: "A label indicating the address's function.",
        }),
        attribute('primary', 'boolean', { description: 'Whether this is the primary address.' }),
      ],
      { multiValued: true, description: 'A physical mailing address for this User.' },
    ),
    groupsAttribute,
    multiValuedComplex('entitlements', 'A list of entitlements for the User.'),
    multiValuedComplex('roles', 'A list of roles for the User.'),
    multiValuedComplex('x509Certificates', 'A list of certificates issued to the User.', {
      valueType: 'binary',
    }),
  ],
};
