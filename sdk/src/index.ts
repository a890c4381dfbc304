// Public API of scim-connector-sdk. Each area appends its own exports here.
export * from './protocol/errors.js';
export * from './protocol/resource.js';
export type * from './protocol/schema-types.js';
export type * from './protocol/filter-ast.js';
export * from './service/scim-service.js';
export * from './service/capabilities.js';
export * from './service/errors.js';
export * from './protocol/error-body.js';
export * from './protocol/validate-resource.js';
export * from './protocol/projection.js';
