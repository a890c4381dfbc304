// Built-in user request bodies per dialect and profile: the original tester's 1.1 samples and their 2.0 equivalents.
import { URN } from 'scim-connector-sdk';
import type { Speaker } from '../dialect.js';
import { withCustomUrn } from './custom-urn.js';
import { CUSTOM_URN_PLACEHOLDER, SAMPLE_11 } from './okta-11-samples.js';

/** A user this run knows: enough to send the whole user again (as the agent does) and to check reads. */
export interface KnownUser {
  id: string;
  userName: string;
  givenName: string;
  familyName: string;
  email: string;
  active: boolean;
  /** Created by this run (cleaned up at the end), as opposed to given by id. */
  createdByRun: boolean;
  /** The custom schema's departmentName as last pushed, when this run knows it. */
  department?: string;
  /** The POST body that created it, for the duplicate check. */
  createBody?: Record<string, unknown>;
}

export interface UserSeed {
  userName: string;
  givenName: string;
  familyName: string;
  email: string;
  secondaryEmail: string;
  active: boolean;
  password: string;
  department: string;
}

/** The seed of the sample `createNewUser` or `createPendingUser`, names prefixed. */
export function sampleSeed(kind: 'createNewUser' | 'createPendingUser', prefix: string): UserSeed {
  const sample = SAMPLE_11[kind];
  return {
    userName: `${prefix}${sample.userName}`,
    givenName: sample.name.givenName,
    familyName: sample.name.familyName,
    email: `${prefix}${sample.emails[0].value}`,
    secondaryEmail: `${prefix}${sample.emails[1].value}`,
    active: sample.active,
    password: sample.password,
    department: sample[CUSTOM_URN_PLACEHOLDER].departmentName,
  };
}

/** POST /Users body. */
export function createUserBody(seed: UserSeed, speaker: Speaker, customUrn: string): Record<string, unknown> {
  const emails = [
    { primary: true, value: seed.email, type: speaker.dialect === '1.1' ? 'primary' : 'work' },
    { primary: false, value: seed.secondaryEmail, type: speaker.dialect === '1.1' ? 'secondary' : 'home' },
  ];
  if (speaker.dialect === '1.1') {
    return withCustomUrn(
      {
        schemas: [URN.core11, CUSTOM_URN_PLACEHOLDER],
        userName: seed.userName,
        emails,
        phoneNumbers: [{ value: '123-444-5555', type: 'mobile' }],
        name: { familyName: seed.familyName, givenName: seed.givenName },
        active: seed.active,
        password: seed.password,
        [CUSTOM_URN_PLACEHOLDER]: { isAdmin: false, isOkta: false, departmentName: seed.department },
      },
      customUrn,
      CUSTOM_URN_PLACEHOLDER,
    );
  }
  const common = {
    userName: seed.userName,
    externalId: `ext-${seed.userName}`,
    name: { givenName: seed.givenName, familyName: seed.familyName },
    displayName: `${seed.givenName} ${seed.familyName}`,
    emails,
    active: seed.active,
  };
  if (speaker.profile === 'entra') {
    return {
      schemas: [URN.user, URN.enterpriseUser],
      ...common,
      meta: { resourceType: 'User' },
      [URN.enterpriseUser]: { department: seed.department },
    };
  }
  return { schemas: [URN.user], ...common, locale: 'en-US', groups: [], password: seed.password };
}

/**
 * PUT /Users/{id} body: the whole user, as the agent sends it for activate, deactivate, reactivate,
 * password and profile pushes (the original tester's activateUser…reactivateUser samples).
 */
export function wholeUserBody(
  user: KnownUser,
  speaker: Speaker,
  customUrn: string,
  change: { active?: boolean; password?: string; profile?: boolean },
): Record<string, unknown> {
  const sample = SAMPLE_11.existingUser;
  const profile = change.profile ? SAMPLE_11.pushProfileUpdate : undefined;
  const givenName = profile?.name.givenName ?? user.givenName;
  const familyName = profile?.name.familyName ?? user.familyName;
  const email = profile ? profileEmail(user) : user.email;
  const department =
    profile?.[CUSTOM_URN_PLACEHOLDER].departmentName ??
    user.department ??
    sample[CUSTOM_URN_PLACEHOLDER].departmentName;
  const password = change.password ?? sample.password;
  const active = change.active ?? user.active;
  if (speaker.dialect === '1.1') {
    return withCustomUrn(
      {
        schemas: sample.schemas,
        id: user.id,
        userName: user.userName,
        name: { givenName, familyName },
        emails: [{ value: email, primary: true, type: 'work' }],
        active,
        password,
        [CUSTOM_URN_PLACEHOLDER]: { ...sample[CUSTOM_URN_PLACEHOLDER], departmentName: department },
      },
      customUrn,
      CUSTOM_URN_PLACEHOLDER,
    );
  }
  return {
    schemas: [URN.user],
    id: user.id,
    userName: user.userName,
    name: { givenName, familyName },
    displayName: `${givenName} ${familyName}`,
    emails: [{ value: email, primary: true, type: 'work' }],
    active,
    ...(change.password === undefined ? {} : { password }),
  };
}

/** The profile a pushProfileUpdate leaves behind, for the re-read check. */
export function pushedProfile(user: KnownUser): { familyName: string; email: string } {
  const profile = SAMPLE_11.pushProfileUpdate;
  return { familyName: profile.name.familyName, email: profileEmail(user) };
}

/** `jtaylor@example.com` made unique per user: `<local part of userName>.jtaylor@example.com`. */
function profileEmail(user: KnownUser): string {
  return `${user.userName.split('@')[0] ?? user.userName}.${SAMPLE_11.pushProfileUpdate.emails[0].value}`;
}
