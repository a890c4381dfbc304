// The import tester methods: downloadUsers, downloadGroups (pages of 100 until totalResults) and the incremental import.
import { listPath, quote, resourcePath } from '../dialect.js';
import type { KnownGroup, RunContext } from '../context.js';
import { StepSkipped } from '../outcome.js';
import { listingProblems, orderProblem } from '../checks/paging-consistency.js';
import { readListPage } from '../checks/response-checks.js';
import type { ListPage } from '../checks/response-checks.js';
import { createUserBody } from '../requests/user-bodies.js';
import { postGroup } from './group-push.js';
import { postUser, seedFor } from './user-operations.js';

/** Enough pages to list 100 000 resources by 100; a server that never reaches totalResults stops here. */
const MAX_PAGES = 1000;
/** Users (and groups) a run makes sure exist so that paging by a small page size crosses pages. */
const PAGING_USERS = 3;

function joined(problems: readonly string[]): string | undefined {
  return problems.length === 0 ? undefined : problems.join('; ');
}

interface Listing {
  ids: string[];
  totalResults: number;
}

async function page(
  ctx: RunContext,
  resource: 'Users' | 'Groups',
  startIndex: number,
  count: number,
  filter?: string,
): Promise<ListPage> {
  const path = listPath(
    resource,
    { ...(filter === undefined ? {} : { filter }), startIndex, count },
    ctx.dialect,
  );
  const response = await ctx.request({ method: 'GET', path });
  ctx.expect(response.status === 200 ? undefined : `GET ${path} answered ${response.status}, expected 200`);
  const read = readListPage(response.body, `GET ${path}`);
  if (typeof read === 'string') ctx.expect(read);
  const listed = read as ListPage;
  // `count` is a maximum (RFC 7644 §3.4.2.4): a server that ignores it hands the agent its whole directory.
  if (listed.resources.length > count)
    ctx.expect(`GET ${path} returned ${listed.resources.length} resources, more than count=${count}`);
  return listed;
}

/** Pages from startIndex=1 by `count` until totalResults is reached, as the agent does. */
async function listAll(
  ctx: RunContext,
  resource: 'Users' | 'Groups',
  count: number,
  filter?: string,
): Promise<Listing> {
  const ids: string[] = [];
  let total = 0;
  for (let n = 0, startIndex = 1; n < MAX_PAGES; n++) {
    const current = await page(ctx, resource, startIndex, count, filter);
    total = current.totalResults;
    ids.push(...current.resources.map((r) => String(r['id'])));
    if (current.resources.length === 0 || startIndex - 1 + current.resources.length >= total) break;
    startIndex += current.resources.length;
  }
  return { ids, totalResults: total };
}

async function download(ctx: RunContext, resource: 'Users' | 'Groups'): Promise<void> {
  const pageSize = Number(ctx.args['pageSize'] ?? 100);
  if (!Number.isInteger(pageSize) || pageSize < 1)
    ctx.expect(`--arg pageSize must be a positive integer, got ${ctx.args['pageSize']}`);
  const what = `GET /${resource}`;
  const listing = await listAll(ctx, resource, pageSize);
  ctx.expect(joined(listingProblems(listing.ids, listing.totalResults, `${what} by ${pageSize}`)));
  if (ctx.expectResults === true && listing.totalResults === 0)
    ctx.expect(`${what} returned nothing, expected results`);
  if (ctx.expectResults === false && listing.totalResults > 0)
    ctx.expect(`${what} returned ${listing.totalResults}, expected none`);
  if (listing.totalResults < 2) return;
  // Paging the same collection by a third of its size must give the same ids in the same order.
  const small = Math.max(1, Math.ceil(listing.totalResults / 3));
  const again = await listAll(ctx, resource, small);
  ctx.expect(joined(listingProblems(again.ids, again.totalResults, `${what} by ${small}`)));
  ctx.expect(orderProblem(listing.ids, again.ids, pageSize, small, what));
}

export async function downloadUsers(ctx: RunContext): Promise<void> {
  const mine = ctx.users.filter((u) => u.createdByRun).length;
  // Only a full run (capabilities known) creates users just to have pages; a single method never writes to list.
  if (
    ctx.capabilities !== undefined &&
    ctx.may('PUSH_NEW_USERS', 'PUSH_PENDING_USERS') &&
    mine < PAGING_USERS
  ) {
    await ctx.prerequisite('createUser (users to page through)', async () => {
      for (let n = mine; n < PAGING_USERS; n++) {
        const seed = seedFor(ctx, 'createNewUser', `page${n}-`);
        await postUser(ctx, seed, createUserBody(seed, ctx.speaker, ctx.customUrn));
      }
    });
  }
  await download(ctx, 'Users');
}

/**
 * Import comes before group push in the lifecycle, so a fresh server has no groups to page through: a
 * full run that may create groups makes a few, and deletes them once listed so that the group push
 * steps work on a group of their own.
 */
export async function downloadGroups(ctx: RunContext): Promise<void> {
  const paging: KnownGroup[] = [];
  const live = ctx.groups.filter((g) => g.createdByRun && !g.deleted).length;
  if (ctx.capabilities !== undefined && ctx.may('GROUP_PUSH') && live < PAGING_USERS) {
    await ctx.prerequisite('createGroup (groups to page through)', async () => {
      for (let n = live; n < PAGING_USERS; n++)
        paging.push(await postGroup(ctx, `${ctx.prefix}page${n}-AppGroup`, []));
    });
  }
  try {
    await download(ctx, 'Groups');
  } finally {
    // Housekeeping, not the step: recorded, its requests would push a failing listing out of the report.
    const recorded = ctx.exchanges;
    ctx.exchanges = [];
    for (const group of paging) await deleteQuietly(ctx, group);
    ctx.exchanges = recorded;
  }
}

/** Deletes a group the step made for itself; a failure leaves it to the clean-up, which reports it. */
async function deleteQuietly(ctx: RunContext, group: KnownGroup): Promise<void> {
  try {
    await ctx.prerequisite('deleteGroup (groups paged through)', async () => {
      const response = await ctx.request({ method: 'DELETE', path: resourcePath('Groups', group.id) });
      group.deleted = response.status >= 200 && response.status < 300;
    });
  } catch (err) {
    if (!(err instanceof StepSkipped)) throw err;
  }
}

/** `yyyy-MM-ddTHH:mm:ssZ`, the agent's timestamp format. */
export function agentTimestamp(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The agent's incremental import: users modified after a time; users this run wrote since then must be in it. */
export async function downloadIncrementalUsers(ctx: RunContext): Promise<void> {
  const since = ctx.args['since'] ?? agentTimestamp(new Date(ctx.startedAt.getTime() - 1000));
  const filter = `meta.lastModified gt ${quote(since)}`;
  const listing = await listAll(ctx, 'Users', 100, filter);
  ctx.expect(joined(listingProblems(listing.ids, listing.totalResults, `GET /Users with filter ${filter}`)));
  const missing = ctx.users.filter((u) => u.createdByRun && !listing.ids.includes(u.id));
  if (ctx.args['since'] === undefined && missing.length > 0) {
    ctx.expect(
      `filter ${filter} missed ${missing.length} user(s) this run created after that time (e.g. ${missing[0]?.userName})`,
    );
  }
}
