// The generator core's public surface, for its shells (CLI, Yeoman) and for regeneration.
export { generate } from './generate.js';
export type * from './generate-contract.js';
export { plannedMethods } from './plan-connector.js';
export { readTaggedMethods, normaliseBody, hashBody, hashText, type TaggedMethod } from './body-hash.js';
export { MANIFEST_PATH, CONNECTOR_PATH, type Manifest } from './manifest.js';
export { GENERATED_HEADER } from './render-project.js';
export { formatSource, PRETTIER_OPTIONS } from './format-source.js';
