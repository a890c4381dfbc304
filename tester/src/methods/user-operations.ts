// User requests shared by the tester methods: create, read, set active, and finding the user a step needs.
import { isObject, resourcePath } from '../dialect.js';
import type { RunContext } from '../context.js';
import { StepSkipped } from '../outcome.js';
import {
  createdStatusProblem,
  idProblem,
  passwordProblem,
  successProblem,
} from '../checks/response-checks.js';
import { activePatch } from '../requests/patch-bodies.js';
import { createUserBody, sampleSeed, wholeUserBody } from '../requests/user-bodies.js';
import type { KnownUser, UserSeed } from '../requests/user-bodies.js';

/** POST /Users; checks 201 (2xx over 1.1) and an id; remembers the user for later steps and the clean-up. */
export async function postUser(
  ctx: RunContext,
  seed: UserSeed,
  body: Record<string, unknown>,
): Promise<KnownUser> {
  const response = await ctx.request({ method: 'POST', path: '/Users', body }, { passwordCheck: false });
  ctx.expect(idProblem(response.body, 'POST /Users'));
  const created = response.body as Record<string, unknown>;
  const user: KnownUser = {
    id: created['id'] as string,
    userName: typeof body['userName'] === 'string' ? body['userName'] : seed.userName,
    givenName: seed.givenName,
    familyName: seed.familyName,
    email: seed.email,
    active: typeof body['active'] === 'boolean' ? body['active'] : seed.active,
    createdByRun: true,
    department: seed.department,
    createBody: body,
  };
  // Remembered before the status and password checks, so that a user the server did create is cleaned up.
  if (response.status >= 200 && response.status < 300) ctx.users.push(user);
  ctx.expect(createdStatusProblem(response.status, ctx.dialect, 'POST /Users'));
  ctx.expect(passwordProblem(response.body, 'POST /Users'));
  return user;
}

/** The sample user of a tester method, named with the run's prefix (and a label when a step needs several). */
export function seedFor(ctx: RunContext, kind: 'createNewUser' | 'createPendingUser', label = ''): UserSeed {
  return sampleSeed(kind, `${ctx.prefix}${label}`);
}

/** GET a resource when the server can read it; undefined when it cannot (501, error), without ending the step. */
export async function tryRead(ctx: RunContext, path: string): Promise<Record<string, unknown> | undefined> {
  try {
    return await ctx.prerequisite(`re-read ${path}`, async () => {
      const response = await ctx.request({ method: 'GET', path });
      return response.status === 200 && isObject(response.body) ? response.body : undefined;
    });
  } catch (err) {
    if (err instanceof StepSkipped) return undefined;
    throw err;
  }
}

/** Activate, deactivate or reactivate: the whole user by PUT over 1.1, a PATCH over 2.0. */
export async function setActive(
  ctx: RunContext,
  user: KnownUser,
  active: boolean,
  body?: unknown,
): Promise<unknown> {
  const path = resourcePath('Users', user.id);
  const response =
    ctx.dialect === '1.1'
      ? await ctx.request({
          method: 'PUT',
          path,
          body: body ?? wholeUserBody(user, ctx.speaker, ctx.customUrn, { active }),
        })
      : await ctx.request({ method: 'PATCH', path, body: body ?? activePatch(active, ctx.speaker.profile) });
  ctx.expect(successProblem(response.status, `${response.exchange.request.method} ${path}`));
  user.active = active;
  return response.body;
}

/** The `active` a server reports, read back after a change (or taken from the update's answer when it cannot be read). */
export async function activeAfter(ctx: RunContext, user: KnownUser, answer: unknown): Promise<unknown> {
  const reread = await tryRead(ctx, resourcePath('Users', user.id));
  const source = reread ?? (isObject(answer) ? answer : undefined);
  return source?.['active'];
}

export function activeProblem(actual: unknown, expected: boolean, what: string): string | undefined {
  if (actual === undefined || actual === expected) return undefined;
  return `${what} the user reads back with active=${JSON.stringify(actual)}, expected ${expected}`;
}

/**
 * The user a step works on: `--arg userId`, else one this run created, else a new one when a capability
 * lets the server create users; `read` steps may also take the first user of a listing.
 */
export async function ensureUser(ctx: RunContext, purpose: 'read' | 'write'): Promise<KnownUser> {
  const given = ctx.args['userId'];
  if (given !== undefined) return givenUser(ctx, given);
  const known = ctx.users.find((u) => u.createdByRun);
  if (known) return known;
  if (ctx.may('PUSH_NEW_USERS', 'PUSH_PENDING_USERS')) {
    return ctx.prerequisite('createUser (a user to work on)', () => {
      const seed = seedFor(ctx, 'createNewUser', `subject${ctx.users.length}-`);
      return postUser(ctx, seed, createUserBody(seed, ctx.speaker, ctx.customUrn));
    });
  }
  if (purpose === 'read' && ctx.may('IMPORT_NEW_USERS')) {
    const listed = await ctx.prerequisite('getUsers (a user to read)', async () => {
      const response = await ctx.request({ method: 'GET', path: '/Users?startIndex=1&count=1' });
      const first =
        isObject(response.body) && Array.isArray(response.body['Resources'])
          ? (response.body['Resources'] as unknown[])[0]
          : undefined;
      return isObject(first) && typeof first['id'] === 'string' ? first : undefined;
    });
    if (listed) return fromResource(listed);
  }
  return ctx.skip(
    `needs an existing user, and none of the capabilities [${(ctx.capabilities ?? []).join(', ')}] lets the server create one ` +
      '(PUSH_NEW_USERS or PUSH_PENDING_USERS): give one with --arg userId=<id>',
  );
}

async function givenUser(ctx: RunContext, id: string): Promise<KnownUser> {
  const existing = ctx.users.find((u) => u.id === id);
  if (existing) return existing;
  const read = await tryRead(ctx, resourcePath('Users', id));
  const user = read
    ? fromResource({ ...read, id })
    : fromResource({ id, userName: ctx.args['userName'] ?? id });
  ctx.users.push(user);
  return user;
}

function fromResource(resource: Record<string, unknown>): KnownUser {
  const name = isObject(resource['name']) ? resource['name'] : {};
  const emails = Array.isArray(resource['emails']) ? resource['emails'] : [];
  const email = emails.find(isObject)?.['value'];
  return {
    id: resource['id'] as string,
    userName: typeof resource['userName'] === 'string' ? resource['userName'] : String(resource['id']),
    givenName: typeof name['givenName'] === 'string' ? name['givenName'] : 'John',
    familyName: typeof name['familyName'] === 'string' ? name['familyName'] : 'Smith',
    email: typeof email === 'string' ? email : 'jsmith@example.com',
    active: resource['active'] !== false,
    createdByRun: false,
  };
}
