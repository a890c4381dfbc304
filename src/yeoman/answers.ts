// The Yeoman shell's questions, and the connector.yaml their answers make (the source of truth from then on).
import { isAbsolute, relative, resolve } from 'node:path';
import { CAPABILITIES, type Capability } from 'scim-connector-sdk';
import { Document } from 'yaml';
import type { ScimVersion } from '../spec/connector-spec.js';
import { CAPABILITY_MEANINGS } from './capability-meanings.js';

export interface Answers {
  name: string;
  description: string;
  capabilities: Capability[];
  versions: ScimVersion[];
  auth: 'bearer' | 'basic' | 'none';
  backend: 'none' | 'store' | 'openapi';
  /** The app's OpenAPI document (backend openapi), relative to the folder yo runs in. */
  openapi?: string;
  /** The app API's base URL (backend openapi); `${NAME}` reads it from the environment. */
  baseUrl?: string;
}

/** A question in the form Yeoman's prompt takes (Inquirer's). */
export interface Question {
  type: 'input' | 'checkbox' | 'list';
  name: keyof Answers;
  message: string;
  default?: unknown;
  choices?: { name: string; value: string; short?: string; checked?: boolean }[];
  when?: (answers: Partial<Answers>) => boolean;
  validate?: (value: unknown) => true | string;
  filter?: (value: string) => string;
}

const atLeastOne = (what: string) => (value: unknown) =>
  Array.isArray(value) && value.length > 0 ? true : `choose at least one ${what} (space to select)`;

/** The questions, `name` defaulting to the folder's name. */
export function questions(folderName: string): Question[] {
  const suggested =
    folderName
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^[^a-z]+|-+$/g, '') || 'my-connector';
  return [
    {
      type: 'input',
      name: 'name',
      message: 'Connector name (npm package name)',
      default: suggested,
      filter: (value) => value.trim(),
      validate: (value) =>
        typeof value === 'string' && /^[a-z][a-z0-9-]*$/.test(value)
          ? true
          : 'lower-case letters, digits and "-", starting with a letter',
    },
    {
      type: 'input',
      name: 'description',
      message: 'One line saying what it provisions',
      default: 'SCIM connector',
    },
    {
      type: 'checkbox',
      name: 'capabilities',
      message: 'Capabilities (what Okta may do; they decide the methods you write)',
      choices: CAPABILITIES.map((c) => ({
        name: `${c}: ${CAPABILITY_MEANINGS[c]}`,
        value: c,
        checked: c === 'PUSH_NEW_USERS',
      })),
      validate: atLeastOne('capability'),
    },
    {
      type: 'checkbox',
      name: 'versions',
      message: 'SCIM versions',
      choices: [
        {
          name: '2.0: Okta SCIM 2.0 apps, Entra ID (at /scim/v2)',
          value: '2.0',
          short: '2.0',
          checked: true,
        },
        { name: '1.1: the Okta Provisioning Agent (at /scim/v1)', value: '1.1', short: '1.1', checked: true },
      ],
      validate: atLeastOne('version'),
    },
    {
      type: 'list',
      name: 'auth',
      message: 'How SCIM clients authenticate',
      choices: [
        { name: 'bearer token (SCIM_BEARER_TOKEN)', value: 'bearer' },
        { name: 'basic (SCIM_BASIC_USER, SCIM_BASIC_PASSWORD)', value: 'basic' },
        { name: 'none (loopback only)', value: 'none' },
      ],
    },
    {
      type: 'list',
      name: 'backend',
      message: 'Where users and groups live',
      choices: [
        { name: 'none: every method a stub for you to write', value: 'none' },
        { name: "store: the SDK's memory or file store, every method generated", value: 'store' },
        { name: "openapi: the app's REST API, described by an OpenAPI document", value: 'openapi' },
      ],
    },
    {
      type: 'input',
      name: 'openapi',
      message: "The app's OpenAPI 3.0/3.1 document (path)",
      when: (answers) => answers.backend === 'openapi',
      validate: (value) =>
        typeof value === 'string' && value.trim() !== '' ? true : 'give the path of the document',
      filter: (value) => value.trim(),
    },
    {
      type: 'input',
      name: 'baseUrl',
      message: "The app API's base URL (${NAME} reads it from the environment)",
      default: '${APP_BASE_URL}',
      when: (answers) => answers.backend === 'openapi',
    },
  ];
}

/** Where editors find the schema of connector.yaml (its `$id`). */
export const SCHEMA_ID = 'https://github.com/scim-connector/scim-connector/spec/connector.schema.json';

/**
 * The connector.yaml text of the answers, for a spec at `<projectDir>/connector.yaml`. Only what
 * differs from the defaults is written, so the file reads as the answers did.
 */
export function specFromAnswers(answers: Answers, cwd: string, projectDir: string): string {
  const spec: Record<string, unknown> = {
    name: answers.name,
    description: answers.description,
    capabilities: CAPABILITIES.filter((c) => answers.capabilities.includes(c)),
    scim: { versions: (['2.0', '1.1'] as const).filter((v) => answers.versions.includes(v)) },
  };
  if (answers.backend === 'openapi') {
    const document = relative(projectDir, resolve(cwd, answers.openapi ?? ''));
    spec['backend'] = {
      kind: 'openapi',
      document: isAbsolute(document) ? document : document.split('\\').join('/'),
      baseUrl: answers.baseUrl ?? '${APP_BASE_URL}',
    };
  } else {
    spec['backend'] = answers.backend;
  }
  spec['server'] = { auth: answers.auth };
  const doc = new Document(spec);
  doc.commentBefore = ` yaml-language-server: $schema=${SCHEMA_ID}\n Written from the answers to yo scim-connector; edit it and generate again.`;
  return doc.toString();
}
