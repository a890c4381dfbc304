// scim-connector-sdk/protocol: the SCIM engine itself, for tools and connectors that parse, patch or check resources outside the server.

// Filters (RFC 7644 §3.4.2.2): parse, check against a schema, evaluate, rewrite paths, print.
export type {
  AttrPath,
  CompareFilter,
  CompareOp,
  Filter,
  FilterValue,
  LogicalFilter,
  NotFilter,
  PatchPath,
  PresentFilter,
  ValuePathFilter,
} from './protocol/filter/ast.js';
export {
  DEFAULT_FILTER_LIMITS,
  parseFilter,
  parsePatchPath,
  type FilterLimits,
} from './protocol/filter/parser.js';
export { checkFilter } from './protocol/filter/check.js';
export { compileFilter, evaluateFilter } from './protocol/filter/evaluate.js';
export { mapFilterPaths, type PathMapper } from './protocol/filter/map.js';
export { stringifyAttrPath, stringifyFilter } from './protocol/filter/stringify.js';

// PATCH (RFC 7644 §3.5.2): read a request's operations and apply them to a resource.
export { parsePatchRequest, PATCH_LIMITS, type PatchLimits } from './protocol/patch/request.js';
export { applyPatch, type PatchResult } from './protocol/patch/apply.js';

// Resources against their schemas: validation, attribute projection, attribute lookup.
export { RESOURCE_LIMITS, validateResource, type ValidateOptions } from './protocol/validate-resource.js';
export { parseAttributeList, projectResource, type ProjectionRequest } from './protocol/projection.js';
export { createResourceSchema, findSubAttribute, isNeverReturned } from './protocol/resource-schema.js';
export { compareAttributeValues, getAttributeValues } from './protocol/attribute-access.js';

// SCIM 1.1 ↔ 2.0: the alias table that renames Okta's 1.1 URNs and attributes.
export { createAliasTable, type AliasTable, type AliasTableOptions } from './protocol/alias-table.js';

// The error catalogue: every error the SDK answers with, by stable code.
export {
  ERROR_CATALOGUE,
  isScimError,
  ScimError,
  type ErrorParams,
  type ScimErrorCode,
  type ScimType,
} from './protocol/errors.js';
export {
  errorBody11,
  errorBody20,
  type ErrorBody11,
  type ErrorBody20,
} from './protocol/error-body.js';
