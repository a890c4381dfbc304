// ESLint flat config: typescript-eslint's type-checked recommended rules over every package's sources, tests, benches and scripts.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/build/**', 'coverage/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        // The projects tsc -b builds: each package's sources, and tsconfig.tests.json for the tests,
        // benches, scripts and goldens.
        project: [
          './sdk/tsconfig.json',
          './tester/tsconfig.json',
          './src/tsconfig.json',
          './examples/example-server/tsconfig.json',
          './tsconfig.tests.json',
          // Generated projects do not turn on exactOptionalPropertyTypes: their goldens are checked as emitted.
          './tsconfig.goldens.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Off: an async method without await is how a ScimService method or a fastify handler turns a
      // throw into a rejected promise, which its caller relies on; dropping `async` would make it throw
      // synchronously instead.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Plain JavaScript (bins, benches, configs) is in no TypeScript project: no type information to check with.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
