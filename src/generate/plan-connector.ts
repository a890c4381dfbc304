// Plans the connector from the resolved spec: which methods, which bodies, which settings and variables.
import { methodsForCapabilities, SERVICE_METHODS, type ServiceMethod } from 'scim-connector-sdk';
import type { AppAuthSpec, ConnectorSpec, LdapBackendSpec, Setting } from '../spec/connector-spec.js';
import type {
  AppSettingModel,
  ConnectorModel,
  EnvironmentVariable,
  MethodModel,
  ProjectPaths,
} from './connector-model.js';
import { ldapBodies } from './ldap-connector.js';
import { methodInfo } from './method-catalogue.js';
import type { OpenApiCode } from './openapi-connector.js';

/** The methods the spec needs: the capabilities' in the served dialects plus the extra operations, in SDK order. */
export function plannedMethods(
  spec: Pick<ConnectorSpec, 'capabilities' | 'operations' | 'dialects'>,
): ServiceMethod[] {
  const needed = new Set<ServiceMethod>([
    ...methodsForCapabilities(
      spec.capabilities,
      spec.dialects.map((d) => d.version),
    ),
    ...spec.operations,
  ]);
  return SERVICE_METHODS.filter((method) => needed.has(method));
}

function methodModel(name: ServiceMethod, stub: boolean, body: string | undefined): MethodModel {
  const info = methodInfo(name);
  const params = [...info.params, { name: 'ctx', type: 'RequestContext' }];
  // A parameter the body does not use keeps an underscore (a stub uses none), so linters stay quiet.
  const prefix = (param: string): string =>
    body !== undefined && new RegExp(`\\b${param}\\b`).test(body)
      ? ''
      : stub || body !== undefined
        ? '_'
        : '';
  const model: MethodModel = {
    name,
    resource: info.resource,
    summary: info.summary,
    sends: info.sends,
    answer: info.answer,
    paramList: params.map((p) => `${prefix(p.name)}${p.name}: ${p.type}`).join(', '),
    args: params.map((p) => p.name).join(', '),
    returns: info.returns,
    stub: stub && body === undefined,
  };
  if (body !== undefined) model.body = body;
  return model;
}

function describeSetting(setting: Setting): string | undefined {
  if ('literal' in setting) return undefined;
  return setting.default;
}

/** The ldap backend's settings: where the directory is and the credentials the connector binds with. */
function ldapSettings(backend: LdapBackendSpec): AppSettingModel[] {
  const settings: AppSettingModel[] = [
    {
      key: 'url',
      setting: backend.url,
      secret: false,
      meaning: 'the directory: ldap://host:port or ldaps://host:port',
    },
    {
      key: 'bindDn',
      setting: backend.bindDn,
      secret: false,
      meaning: 'the DN the connector binds to the directory as',
    },
    {
      key: 'bindPassword',
      setting: backend.bindPassword,
      secret: true,
      meaning: 'the password of the bind DN',
    },
  ];
  if (backend.caFile !== undefined) {
    settings.push({
      key: 'caFile',
      setting: backend.caFile,
      secret: false,
      meaning: "PEM file of the CA that signed the directory's certificate",
    });
  }
  return settings;
}

/** The app settings of the openapi backend: the base URL and the auth scheme's values. */
function appSettings(spec: ConnectorSpec): AppSettingModel[] {
  if (spec.backend.kind === 'ldap') return ldapSettings(spec.backend);
  if (spec.backend.kind === 'sql') {
    const url = spec.backend.url ?? { literal: '' };
    const meaning = 'PostgreSQL connection URL (empty: the embedded PGlite database, made from the DDL)';
    return [{ key: 'databaseUrl', setting: url, secret: true, meaning }];
  }
  if (spec.backend.kind !== 'openapi') return [];
  const settings: AppSettingModel[] = [
    { key: 'baseUrl', setting: spec.backend.baseUrl, secret: false, meaning: "the app API's base URL" },
  ];
  const auth: AppAuthSpec = spec.backend.auth;
  const add = (key: string, setting: Setting, secret: boolean, meaning: string): void => {
    settings.push({ key, setting, secret, meaning });
  };
  switch (auth.type) {
    case 'none':
      break;
    case 'bearer':
      add('token', auth.token, true, 'bearer token for the app API');
      break;
    case 'basic':
      add('username', auth.username, false, 'user name for the app API (HTTP Basic)');
      add('password', auth.password, true, 'password for the app API (HTTP Basic)');
      break;
    case 'apiKey':
      add('apiKey', auth.value, true, `API key sent in the ${auth.header} header`);
      break;
    case 'oauth2':
      add('tokenUrl', auth.tokenUrl, false, 'OAuth 2.0 token endpoint of the app');
      add('clientId', auth.clientId, false, 'OAuth 2.0 client id');
      add('clientSecret', auth.clientSecret, true, 'OAuth 2.0 client secret');
      break;
  }
  for (const parameter of spec.backend.parameters) {
    add(parameter.name, parameter.setting, false, `the app's ${parameter.name} path parameter`);
  }
  return settings;
}

/** Every variable config.ts reads, in the order `--help` lists them. */
function environment(spec: ConnectorSpec, app: AppSettingModel[]): EnvironmentVariable[] {
  const { server } = spec;
  const tls = server.tls;
  const vars: EnvironmentVariable[] = [
    { name: 'PORT', meaning: 'port to listen on', shownDefault: String(server.port) },
    { name: 'HOST', meaning: 'interface to listen on', shownDefault: server.host },
    {
      name: 'SCIM_BEARER_TOKEN',
      meaning:
        'bearer token SCIM clients must send; several separated by commas' +
        (server.auth === 'bearer' ? ' (this connector expects one)' : ''),
    },
    {
      name: 'SCIM_BASIC_USER',
      meaning:
        'user name for HTTP Basic authentication' +
        (server.auth === 'basic' ? ' (this connector expects one)' : ''),
    },
    { name: 'SCIM_BASIC_PASSWORD', meaning: 'password for HTTP Basic authentication (with SCIM_BASIC_USER)' },
    {
      name: 'TLS_KEY_FILE',
      meaning: 'PEM private key: serve HTTPS (with TLS_CERT_FILE)',
      ...(tls !== undefined && 'keyFile' in tls ? { shownDefault: tls.keyFile } : {}),
    },
    {
      name: 'TLS_CERT_FILE',
      meaning: 'PEM certificate (with TLS_KEY_FILE)',
      ...(tls !== undefined && 'certFile' in tls ? { shownDefault: tls.certFile } : {}),
    },
    {
      name: 'TLS_PFX_FILE',
      meaning: 'or a PKCS#12 keystore (make one: npm run cert -- --host <name>)',
      ...(tls !== undefined && 'pfxFile' in tls ? { shownDefault: tls.pfxFile } : {}),
    },
    { name: 'TLS_PFX_PASSPHRASE', meaning: "the keystore's passphrase" },
    {
      name: 'ALLOW_HTTP',
      meaning: 'true to serve plain HTTP on a non-loopback HOST (the Okta agent then needs -allowHttp true)',
      shownDefault: String(server.allowHttp),
    },
    {
      name: 'LOG_LEVEL',
      meaning: 'pino log level: fatal, error, warn, info, debug, trace or silent',
      shownDefault: server.logLevel,
    },
  ];
  if (spec.backend.kind === 'store') {
    vars.push(
      { name: 'STORE', meaning: 'memory or file', shownDefault: server.store },
      {
        name: 'STORE_DIR',
        meaning: 'folder of users.json and groups.json for STORE=file',
        shownDefault: server.storeDir,
      },
    );
  }
  for (const setting of app) {
    if ('literal' in setting.setting) continue;
    const shownDefault = describeSetting(setting.setting);
    vars.push({
      name: setting.setting.env,
      meaning: setting.meaning,
      ...(shownDefault === undefined
        ? {}
        : { shownDefault: setting.secret ? '(set in connector.yaml)' : shownDefault }),
      ...(shownDefault === undefined
        ? {
            testValue:
              setting.key === 'baseUrl' || setting.key === 'tokenUrl'
                ? 'http://127.0.0.1:9'
                : 'generated-test-value',
          }
        : {}),
    });
  }
  return vars;
}

/** The whole plan; `paths` says where the files the spec names sit in the project. */
export function planConnector(
  spec: ConnectorSpec,
  generatorVersion: string,
  paths: ProjectPaths,
  openapi?: OpenApiCode,
): ConnectorModel {
  const methodNames = plannedMethods(spec);
  // The store and sql backends serve every method through the SDK: no stubs.
  const stub = spec.backend.kind !== 'store' && spec.backend.kind !== 'sql';
  const app = appSettings(spec);
  const bodies = spec.backend.kind === 'ldap' ? ldapBodies(spec.backend, methodNames) : openapi?.bodies;
  const methods = methodNames.map((name) => methodModel(name, stub, bodies?.get(name)));
  const model: ConnectorModel = {
    spec,
    generatorVersion,
    backend: spec.backend.kind,
    capabilities: [...spec.capabilities],
    dialects: [...spec.dialects],
    methods,
    methodNames,
    stubs: methods.filter((m) => m.stub).map((m) => m.name),
    environment: environment(spec, app),
    appSettings: app,
    paths,
  };
  if (openapi !== undefined) model.openapi = openapi;
  return model;
}
