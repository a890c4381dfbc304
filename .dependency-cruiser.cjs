// dependency-cruiser rules: the SDK's layering (protocol below service below http) and no import cycles, type-only ones included.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'protocol-stays-pure',
      comment:
        'protocol/ is the SCIM engine: it must not know the service contract, the HTTP server, the stores, TLS or the CLI.',
      severity: 'error',
      from: { path: '^sdk/src/protocol/' },
      to: { path: '^sdk/src/(service|http|stores|tls|cli)/' },
    },
    {
      name: 'service-below-http',
      comment:
        'service/ is the connector contract: the HTTP server, the stores and the CLI build on it, not the reverse.',
      severity: 'error',
      from: { path: '^sdk/src/service/' },
      to: { path: '^sdk/src/(http|stores|cli)/' },
    },
    {
      name: 'app-runtime-stays-a-client',
      comment:
        "app/ is what a generated connector calls its app's REST API with: it builds on protocol/ and service/, never on the HTTP server, the stores, TLS or the CLI.",
      severity: 'error',
      from: { path: '^sdk/src/app/' },
      to: { path: '^sdk/src/(http|stores|tls|cli)/' },
    },
    {
      name: 'sdk-does-not-need-app-runtime',
      comment: 'Only connectors use app/: the engine, the contract and the server work without it.',
      severity: 'error',
      from: { path: '^sdk/src/(protocol|service|http|stores|tls|cli)/' },
      to: { path: '^sdk/src/app/' },
    },
    {
      name: 'no-circular',
      comment: 'An import cycle (type-only imports count) makes the load order and the layering unreadable.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too: a cycle through `import type` is still a cycle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
  },
};
