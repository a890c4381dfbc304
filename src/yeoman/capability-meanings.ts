// What each Okta capability means to the person choosing it (the prompt's checkbox list).
import type { Capability } from 'scim-connector-sdk';

export const CAPABILITY_MEANINGS: Readonly<Record<Capability, string>> = {
  PUSH_NEW_USERS: 'create a user in the app when one is assigned in Okta',
  PUSH_PENDING_USERS: 'create users inactive (pending) and activate them later',
  PUSH_PROFILE_UPDATES: "send changes of a user's profile made in Okta",
  PUSH_PASSWORD_UPDATES: 'send passwords set in Okta',
  PUSH_USER_DEACTIVATION: 'deactivate the user in the app when unassigned or deactivated in Okta',
  REACTIVATE_USERS: 'reactivate a deactivated user',
  IMPORT_NEW_USERS: "import the app's users and groups into Okta",
  IMPORT_PROFILE_UPDATES: "read one user's profile to pick up changes made in the app",
  GROUP_PUSH: 'create, rename, change the members of and delete groups from Okta',
  OPP_SCIM_INCREMENTAL_IMPORTS: 'import only users changed since the last import (Provisioning Agent)',
};
