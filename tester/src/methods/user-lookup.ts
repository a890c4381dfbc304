// The lookup tester methods: checkUserExists (filter by userName, and the agent's email OR) and importUserProfile.
import { emailOrFilter, listPath, resourcePath, userNameFilter } from '../dialect.js';
import type { RunContext } from '../context.js';
import { readListPage } from '../checks/response-checks.js';
import { ensureUser, seedFor } from './user-operations.js';

async function lookup(
  ctx: RunContext,
  filter: string,
  expected: boolean | undefined,
  userName?: string,
): Promise<void> {
  const path = listPath('Users', { filter, startIndex: 1, count: 100 }, ctx.dialect);
  const response = await ctx.request({ method: 'GET', path });
  ctx.expect(
    response.status === 200
      ? undefined
      : `GET /Users with filter ${filter} answered ${response.status}, expected 200`,
  );
  const page = readListPage(response.body, `GET /Users with filter ${filter}`);
  if (typeof page === 'string') return ctx.expect(page);
  if (expected === true && page.totalResults === 0)
    ctx.expect(`filter ${filter} found nothing, expected a match`);
  if (expected === false && page.totalResults > 0)
    ctx.expect(`filter ${filter} found ${page.totalResults} user(s), expected none`);
  if (
    userName !== undefined &&
    page.resources.some((r) => String(r['userName']).toLowerCase() !== userName.toLowerCase())
  ) {
    ctx.expect(`filter ${filter} returned a user whose userName is not ${JSON.stringify(userName)}`);
  }
}

/**
 * Looks a user up the way the client does before creating it. Without --arg userName it looks for the
 * user createNewUser is about to create (expected absent), or for one this run made (expected present).
 */
export async function checkUserExists(ctx: RunContext): Promise<void> {
  const known = ctx.users.find((u) => u.createdByRun);
  const seed = seedFor(ctx, 'createNewUser');
  const userName = ctx.args['userName'] ?? known?.userName ?? seed.userName;
  const expected =
    ctx.expectResults ?? (ctx.args['userName'] === undefined ? known !== undefined : undefined);
  await lookup(ctx, userNameFilter(userName), expected, userName);
  if (ctx.dialect !== '1.1') return;
  // The agent also matches by email: the given one, or the emails of the user looked up above when they are known.
  const email = ctx.args['email'];
  if (email !== undefined) await lookup(ctx, emailOrFilter([email]), ctx.expectResults);
  else if (ctx.args['userName'] === undefined) {
    await lookup(ctx, emailOrFilter(known ? [known.email] : [seed.email, seed.secondaryEmail]), expected);
  }
}

export async function importUserProfile(ctx: RunContext): Promise<void> {
  const user = await ensureUser(ctx, 'read');
  const path = resourcePath('Users', user.id);
  const response = await ctx.request({ method: 'GET', path });
  ctx.expect(response.status === 200 ? undefined : `GET ${path} answered ${response.status}, expected 200`);
  const body = response.body as Record<string, unknown>;
  ctx.expect(
    body?.['id'] === user.id ? undefined : `GET ${path} returned id ${JSON.stringify(body?.['id'])}`,
  );
  const userName = body['userName'];
  if (
    user.createdByRun &&
    (typeof userName !== 'string' || userName.toLowerCase() !== user.userName.toLowerCase())
  ) {
    ctx.expect(
      `GET ${path} returned userName ${JSON.stringify(userName)}, expected ${JSON.stringify(user.userName)}`,
    );
  }
}
