// Built-in group request bodies: the original tester's 1.1 createGroup/updateGroup samples and their 2.0 equivalents.
import { URN } from 'scim-connector-sdk';
import type { Speaker } from '../dialect.js';
import { SAMPLE_11 } from './okta-11-samples.js';
import type { Member } from './patch-bodies.js';

export function groupName(prefix: string, which: 'createGroup' | 'updateGroup'): string {
  return `${prefix}${SAMPLE_11[which].displayName}`;
}

/** POST /Groups body. The 1.1 sample's client `id` is kept: servers must ignore it and assign their own. */
export function createGroupBody(
  displayName: string,
  members: readonly Member[],
  speaker: Speaker,
): Record<string, unknown> {
  const sample = SAMPLE_11.createGroup;
  if (speaker.dialect === '1.1') {
    return { ...sample, displayName, members: [...members] };
  }
  if (speaker.profile === 'entra') {
    return { schemas: [URN.group], externalId: `ext-${displayName}`, displayName, members: [...members] };
  }
  return { schemas: [URN.group], displayName, members: [...members] };
}

/** PUT /Groups/{id} body (1.1): the whole group including members. */
export function wholeGroupBody(
  id: string,
  displayName: string,
  members: readonly Member[],
): Record<string, unknown> {
  return { ...SAMPLE_11.updateGroup, id, displayName, members: [...members] };
}
