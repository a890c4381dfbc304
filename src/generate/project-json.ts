// The emitted project's JSON files: package.json (dependencies per package source), tsconfig, mocha and Prettier settings.
import type { ConnectorModel } from './connector-model.js';
import { PRETTIER_OPTIONS } from './format-source.js';
import type { PackageSource } from './generate-contract.js';
import { toolRange } from './generator-version.js';

const SDK = 'scim-connector-sdk';
const TESTER = 'scim-connector-tester';

/** The SDK's and tester's dependency specs, and the overrides that make the tester use the same SDK. */
function ourPackages(source: PackageSource): {
  sdk: string;
  tester: string;
  overrides?: Record<string, unknown>;
} {
  switch (source.kind) {
    case 'workspace':
    case 'registry':
      return { sdk: source.sdkVersion, tester: source.testerVersion };
    case 'vendor': {
      const sdk = `file:${source.sdkTarball}`;
      // Without the override the tester's own dependency on the SDK would be fetched from the registry.
      return { sdk, tester: `file:${source.testerTarball}`, overrides: { [SDK]: sdk } };
    }
  }
}

/** package.json as an object, keys in npm's usual order. */
export function packageJson(model: ConnectorModel, source: PackageSource): Record<string, unknown> {
  const ours = ourPackages(source);
  return {
    name: model.spec.name,
    version: '0.1.0',
    private: true,
    description: model.spec.description,
    type: 'module',
    main: './dist/main.js',
    scripts: {
      build: 'tsc -p tsconfig.build.json',
      cert: `${SDK} cert --out tls`,
      start: 'node dist/main.js',
      test: 'mocha',
      typecheck: 'tsc -p tsconfig.json',
    },
    // The typed client of a mapped app API (openapi backend); the sql backend's query builder and drivers.
    dependencies: {
      ...(model.backend === 'sql'
        ? {
            '@electric-sql/pglite': toolRange('@electric-sql/pglite'),
            kysely: toolRange('kysely'),
            pg: toolRange('pg'),
          }
        : {}),
      ...(model.openapi === undefined ? {} : { 'openapi-fetch': toolRange('openapi-fetch') }),
      [SDK]: ours.sdk,
    },
    devDependencies: {
      '@types/mocha': toolRange('@types/mocha'),
      '@types/node': toolRange('@types/node'),
      ...(model.backend === 'sql' ? { '@types/pg': toolRange('@types/pg') } : {}),
      mocha: toolRange('mocha'),
      [TESTER]: ours.tester,
      tsx: toolRange('tsx'),
      typescript: toolRange('typescript'),
    },
    ...(ours.overrides === undefined ? {} : { overrides: ours.overrides }),
    engines: { node: '>=20.19' },
  };
}

/** Type-checks sources and tests (no output); the build config below emits `src` only. */
export const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2023'],
    types: ['node', 'mocha'],
    strict: true,
    noUncheckedIndexedAccess: true,
    noImplicitOverride: true,
    verbatimModuleSyntax: true,
    esModuleInterop: true,
    skipLibCheck: true,
    forceConsistentCasingInFileNames: true,
    noEmit: true,
  },
  include: ['src/**/*.ts', 'test/**/*.ts'],
};

/** `dist/` mirrors `src/`, so `src/generated/*` finds the project root at `../../` from both. */
export const TSCONFIG_BUILD = {
  extends: './tsconfig.json',
  compilerOptions: { noEmit: false, rootDir: 'src', outDir: 'dist', types: ['node'], sourceMap: true },
  include: ['src/**/*.ts'],
};

export const MOCHARC = {
  'node-option': ['import=tsx'],
  spec: ['test/**/*.test.ts'],
  timeout: 30000,
};

export const PRETTIERRC = PRETTIER_OPTIONS;
