// Protocol checks that send their own request: 401, 404, 400 on a bad filter, 409 on duplicates, case-insensitive userName.
import type { RunContext } from '../context.js';
import { errorBodyProblem, isObject, listPath, resourcePath, userNameFilter } from '../dialect.js';
import type { ScimResponse } from '../http-client.js';
import { readListPage } from './response-checks.js';
import { ensureUser } from '../methods/user-operations.js';
import { ensureGroup } from '../methods/group-push.js';
import { createGroupBody } from '../requests/group-bodies.js';

function expectError(ctx: RunContext, response: ScimResponse, status: number, what: string): void {
  if (response.status !== status) {
    ctx.expect(`${what} answered ${response.status}, expected ${status}`);
  }
  const problem = errorBodyProblem(response.body, status, ctx.dialect);
  if (problem) ctx.expect(`${what} answered ${status}, but ${problem}`);
}

/** A wrong bearer token must get 401 with a SCIM error body. */
export async function unauthorizedCheck(ctx: RunContext): Promise<void> {
  if (ctx.authKind === 'none') {
    ctx.skip('no credentials given (--token or --basic), so there is no authentication to probe');
  }
  const path = listPath('Users', { startIndex: 1, count: 1 }, ctx.dialect);
  const response = await ctx.request({
    method: 'GET',
    path,
    headers: { Authorization: 'Bearer scim-connector-tester-wrong-token' },
  });
  expectError(ctx, response, 401, `GET ${path} with a wrong token`);
}

/** An unknown id must get 404 with a SCIM error body; the resource probed decides which method a 501 names. */
export async function notFoundCheck(ctx: RunContext): Promise<void> {
  const resource =
    ctx.may('IMPORT_PROFILE_UPDATES', 'PUSH_PROFILE_UPDATES', 'PUSH_USER_DEACTIVATION') ||
    !ctx.may('GROUP_PUSH')
      ? 'Users'
      : 'Groups';
  ctx.exercises = [resource === 'Users' ? 'getUser' : 'getGroup'];
  const path = resourcePath(resource, `${ctx.prefix}no-such-id`);
  const response = await ctx.request({ method: 'GET', path });
  expectError(ctx, response, 404, `GET ${path}`);
}

/** A filter that does not parse is the client's fault: 400 (invalidFilter), never 500. */
export async function badFilterCheck(ctx: RunContext): Promise<void> {
  if (!ctx.may('PUSH_NEW_USERS', 'PUSH_PENDING_USERS', 'IMPORT_NEW_USERS', 'OPP_SCIM_INCREMENTAL_IMPORTS')) {
    ctx.skip('no capability lists users with a filter (getUsers)');
  }
  const path = listPath('Users', { filter: 'userName', startIndex: 1, count: 1 }, ctx.dialect);
  const response = await ctx.request({ method: 'GET', path });
  expectError(ctx, response, 400, `GET ${path} (a filter with no operator)`);
  if (ctx.dialect === '2.0' && isObject(response.body) && response.body['scimType'] !== 'invalidFilter') {
    ctx.expect(
      `GET ${path} answered 400 with scimType ${JSON.stringify(response.body['scimType'])}, expected "invalidFilter"`,
    );
  }
}

/** The id of the second resource a server made when it accepted a duplicate: the run must clean it up too. */
function duplicateCreated(response: ScimResponse, originalId: string): string | undefined {
  const created = response.body;
  if (response.status >= 300 || !isObject(created) || typeof created['id'] !== 'string') return undefined;
  return created['id'] === originalId ? undefined : created['id'];
}

/** Creating the same userName twice must get 409 with a SCIM error body. */
export async function duplicateUserCheck(ctx: RunContext): Promise<void> {
  const user = await ensureUser(ctx, 'write');
  if (!user.createBody) return ctx.skip('needs a user this run created (to send its create again)');
  const response = await ctx.request({ method: 'POST', path: '/Users', body: user.createBody });
  const id = duplicateCreated(response, user.id);
  if (id !== undefined) {
    // The duplicate is this run's to clean up, but its create must not be sent a third time.
    const { createBody: _sent, ...known } = user;
    ctx.users.push({ ...known, id, createdByRun: true });
  }
  expectError(ctx, response, 409, `POST /Users with the existing userName ${JSON.stringify(user.userName)}`);
}

/** Creating a group with an existing displayName must get 409 with a SCIM error body. */
export async function duplicateGroupCheck(ctx: RunContext): Promise<void> {
  const group = await ensureGroup(ctx);
  const response = await ctx.request({
    method: 'POST',
    path: '/Groups',
    body: createGroupBody(group.displayName, [], ctx.speaker),
  });
  const id = duplicateCreated(response, group.id);
  if (id !== undefined)
    ctx.groups.push({ id, displayName: group.displayName, members: [], deleted: false, createdByRun: true });
  expectError(
    ctx,
    response,
    409,
    `POST /Groups with the existing displayName ${JSON.stringify(group.displayName)}`,
  );
}

/** userName is case-insensitive (RFC 7643 §4.1.1): the upper-cased name must find the user. */
export async function caseInsensitiveUserNameCheck(ctx: RunContext): Promise<void> {
  const user = await ensureUser(ctx, 'read');
  const upper = user.userName.toUpperCase();
  if (upper === user.userName)
    return ctx.skip(`userName ${JSON.stringify(user.userName)} has no letters to change case`);
  const path = listPath('Users', { filter: userNameFilter(upper), startIndex: 1, count: 100 }, ctx.dialect);
  const response = await ctx.request({ method: 'GET', path });
  ctx.expect(response.status === 200 ? undefined : `GET ${path} answered ${response.status}, expected 200`);
  const page = readListPage(response.body, `GET ${path}`);
  if (typeof page === 'string') return ctx.expect(page);
  if (!page.resources.some((r) => r['id'] === user.id)) {
    ctx.expect(
      `userName lookup is case-sensitive: filter ${userNameFilter(upper)} did not find user ${user.id} (${user.userName})`,
    );
  }
}
