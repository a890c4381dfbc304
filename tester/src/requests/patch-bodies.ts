// SCIM 2.0 PATCH bodies as Okta's 2.0 client and Entra ID send them (Entra: "Replace", string booleans, dotted keys).
import { URN } from 'scim-connector-sdk';
import type { Profile } from '../dialect.js';

export interface PatchBody {
  schemas: [typeof URN.patchOp];
  Operations: Record<string, unknown>[];
}

function patch(...operations: Record<string, unknown>[]): PatchBody {
  return { schemas: [URN.patchOp], Operations: operations };
}

/** activate / deactivate / reactivate. */
export function activePatch(active: boolean, profile: Profile): PatchBody {
  if (profile === 'entra') return patch({ op: 'Replace', path: 'active', value: active ? 'True' : 'False' });
  return patch({ op: 'replace', value: { active } });
}

export function passwordPatch(password: string, profile: Profile): PatchBody {
  if (profile === 'entra') return patch({ op: 'Replace', path: 'password', value: password });
  return patch({ op: 'replace', value: { password } });
}

/** Entra's profile push: dotted keys in a value object and a filtered path on emails. */
export function profilePatch(familyName: string, email: string, department: string): PatchBody {
  return patch(
    {
      op: 'Replace',
      value: { 'name.familyName': familyName, [`${URN.enterpriseUser}:department`]: department },
    },
    { op: 'Replace', path: 'emails[type eq "work"].value', value: email },
  );
}

/** Okta's group rename carries the group's id in the value (a read-only attribute the server must ignore). */
export function renameGroupPatch(id: string, displayName: string, profile: Profile): PatchBody {
  if (profile === 'entra') return patch({ op: 'Replace', path: 'displayName', value: displayName });
  return patch({ op: 'replace', value: { id, displayName } });
}

export interface Member {
  value: string;
  display: string;
}

export function membershipPatch(
  remove: readonly Member[],
  add: readonly Member[],
  profile: Profile,
): PatchBody {
  const operations: Record<string, unknown>[] = [];
  if (profile === 'entra') {
    if (remove.length > 0)
      operations.push({ op: 'Remove', path: 'members', value: remove.map((m) => ({ value: m.value })) });
    if (add.length > 0)
      operations.push({ op: 'Add', path: 'members', value: add.map((m) => ({ value: m.value })) });
  } else {
    for (const member of remove)
      operations.push({ op: 'remove', path: `members[value eq "${member.value}"]` });
    if (add.length > 0) operations.push({ op: 'add', path: 'members', value: add });
  }
  return patch(...operations);
}
