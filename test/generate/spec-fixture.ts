// A resolved ConnectorSpec for core tests, with every default filled in; tests override what they vary.
import type { ConnectorSpec } from '../../src/spec/index.js';

export function specFixture(overrides: Partial<ConnectorSpec> = {}): ConnectorSpec {
  return {
    file: '/specs/connector.yaml',
    name: 'fixture',
    description: 'A connector for the generator tests',
    capabilities: ['PUSH_NEW_USERS'],
    operations: [],
    dialects: [{ version: '2.0', basePath: '/scim/v2' }],
    okta: { appName: 'fixture_app', userSchemaName: 'custom' },
    schemas: {},
    backend: { kind: 'none' },
    server: {
      host: '127.0.0.1',
      port: 8080,
      auth: 'bearer',
      allowHttp: false,
      logLevel: 'info',
      store: 'memory',
      storeDir: './scim-data',
    },
    ...overrides,
  };
}
