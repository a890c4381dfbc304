// The push tester methods: createNewUser, createPendingUser, activate/deactivate/reactivate, password and profile pushes.
import { URN } from 'scim-connector-sdk';
import { isObject, resourcePath } from '../dialect.js';
import type { RunContext } from '../context.js';
import { successProblem } from '../checks/response-checks.js';
import { passwordPatch, profilePatch } from '../requests/patch-bodies.js';
import { SAMPLE_11 } from '../requests/okta-11-samples.js';
import { createUserBody, pushedProfile, wholeUserBody } from '../requests/user-bodies.js';
import type { KnownUser } from '../requests/user-bodies.js';
import {
  activeAfter,
  activeProblem,
  ensureUser,
  postUser,
  seedFor,
  setActive,
  tryRead,
} from './user-operations.js';

async function createUser(ctx: RunContext, kind: 'createNewUser' | 'createPendingUser'): Promise<KnownUser> {
  const seed = seedFor(ctx, kind);
  const body = isObject(ctx.body) ? ctx.body : createUserBody(seed, ctx.speaker, ctx.customUrn);
  return postUser(ctx, seed, body);
}

export async function createNewUser(ctx: RunContext): Promise<void> {
  await createUser(ctx, 'createNewUser');
}

export async function createPendingUser(ctx: RunContext): Promise<void> {
  const user = await createUser(ctx, 'createPendingUser');
  const response = ctx.exchanges.at(-1)?.response?.body;
  if (isObject(response) && response['active'] !== undefined) {
    ctx.expect(
      response['active'] === false
        ? undefined
        : `POST /Users of a pending user returned active=${JSON.stringify(response['active'])}, expected false`,
    );
  }
  user.active = false;
}

/** Pending → active; the pending user comes from createPendingUser, or is created here as a prerequisite. */
export async function activateUser(ctx: RunContext): Promise<void> {
  const user = await pendingUser(ctx);
  const answer = await setActive(ctx, user, true, ctx.body);
  ctx.expect(activeProblem(await activeAfter(ctx, user, answer), true, 'after the activation'));
}

async function pendingUser(ctx: RunContext): Promise<KnownUser> {
  if (ctx.args['userId'] !== undefined) return ensureUser(ctx, 'write');
  const pending = ctx.users.find((u) => u.createdByRun && !u.active);
  if (pending) return pending;
  if (!ctx.may('PUSH_PENDING_USERS', 'PUSH_NEW_USERS')) return ensureUser(ctx, 'write');
  return ctx.prerequisite('createUser (a pending user)', async () => {
    const seed = seedFor(ctx, 'createPendingUser', `activate${ctx.users.length}-`);
    const user = await postUser(ctx, seed, createUserBody(seed, ctx.speaker, ctx.customUrn));
    user.active = false;
    return user;
  });
}

export async function deactivateUser(ctx: RunContext): Promise<void> {
  const user = await ensureUser(ctx, 'write');
  const answer = await setActive(ctx, user, false, ctx.body);
  ctx.expect(activeProblem(await activeAfter(ctx, user, answer), false, 'after the deactivation'));
}

export async function reactivateUser(ctx: RunContext): Promise<void> {
  const user = await ensureUser(ctx, 'write');
  if (user.active)
    await ctx.prerequisite('deactivateUser (a deactivated user)', () => setActive(ctx, user, false));
  const answer = await setActive(ctx, user, true, ctx.body);
  ctx.expect(activeProblem(await activeAfter(ctx, user, answer), true, 'after the reactivation'));
}

export async function pushPasswordUpdate(ctx: RunContext): Promise<void> {
  const user = await ensureUser(ctx, 'write');
  const password = SAMPLE_11.pushPasswordUpdate.password;
  const path = resourcePath('Users', user.id);
  const request =
    ctx.dialect === '1.1'
      ? {
          method: 'PUT' as const,
          path,
          body: ctx.body ?? wholeUserBody(user, ctx.speaker, ctx.customUrn, { password }),
        }
      : { method: 'PATCH' as const, path, body: ctx.body ?? passwordPatch(password, ctx.speaker.profile) };
  const response = await ctx.request(request);
  ctx.expect(successProblem(response.status, `${request.method} ${path}`));
}

/** Over 2.0 Okta reads the user before its PUT; Entra sends a PATCH with dotted keys. */
export async function pushProfileUpdate(ctx: RunContext): Promise<void> {
  const user = await ensureUser(ctx, 'write');
  const path = resourcePath('Users', user.id);
  const want = pushedProfile(user);
  let response;
  if (ctx.dialect === '2.0' && ctx.speaker.profile === 'entra') {
    const department = SAMPLE_11.pushProfileUpdate['{customUrn}'].departmentName;
    response = await ctx.request({
      method: 'PATCH',
      path,
      body: ctx.body ?? profilePatch(want.familyName, want.email, department),
    });
  } else {
    if (ctx.dialect === '2.0') {
      const read = await ctx.request({ method: 'GET', path });
      ctx.expect(
        read.status === 200
          ? undefined
          : `GET ${path} (read before PUT) answered ${read.status}, expected 200`,
      );
    }
    response = await ctx.request({
      method: 'PUT',
      path,
      body: ctx.body ?? wholeUserBody(user, ctx.speaker, ctx.customUrn, { profile: true }),
    });
  }
  ctx.expect(successProblem(response.status, `${response.exchange.request.method} ${path}`));
  if (ctx.body !== undefined) return;
  user.familyName = want.familyName;
  user.email = want.email;
  user.department = SAMPLE_11.pushProfileUpdate['{customUrn}'].departmentName;
  const reread = await tryRead(ctx, path);
  const name = reread && isObject(reread['name']) ? reread['name'] : undefined;
  if (name && name['familyName'] !== want.familyName) {
    ctx.expect(
      `after the profile push the user reads back with name.familyName=${JSON.stringify(name['familyName'])}, expected "${want.familyName}"`,
    );
  }
  const enterprise = reread?.[URN.enterpriseUser];
  if (ctx.speaker.profile === 'entra' && isObject(enterprise) && enterprise['department'] === undefined) {
    ctx.expect('the enterprise department set by a dotted-key PATCH did not read back');
  }
}
