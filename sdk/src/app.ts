// scim-connector-sdk/app: what a generated connector needs to call its app's REST API: credentials, timeouts, error translation, lists, membership, value conversions.

// Calls: credentials and a timeout on every call; the app's failed answers as SCIM errors.
export type { AppAuth, AppSettings } from './app/app-settings.js';
export { appFetch } from './app/app-fetch.js';
export { appError, context, expectOk, followUp, idFromLocation, type CallContext } from './app/app-errors.js';

// Lists: pages, filter push-down, in-memory filtering with a cap.
export {
  fetchAll,
  found,
  headerNumber,
  listResources,
  nextFromLink,
  pushableValues,
  type AppPage,
  type FetchPage,
  type ListCalls,
} from './app/list-resources.js';

// Group membership through the app's own add and remove calls.
export { changeMembers, member, type MembershipCall } from './app/membership.js';

// Values between SCIM resources and app records.
export {
  asBoolean,
  asNumber,
  asString,
  asStrings,
  compact,
  element,
  field,
  fromEpoch,
  listOf,
  lookup,
  memberIds,
  mergeRecord,
  oneOf,
  toEpoch,
  type WithoutNull,
} from './app/app-values.js';
