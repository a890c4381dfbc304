// The original Okta tester's methods (plus our incremental import), with the text `--help` shows for each.
export const TESTER_METHODS = [
  'getImplementedUserManagementCapabilities',
  'checkUserExists',
  'createNewUser',
  'createPendingUser',
  'activateUser',
  'importUserProfile',
  'pushProfileUpdate',
  'pushPasswordUpdate',
  'deactivateUser',
  'reactivateUser',
  'downloadUsers',
  'downloadGroups',
  'downloadIncrementalUsers',
  'createGroup',
  'getGroupById',
  'updateGroup',
  'deleteGroup',
] as const;

export type TesterMethod = (typeof TESTER_METHODS)[number];

export const TESTER_METHOD_HELP: Readonly<Record<TesterMethod, string>> = {
  getImplementedUserManagementCapabilities:
    'GET /ServiceProviderConfigs (1.1) or /ServiceProviderConfig (2.0); reads userManagementCapabilities',
  checkUserExists:
    'GET /Users?filter=userName eq "x" (1.1 also an email OR lookup); --expect-results says whether it should match',
  createNewUser: 'POST /Users with an active user; expects 201 (any 2xx over 1.1), an id, no password back',
  createPendingUser: 'POST /Users with active=false',
  activateUser: 'pending user → active (PUT whole user; PATCH over 2.0)',
  importUserProfile: 'GET /Users/{id}',
  pushProfileUpdate:
    'changes name, email and the custom department (PUT whole user; Entra: PATCH with dotted keys)',
  pushPasswordUpdate:
    'sends a new password (PUT whole user; PATCH over 2.0); the password must not come back',
  deactivateUser: 'active=false (PUT whole user; PATCH over 2.0), then re-reads the user',
  reactivateUser: 'active=true on a deactivated user',
  downloadUsers:
    'GET /Users?startIndex=1&count=100 until totalResults; checks paging fields, order, gaps, duplicates',
  downloadGroups: 'GET /Groups?startIndex=1&count=100 until totalResults',
  downloadIncrementalUsers: 'GET /Users?filter=meta.lastModified gt "<time>" (OPP_SCIM_INCREMENTAL_IMPORTS)',
  createGroup: 'POST /Groups with members; expects 201 (any 2xx over 1.1) and an id',
  getGroupById: 'GET /Groups/{id}',
  updateGroup: 'renames a group and changes its members (PUT whole group over 1.1; PATCH over 2.0)',
  deleteGroup: 'DELETE /Groups/{id}, then expects 404 on a re-read',
};

export function isTesterMethod(value: string): value is TesterMethod {
  return (TESTER_METHODS as readonly string[]).includes(value);
}
