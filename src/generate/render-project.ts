// Renders the planned connector into the project's files (unformatted text; generate formats and hashes them).
import type { ConnectorModel } from './connector-model.js';
import { appApiTypes } from './app-api-types.js';
import { directoryLiteral, directorySuffix, directoryTree } from './ldap-connector.js';
import type { FileZone } from './generate-contract.js';
import { renderTemplate } from './render-template.js';
import { objectType, propertyKey, schemaDefinitionSource } from './schema-source.js';
import { MOCHARC, PRETTIERRC, TSCONFIG, TSCONFIG_BUILD } from './project-json.js';
import type { ExtensionSpec } from '../spec/connector-spec.js';

/** The first line of every generated-zone source file. */
export const GENERATED_HEADER =
  '// generated from connector.yaml by generator-scim-connector: do not edit, regenerating rewrites this file.';

export interface RenderedFile {
  path: string;
  text: string;
  zone: FileZone;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

function extensionView(extension: ExtensionSpec | undefined): object | false {
  if (extension === undefined) return false;
  return {
    urn: extension.urn,
    key: propertyKey(extension.urn),
    definition: schemaDefinitionSource(extension),
    type: objectType(extension.attributes),
  };
}

/** The SDK names connector.ts imports: only those its methods use (an unused import fails lint). */
function connectorImports(model: ConnectorModel): { sdk: string[]; resources: string } {
  // The ldap connector types its directory service with both resource types.
  const service = model.backend === 'ldap' ? ' ConnectorUser ConnectorGroup' : '';
  const text = model.methods.map((m) => `${m.paramList} ${m.returns}`).join(' ') + service;
  // A class without any service method cannot declare `implements ScimService` (a weak type).
  const sdk = model.methods.length > 0 ? ['type ScimService', 'type RequestContext'] : [];
  if (model.stubs.length > 0) sdk.unshift('NotImplementedError');
  for (const name of ['ListQuery', 'ListResult', 'PatchOperation'])
    if (text.includes(name)) sdk.push(`type ${name}`);
  const mapped = model.openapi;
  if (mapped !== undefined && usesSchemas(model)) sdk.push('createSchemaRegistry');
  const resources = ['ConnectorGroup', 'ConnectorUser']
    .filter((name) => text.includes(name))
    .map((name) => `type ${name}`);
  if (mapped !== undefined && usesSchemas(model)) resources.unshift('SCHEMA_OPTIONS');
  const typesOnly = resources.every((name) => name.startsWith('type '));
  const names = typesOnly ? resources.map((name) => name.replace('type ', '')) : resources;
  return {
    sdk: sdk.sort((a, b) => a.replace('type ', '').localeCompare(b.replace('type ', ''))),
    resources:
      resources.length === 0
        ? ''
        : `import ${typesOnly ? 'type ' : ''}{ ${names.join(', ')} } from './generated/schemas.js';`,
  };
}

/** Whether mapped bodies filter or patch in memory, against the connector's schemas. */
function usesSchemas(model: ConnectorModel): boolean {
  return model.methods.some((m) => m.body?.includes('this.schemas.') === true);
}

/** `import { a, type B } from '…'` of the names of `candidates` that `text` uses, sorted. */
function usedImports(text: string, candidates: readonly string[], types: readonly string[] = []): string {
  const used = [
    ...candidates.filter((name) => new RegExp(`\\b${name}\\b`).test(text)),
    ...types.filter((name) => new RegExp(`\\b${name}\\b`).test(text)).map((name) => `type ${name}`),
  ];
  return [...new Set(used)]
    .sort((a, b) => a.replace('type ', '').localeCompare(b.replace('type ', '')))
    .join(', ');
}

const MAPPER_HELPERS = [
  'asBoolean',
  'asNumber',
  'asString',
  'asStrings',
  'compact',
  'element',
  'field',
  'fromEpoch',
  'listOf',
  'lookup',
  'oneOf',
  'memberIds',
  'toEpoch',
];
const CLIENT_HELPERS = [
  'appFetch',
  'context',
  'expectOk',
  'fetchAll',
  'headerNumber',
  'member',
  'nextFromLink',
];

/** The mapped connector's imports of its generated modules, and the files behind them. */
async function mappedFiles(
  model: ConnectorModel,
  base: object,
): Promise<{ imports: string[]; files: RenderedFile[] }> {
  const mapped = model.openapi;
  const spec = model.spec;
  if (mapped === undefined || spec.backend.kind !== 'openapi') return { imports: [], files: [] };
  const bodies = model.methods.map((m) => m.body ?? '').join('\n');
  const auth = spec.backend.auth;
  const credentials = model.appSettings
    .filter((s) => ['token', 'username', 'password', 'apiKey', 'clientId', 'clientSecret'].includes(s.key))
    .map((s) => ('literal' in s.setting ? `backend.auth.${s.key} in connector.yaml` : s.setting.env));
  const authLiteral = (() => {
    switch (auth.type) {
      case 'none':
        return "{ type: 'none' }";
      case 'bearer':
        return "{ type: 'bearer', token: config.app.token }";
      case 'basic':
        return "{ type: 'basic', username: config.app.username, password: config.app.password }";
      case 'apiKey':
        return `{ type: 'apiKey', header: ${JSON.stringify(auth.header)}, value: config.app.apiKey }`;
      case 'oauth2':
        return `{ type: 'oauth2', tokenUrl: config.app.tokenUrl, clientId: config.app.clientId, clientSecret: config.app.clientSecret${auth.scope === undefined ? '' : `, scope: ${JSON.stringify(auth.scope)}`} }`;
    }
  })();
  const records = ['AppGroup', 'AppUser'].filter((name) => mapped.pageFetchers.includes(name));
  const clientRuntime = usedImports(mapped.pageFetchers + ' appFetch( ', CLIENT_HELPERS, [
    'AppPage',
    'MembershipCall',
  ]);
  const files: RenderedFile[] = [
    {
      path: 'src/generated/app-client.ts',
      zone: 'generated',
      text: await renderTemplate('src/generated/app-client.ts.hbs', {
        ...base,
        runtimeImports: [clientRuntime, 'type AppSettings'].filter((s) => s !== '').join(', '),
        recordTypes: records.map((r) => r).join(', '),
        members: mapped.pageFetchers.includes('ScimMultiValue'),
        auth: authLiteral,
        timeoutMs: spec.backend.timeoutMs,
        credentials: JSON.stringify(
          credentials.length === 0 ? 'the app credentials' : credentials.join(' and '),
        ),
        pageFetchers: mapped.pageFetchers,
      }),
    },
    {
      path: 'src/generated/mappers.ts',
      zone: 'generated',
      text: await renderTemplate('src/generated/mappers.ts.hbs', {
        ...base,
        runtimeImports: usedImports(mapped.mappers, MAPPER_HELPERS),
        resourceImports: ['ConnectorGroup', 'ConnectorUser']
          .filter((n) => mapped.mappers.includes(n))
          .join(', '),
        mappers: mapped.mappers,
      }),
    },
  ];
  const engine = usedImports(bodies, [...new Set(mapped.protocolImports)]);
  const imports = [
    ...(engine === '' ? [] : [`import { ${engine} } from 'scim-connector-sdk/protocol';`]),
    `import { ${usedImports(bodies + ' appSettings( createAppClient( ', ['appSettings', 'createAppClient', ...mapped.clientImports], ['AppClient'])}, type AppClient } from './generated/app-client.js';`,
    `import { ${[usedImports(bodies, [...new Set(mapped.runtimeImports)]), 'type AppSettings'].filter((s) => s !== '').join(', ')} } from 'scim-connector-sdk/app';`,
    `import { ${usedImports(bodies, [...new Set(mapped.mapperImports)])} } from './generated/mappers.js';`,
  ];
  return { imports, files };
}

function dialectsLiteral(model: ConnectorModel): string {
  const served = new Map(model.dialects.map((d) => [d.version, d.basePath]));
  const entries = (['2.0', '1.1'] as const).map((version) => {
    const path = served.get(version);
    return `'${version}': ${path === undefined ? 'false' : `{ basePath: ${JSON.stringify(path)} }`}`;
  });
  return `{ ${entries.join(', ')} }`;
}

function defaultsLiteral(model: ConnectorModel): string {
  const { server } = model.spec;
  const tls = server.tls;
  const defaults: Record<string, unknown> = {
    host: server.host,
    port: server.port,
    allowHttp: server.allowHttp,
    logLevel: server.logLevel,
  };
  if (model.backend === 'store') Object.assign(defaults, { store: server.store, storeDir: server.storeDir });
  if (tls !== undefined) {
    defaults['tls'] =
      'pfxFile' in tls
        ? { TLS_PFX_FILE: tls.pfxFile }
        : { TLS_KEY_FILE: tls.keyFile, TLS_CERT_FILE: tls.certFile };
  }
  return JSON.stringify(defaults);
}

/** The lines `--help` prints about the environment: name, meaning, default. */
function environmentHelp(model: ConnectorModel): string[] {
  const width = Math.max(...model.environment.map((v) => v.name.length)) + 2;
  const lines = model.environment.map(
    (v) =>
      `  ${v.name.padEnd(width)}${v.meaning}${v.shownDefault === undefined ? '' : ` [default: ${v.shownDefault}]`}`,
  );
  return ['Environment variables (connector.yaml holds the defaults):', ...lines];
}

function expectedCredentials(model: ConnectorModel): string {
  switch (model.spec.server.auth) {
    case 'basic':
      return 'SCIM_BASIC_USER and SCIM_BASIC_PASSWORD';
    case 'bearer':
      return 'SCIM_BEARER_TOKEN';
    case 'none':
      return 'SCIM_BEARER_TOKEN (or SCIM_BASIC_USER and SCIM_BASIC_PASSWORD)';
  }
}

/** config.ts's expression reading one app setting. */
function settingRead(setting: ConnectorModel['appSettings'][number]): string {
  const value = setting.setting;
  if ('literal' in value) return JSON.stringify(value.literal);
  return `readSetting(env, ${JSON.stringify(value.env)}, ${value.default === undefined ? 'undefined' : JSON.stringify(value.default)}, ${JSON.stringify(setting.meaning)})`;
}

/** The environment the generated tests read their config from: loopback, any port, a token, silent. */
function testEnvironment(model: ConnectorModel): string {
  const env: Record<string, string> = {
    HOST: '127.0.0.1',
    PORT: '0',
    SCIM_BEARER_TOKEN: 'TOKEN',
    LOG_LEVEL: 'silent',
  };
  if (model.backend === 'store') env['STORE'] = 'memory';
  for (const variable of model.environment)
    if (variable.testValue !== undefined) env[variable.name] = variable.testValue;
  const entries = Object.entries(env).map(
    ([name, value]) => `${name}: ${name === 'SCIM_BEARER_TOKEN' ? 'TOKEN' : JSON.stringify(value)}`,
  );
  return `{ ${entries.join(', ')} }`;
}

function testSuites(model: ConnectorModel): object[] {
  const suites: object[] = [];
  for (const dialect of model.dialects) {
    const profiles = dialect.version === '2.0' ? ['okta', 'entra'] : ['okta'];
    for (const profile of profiles) {
      const client =
        dialect.version === '1.1' ? 'Okta Provisioning Agent' : profile === 'okta' ? 'Okta' : 'Entra ID';
      suites.push({
        title: `${model.spec.name}: SCIM ${dialect.version} at ${dialect.basePath}, played by ${client}`,
        dialect: dialect.version,
        profile,
        basePath: dialect.basePath,
      });
    }
  }
  return suites;
}

function readmeView(model: ConnectorModel, base: object): object {
  const { server } = model.spec;
  const path = (version: string): string | undefined =>
    model.dialects.find((d) => d.version === version)?.basePath;
  const first = model.dialects[0]?.basePath ?? '/scim/v2';
  return {
    ...base,
    host: server.host,
    port: server.port,
    dialects: model.dialects,
    dialectList: model.dialects.map((d) => `SCIM ${d.version} at \`${d.basePath}\``).join(' and '),
    capabilityList:
      model.capabilities.length === 0
        ? 'none (discovery only)'
        : model.capabilities.map((c) => `\`${c}\``).join(', '),
    stubs: model.stubs,
    ldap: model.backend === 'ldap',
    stubList: model.stubs.map((s) => `\`${s}\``).join(', '),
    environment: model.environment,
    firstBasePath: first,
    oppBasePath: path('1.1') ?? first,
    scim2BasePath: path('2.0') ?? first,
  };
}

const FAKE_VALUES: Readonly<Record<string, string>> = {
  baseUrl: '{url}',
  token: 'fake-app-token',
  username: 'fake-user',
  password: 'fake-password',
  apiKey: 'fake-api-key',
  tokenUrl: '{url}/oauth2/token',
  clientId: 'fake-client',
  clientSecret: 'fake-secret',
};

/** The fake app's credentials and the environment pointing the connector at it; undefined without mappings. */
function fakeApp(
  model: ConnectorModel,
): { credentials: string; variables: string[]; realVariable: string } | undefined {
  const backend = model.spec.backend;
  if (model.openapi === undefined || backend.kind !== 'openapi') return undefined;
  const env: Record<string, string> = {};
  for (const setting of model.appSettings) {
    if ('env' in setting.setting)
      env[setting.setting.env] = FAKE_VALUES[setting.key] ?? `fake-${setting.key}`;
  }
  const auth = backend.auth;
  const credentials =
    auth.type === 'bearer'
      ? { header: 'authorization', prefix: 'Bearer ', value: FAKE_VALUES['token'] }
      : auth.type === 'basic'
        ? {
            header: 'authorization',
            prefix: 'Basic ',
            value: Buffer.from(`${FAKE_VALUES['username']}:${FAKE_VALUES['password']}`).toString('base64'),
          }
        : auth.type === 'apiKey'
          ? { header: auth.header, prefix: '', value: FAKE_VALUES['apiKey'] }
          : auth.type === 'oauth2'
            ? { header: 'authorization', prefix: 'Bearer ', value: '', tokenPath: '/oauth2/token' }
            : { header: '', prefix: '', value: '' };
  const baseUrl = backend.baseUrl;
  return {
    credentials: JSON.stringify({ ...credentials, basePath: '', env }),
    variables: Object.keys(env),
    realVariable: 'env' in baseUrl ? baseUrl.env : 'APP_BASE_URL',
  };
}

const LDAP_IMPORTS = [
  "import { createLdapService, type LdapService } from 'scim-connector-sdk/ldap';",
  "import { ldapOptions } from './generated/directory.js';",
];

/** The ldap backend's generated files: the directory layout and the tests' starting tree. */
async function ldapFiles(model: ConnectorModel, base: object): Promise<RenderedFile[]> {
  const backend = model.spec.backend;
  if (backend.kind !== 'ldap') return [];
  return [
    {
      path: 'src/generated/directory.ts',
      zone: 'generated',
      text: await renderTemplate('src/generated/directory.ts.hbs', {
        ...base,
        layout: directoryLiteral(backend),
        startTls: backend.startTls,
        timeoutMs: backend.timeoutMs,
        caFile: backend.caFile !== undefined,
        schema: model.paths.directorySchema ?? backend.schema,
      }),
    },
    {
      path: 'test/generated/directory-tree.ts',
      zone: 'generated',
      text: await renderTemplate('test/generated/directory-tree.ts.hbs', {
        ...base,
        suffix: directorySuffix(backend),
        treeLines: directoryTree(backend).split('\n'),
      }),
    },
  ];
}

/** Every file but the manifest, connector.yaml and the copies the spec names. */
export async function renderProject(model: ConnectorModel): Promise<RenderedFile[]> {
  const { spec } = model;
  const store = model.backend === 'store';
  // One line, and nothing that ends a comment: it goes into a JSDoc block and a systemd Description=.
  const description = spec.description.replace(/\s+/g, ' ').trim().replace(/\*\//g, '* /');
  const sql = spec.backend.kind === 'sql';
  const base = { name: spec.name, description, header: GENERATED_HEADER, store, sql };
  const imports = connectorImports(model);
  const mapped = await mappedFiles(model, base);
  const okta: Record<string, string> = {
    appName: spec.okta.appName,
    userSchemaName: spec.okta.userSchemaName,
  };
  if (spec.schemas.user !== undefined) okta['userExtensionUrn'] = spec.schemas.user.urn;
  if (spec.schemas.group !== undefined) okta['groupExtensionUrn'] = spec.schemas.group.urn;
  const oktaUserUrn11 = `urn:okta:${spec.okta.appName}:1.0:user:${spec.okta.userSchemaName}`;
  const runtimeFiles = [model.paths.ddl, model.paths.seedUsers, model.paths.seedGroups].filter(
    (p): p is string => p !== undefined,
  );

  const files: RenderedFile[] = [
    {
      path: 'src/connector.ts',
      zone: 'merged',
      text: await renderTemplate('src/connector.ts.hbs', {
        ...base,
        sdkImports: imports.sdk,
        resourceImports: imports.resources,
        mapped: mapped.imports.length > 0,
        ldap: spec.backend.kind === 'ldap',
        mappedImports: [...mapped.imports, ...(spec.backend.kind === 'ldap' ? LDAP_IMPORTS : [])],
        schemas: usesSchemas(model),
        methods: model.methods,
      }),
    },
    {
      path: 'src/server.ts',
      zone: 'scaffolding',
      text: await renderTemplate('src/server.ts.hbs', base),
    },
    { path: 'src/main.ts', zone: 'scaffolding', text: await renderTemplate('src/main.ts.hbs', base) },
    {
      path: 'src/generated/capabilities.ts',
      zone: 'generated',
      text: await renderTemplate('src/generated/capabilities.ts.hbs', {
        ...base,
        capabilities: model.capabilities,
        dialects: dialectsLiteral(model),
        methodNames: model.methodNames,
      }),
    },
    {
      path: 'src/generated/schemas.ts',
      zone: 'generated',
      text: await renderTemplate('src/generated/schemas.ts.hbs', {
        ...base,
        okta: JSON.stringify(okta),
        oktaUserUrn11,
        anyExtension: spec.schemas.user !== undefined || spec.schemas.group !== undefined,
        user: extensionView(spec.schemas.user),
        group: extensionView(spec.schemas.group),
      }),
    },
    {
      path: 'src/generated/config.ts',
      zone: 'generated',
      text: await renderTemplate('src/generated/config.ts.hbs', {
        ...base,
        defaults: defaultsLiteral(model),
        environmentHelp: environmentHelp(model),
        usage: [
          'Usage: npm start',
          '',
          spec.description,
          `Serves ${model.dialects.map((d) => `SCIM ${d.version} at ${d.basePath}`).join(' and ')}.`,
        ],
        expectedCredentials: expectedCredentials(model),
        tlsDefaults: spec.server.tls !== undefined,
        appSettings:
          model.appSettings.length === 0
            ? false
            : model.appSettings.map((s) => ({ key: s.key, read: settingRead(s) })),
      }),
    },
    {
      path: 'test/generated/scim.test.ts',
      zone: 'generated',
      text: await renderTemplate('test/generated/scim.test.ts.hbs', {
        ...base,
        env: testEnvironment(model),
        fake: fakeApp(model) ?? false,
        ldap: model.backend === 'ldap',
        suites: testSuites(model),
        customUrn: oktaUserUrn11,
      }),
    },
    {
      path: 'README.md',
      zone: 'scaffolding',
      text: await renderTemplate('README.md.hbs', readmeView(model, base)),
    },
    {
      path: 'Dockerfile',
      zone: 'scaffolding',
      text: await renderTemplate('Dockerfile.hbs', { ...base, port: spec.server.port, runtimeFiles }),
    },
    {
      path: `${spec.name}.service`,
      zone: 'scaffolding',
      text: await renderTemplate('connector.service.hbs', base),
    },
    { path: '.gitignore', zone: 'scaffolding', text: await renderTemplate('gitignore.hbs', base) },
    { path: 'tsconfig.json', zone: 'scaffolding', text: json(TSCONFIG) },
    { path: 'tsconfig.build.json', zone: 'scaffolding', text: json(TSCONFIG_BUILD) },
    { path: '.mocharc.json', zone: 'scaffolding', text: json(MOCHARC) },
    { path: '.prettierrc.json', zone: 'scaffolding', text: json(PRETTIERRC) },
  ];
  if (store) {
    const seedFiles: Record<string, string> = {};
    if (model.paths.seedUsers !== undefined) seedFiles['users'] = model.paths.seedUsers;
    if (model.paths.seedGroups !== undefined) seedFiles['groups'] = model.paths.seedGroups;
    files.push({
      path: 'src/generated/store.ts',
      zone: 'generated',
      text: await renderTemplate('src/generated/store.ts.hbs', {
        ...base,
        seedFiles: JSON.stringify(seedFiles),
      }),
    });
  }
  if (spec.backend.kind === 'sql') {
    files.push({
      path: 'src/generated/database.ts',
      zone: 'generated',
      text: await renderTemplate('src/generated/database.ts.hbs', {
        ...base,
        mapping: JSON.stringify(spec.backend.mapping),
        ddlFile: model.paths.ddl ?? 'schema.sql',
      }),
    });
  }
  files.push(...mapped.files, ...(await ldapFiles(model, base)));
  const fake = fakeApp(model);
  if (fake !== undefined && model.fakeResources !== undefined) {
    files.push({
      path: 'test/generated/fake-app.ts',
      zone: 'generated',
      text: await renderTemplate('test/generated/fake-app.ts.hbs', {
        ...base,
        resources: JSON.stringify(model.fakeResources),
        credentials: fake.credentials,
      }),
    });
  }
  if (spec.backend.kind === 'openapi') {
    files.push({
      path: 'src/generated/app-api.ts',
      zone: 'generated',
      text: await appApiTypes(
        spec.backend.document,
        `${GENERATED_HEADER}\n// The app API's types, from ${model.paths.openapi ?? 'its OpenAPI document'} by openapi-typescript.\n`,
      ),
    });
  }
  return files;
}
