// The spec's public surface, for the generator core and its shells (CLI, Yeoman).
export type * from './connector-spec.js';
export { loadSpec, loadSpecText, type LoadSpecResult } from './load-spec.js';
export { formatProblem, type SpecProblem } from './spec-problem.js';
export { SPEC_CODES, type SpecCode } from './spec-codes.js';
export { parseSetting, formatSetting } from './setting.js';
export { readSpecFile, type ReadSpecFile, type FileRead } from './read-file.js';
export { SCHEMA_URL } from './schema-check.js';
