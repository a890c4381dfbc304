// The generator's spec error catalogue: every stable problem code, and the one place its message is worded.

/** Every code a SpecProblem can carry, with what it means (spec/README.md lists the same). */
export const SPEC_CODES = {
  SPEC_FILE_UNREADABLE: 'a file the spec needs cannot be read',
  SPEC_YAML_SYNTAX: 'the YAML (or JSON) cannot be parsed',
  SPEC_EMPTY: 'the spec file holds nothing',
  SPEC_UNKNOWN_KEY: 'a key the format does not have (often a typo)',
  SPEC_MISSING_KEY: 'a required key is absent',
  SPEC_WRONG_TYPE: 'a value of the wrong type',
  SPEC_BAD_VALUE: 'a value outside the allowed list',
  SPEC_UNKNOWN_CAPABILITY: 'a capability Okta does not have',
  SPEC_DUPLICATE_ITEM: 'a list item given twice',
  SPEC_BAD_FORMAT: 'a string of the wrong form (name, URN, path, secret)',
  SPEC_OUT_OF_RANGE: 'a number or list outside its bounds',
  SPEC_SETTING_SYNTAX: 'a malformed ${NAME} / ${NAME:-default} setting',
  SPEC_BASE_PATH: 'a base path for a version not served, or two versions on one path',
  SPEC_BAD_ATTRIBUTE_NAME: 'an attribute name RFC 7643 does not allow',
  SPEC_ATTRIBUTE_CLASH: 'a custom attribute named like a core User or Group attribute',
  SPEC_DUPLICATE_ATTRIBUTE: 'two attributes whose names differ only in case',
  SPEC_ATTRIBUTE_SHAPE:
    'sub-attributes on a non-complex attribute, a complex one without them, or complex in complex',
  SPEC_URN_CLASH: 'an extension URN equal to another schema URN',
  SPEC_NOT_FOR_BACKEND: 'a key that the chosen backend or auth type does not use',
  SPEC_TLS_FILES: 'an incomplete TLS file pair',
  SPEC_SEED_MISSING: 'a seed file that does not exist',
  SPEC_OPENAPI_MISSING: 'the OpenAPI document named does not exist',
  SPEC_OPENAPI_INVALID: 'the OpenAPI document is not a valid OpenAPI 3.0/3.1 document',
  SPEC_UNKNOWN_OPERATION: 'a mapping names an operation the OpenAPI document does not have',
  SPEC_OPERATION_METHOD: 'an operation whose HTTP method does not suit the role it is mapped to',
  SPEC_UNFILLED_PARAMETER: 'a path parameter of a mapped operation that nothing fills',
  SPEC_UNKNOWN_PARAMETER: 'a paging, filter or query parameter the operation does not take',
  SPEC_UNKNOWN_FIELD: "an app field absent from the operation's request or response schema",
  SPEC_TYPE_MISMATCH: 'a SCIM attribute and an app field of types that do not convert',
  SPEC_UNKNOWN_SCIM_PATH: 'a mapped SCIM attribute path the resource does not have',
  SPEC_VALUE_MAP: 'a value map whose values the app field does not accept',
  SPEC_ID_SOURCE: 'a create operation whose answer does not say where the new id is',
  SPEC_PAGING: 'a paging style without the parameters it needs',
  SPEC_PLACEHOLDER: 'a request-body template naming a value the request does not have',
  SPEC_LDAP_SCHEMA: 'the directory schema named cannot be read, or holds no object classes',
  SPEC_LDAP_OBJECT_CLASS: "an object class the directory's schema does not have",
  SPEC_LDAP_ATTRIBUTE: "an LDAP attribute the entry's object classes do not allow",
  SPEC_LDAP_MAPPING: 'an attribute mapping the ldap backend cannot carry out',
  SPEC_LDAP_DN: 'a DN outside the base it must lie in, or a missing DN a directory needs',
  SPEC_DDL_MISSING: 'the DDL file the sql backend names does not exist',
  SPEC_DDL_INVALID: 'the DDL file does not load into PostgreSQL',
  SPEC_UNKNOWN_TABLE: 'a sql mapping names a table the DDL does not create',
  SPEC_UNKNOWN_COLUMN: 'a sql mapping names a column its table does not have',
  SPEC_COLUMN_TYPE: 'a column whose type cannot hold the attribute mapped to it',
  SPEC_MISSING_INDEX: 'a key column (userNameKey, displayNameKey) without the unique index it needs',
  SPEC_SQL_MAPPING: 'a sql mapping the sql backend cannot serve (a path, a transform, a missing userName)',
} as const;

/** The codes of ldap backend mistakes, checked against the directory's schema. */
export type LdapCode = Extract<
  SpecCode,
  | 'SPEC_LDAP_SCHEMA'
  | 'SPEC_LDAP_OBJECT_CLASS'
  | 'SPEC_LDAP_ATTRIBUTE'
  | 'SPEC_LDAP_MAPPING'
  | 'SPEC_LDAP_DN'
  | 'SPEC_UNKNOWN_SCIM_PATH'
>;

/** The codes of mapping mistakes, checked against the OpenAPI document. */
export type MappingCode = Extract<
  SpecCode,
  | 'SPEC_UNKNOWN_OPERATION'
  | 'SPEC_OPERATION_METHOD'
  | 'SPEC_UNFILLED_PARAMETER'
  | 'SPEC_UNKNOWN_PARAMETER'
  | 'SPEC_UNKNOWN_FIELD'
  | 'SPEC_TYPE_MISMATCH'
  | 'SPEC_UNKNOWN_SCIM_PATH'
  | 'SPEC_VALUE_MAP'
  | 'SPEC_ID_SOURCE'
  | 'SPEC_PAGING'
  | 'SPEC_PLACEHOLDER'
  | 'SPEC_UNKNOWN_TABLE'
  | 'SPEC_UNKNOWN_COLUMN'
  | 'SPEC_COLUMN_TYPE'
  | 'SPEC_MISSING_INDEX'
  | 'SPEC_SQL_MAPPING'
>;

export type SpecCode = keyof typeof SPEC_CODES;

/** A problem's code and words, before it is located. */
export interface ProblemText {
  code: SpecCode;
  message: string;
}

const quoteList = (items: readonly string[]): string => items.join(', ');
const suggest = (suggestion: string | undefined): string =>
  suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;

/** The messages, one function per situation; each says what to do next. */
export const problems = {
  unreadable: (what: string, reason: string): ProblemText => ({
    code: 'SPEC_FILE_UNREADABLE',
    message: `cannot read ${what}: ${reason}`,
  }),
  yamlSyntax: (detail: string): ProblemText => ({
    code: 'SPEC_YAML_SYNTAX',
    message: `YAML syntax: ${detail}; fix it (other checks run once the file parses)`,
  }),
  empty: (): ProblemText => ({
    code: 'SPEC_EMPTY',
    message: 'the spec is empty: start with "name:" and "capabilities:" (see spec/README.md)',
  }),
  unknownKey: (key: string, where: string, suggestion: string | undefined, allowed: readonly string[]) => ({
    code: 'SPEC_UNKNOWN_KEY' as const,
    message:
      `unknown key "${key}" in ${where}` +
      (suggestion === undefined ? `; the keys allowed here: ${quoteList(allowed)}` : suggest(suggestion)),
  }),
  missingKey: (key: string, where: string, why: string): ProblemText => ({
    code: 'SPEC_MISSING_KEY',
    message: `${where} needs "${key}"${why}: add it`,
  }),
  wrongType: (where: string, expected: string, got: string): ProblemText => ({
    code: 'SPEC_WRONG_TYPE',
    message: `${where} must be ${expected}, not ${got}`,
  }),
  badValue: (where: string, value: string, allowed: readonly string[], suggestion: string | undefined) => ({
    code: 'SPEC_BAD_VALUE' as const,
    message: `${where} is "${value}", which is not one of ${quoteList(allowed)}${suggest(suggestion)}`,
  }),
  unknownCapability: (where: string, value: string, suggestion: string | undefined): ProblemText => ({
    code: 'SPEC_UNKNOWN_CAPABILITY',
    message:
      `${where}: "${value}" is not an Okta capability` +
      (suggestion === undefined ? '; see the list in spec/README.md#capabilities' : suggest(suggestion)),
  }),
  duplicateItem: (where: string, value: string): ProblemText => ({
    code: 'SPEC_DUPLICATE_ITEM',
    message: `${where}: "${value}" is listed twice: remove one`,
  }),
  /** `value` undefined for secrets, which never reach a message. */
  badFormat: (where: string, value: string | undefined, rule: string): ProblemText => ({
    code: 'SPEC_BAD_FORMAT',
    message: value === undefined ? `${where} ${rule}` : `${where} "${value}" ${rule}`,
  }),
  outOfRange: (where: string, rule: string): ProblemText => ({
    code: 'SPEC_OUT_OF_RANGE',
    message: `${where} ${rule}`,
  }),
  settingSyntax: (where: string, value: string): ProblemText => ({
    code: 'SPEC_SETTING_SYNTAX',
    message: `${where} "${value}" is not a valid setting: write a plain value, \${NAME} or \${NAME:-default} (NAME: letters, digits, "_"), as the whole value`,
  }),
  basePathUnserved: (version: string): ProblemText => ({
    code: 'SPEC_BASE_PATH',
    message: `scim.basePaths gives a path for SCIM ${version}, which scim.versions does not serve: add "${version}" to scim.versions or remove the path`,
  }),
  basePathShared: (path: string): ProblemText => ({
    code: 'SPEC_BASE_PATH',
    message: `SCIM 2.0 and 1.1 cannot share the base path "${path}": give each version its own`,
  }),
  badAttributeName: (where: string, name: string): ProblemText => ({
    code: 'SPEC_BAD_ATTRIBUTE_NAME',
    message: `${where}: "${name}" is not a valid attribute name: start with a letter, then letters, digits, "-" or "_" (RFC 7643 §2.1)`,
  }),
  attributeClash: (where: string, name: string, core: string, resource: string): ProblemText => ({
    code: 'SPEC_ATTRIBUTE_CLASH',
    message: `${where}: "${name}" clashes with the core ${resource} attribute "${core}": rename it (e.g. with your app's prefix), or use the core attribute`,
  }),
  duplicateAttribute: (where: string, name: string, other: string): ProblemText => ({
    code: 'SPEC_DUPLICATE_ATTRIBUTE',
    message: `${where}: "${name}" and "${other}" are the same attribute (SCIM names are case-insensitive): keep one`,
  }),
  subAttributesNotComplex: (where: string, type: string): ProblemText => ({
    code: 'SPEC_ATTRIBUTE_SHAPE',
    message: `${where} has subAttributes but type ${type}: set type: complex, or remove subAttributes`,
  }),
  complexWithoutSubAttributes: (where: string): ProblemText => ({
    code: 'SPEC_ATTRIBUTE_SHAPE',
    message: `${where} is complex but has no subAttributes: add at least one`,
  }),
  nestedComplex: (where: string): ProblemText => ({
    code: 'SPEC_ATTRIBUTE_SHAPE',
    message: `${where} is complex inside a complex attribute, which RFC 7643 §2.3.8 forbids: flatten it`,
  }),
  referenceTypesNotReference: (where: string, type: string): ProblemText => ({
    code: 'SPEC_ATTRIBUTE_SHAPE',
    message: `${where} has referenceTypes but type ${type}: set type: reference, or remove referenceTypes`,
  }),
  urnClash: (where: string, urn: string, other: string): ProblemText => ({
    code: 'SPEC_URN_CLASH',
    message: `${where} "${urn}" is already the URN of ${other}: choose another`,
  }),
  notForBackend: (key: string, where: string, kind: string, usedBy: string): ProblemText => ({
    code: 'SPEC_NOT_FOR_BACKEND',
    message: `${where}.${key} is not used by ${kind}${usedBy}: remove it`,
  }),
  seedWithoutStore: (): ProblemText => ({
    code: 'SPEC_NOT_FOR_BACKEND',
    message: 'seed files are loaded into the store: set backend: store, or remove seed',
  }),
  tlsFiles: (): ProblemText => ({
    code: 'SPEC_TLS_FILES',
    message: 'server.tls needs keyFile and certFile (PEM), or pfxFile (PKCS#12) alone',
  }),
  seedMissing: (where: string, path: string): ProblemText => ({
    code: 'SPEC_SEED_MISSING',
    message: `${where}: no file at ${path}: fix the path (relative to the spec) or create the file`,
  }),
  ddlMissing: (path: string): ProblemText => ({
    code: 'SPEC_DDL_MISSING',
    message: `backend.ddl: no DDL file at ${path}: fix the path (relative to the spec) or put the app's CREATE TABLE statements there`,
  }),
  ddlInvalid: (detail: string): ProblemText => ({
    code: 'SPEC_DDL_INVALID',
    message: `PostgreSQL cannot load this DDL: ${detail}; fix the statement (the mapping is checked once the DDL loads)`,
  }),
  openapiMissing: (path: string): ProblemText => ({
    code: 'SPEC_OPENAPI_MISSING',
    message: `backend.document: no OpenAPI document at ${path}: fix the path (relative to the spec) or put the app's document there`,
  }),
  /** A mapping mistake: `where` names the mapping, `detail` what is wrong and what to write instead. */
  mapping: (code: MappingCode, where: string, detail: string): ProblemText => ({
    code,
    message: `${where}: ${detail}`,
  }),
  /** An ldap backend mistake: `where` names the key, `detail` what is wrong and what to write instead. */
  ldap: (code: LdapCode, where: string, detail: string): ProblemText => ({
    code,
    message: `${where}: ${detail}`,
  }),
  openapi: (detail: string): ProblemText => ({
    code: 'SPEC_OPENAPI_INVALID',
    message: `OpenAPI: ${detail}`,
  }),
};
