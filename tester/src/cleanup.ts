// Cleans up what a run created: groups deleted; users deactivated (Okta never deletes) or, as Entra does, deleted.
import type { RunContext } from './context.js';
import { resourcePath } from './dialect.js';
import { activePatch } from './requests/patch-bodies.js';
import { wholeUserBody } from './requests/user-bodies.js';

export interface CleanupEntry {
  resource: 'User' | 'Group';
  id: string;
  name: string;
  /** What became of it: `deleted`, `deactivated`, or why it was left as it is. */
  outcome: string;
}

async function attempt(ctx: RunContext, send: () => Promise<number>): Promise<string | undefined> {
  try {
    const status = await send();
    return status >= 200 && status < 300 ? undefined : `answered ${status}`;
  } catch (err) {
    return ctx.client.maskSecrets(err instanceof Error ? err.message : String(err));
  }
}

export async function cleanUp(ctx: RunContext): Promise<CleanupEntry[]> {
  ctx.exchanges = [];
  ctx.exercises = [];
  const entries: CleanupEntry[] = [];
  // Only whether the clean-up worked matters here: a password echoed back was reported by the step that caused it.
  const send = async (request: Parameters<RunContext['request']>[0]): Promise<number> =>
    (await ctx.request(request, { passwordCheck: false })).status;
  for (const group of ctx.groups.filter((g) => g.createdByRun && !g.deleted)) {
    const problem = await attempt(ctx, () =>
      send({ method: 'DELETE', path: resourcePath('Groups', group.id) }),
    );
    group.deleted = problem === undefined;
    entries.push({
      resource: 'Group',
      id: group.id,
      name: group.displayName,
      outcome: problem ? `left: DELETE ${problem}` : 'deleted',
    });
  }
  for (const user of ctx.users.filter((u) => u.createdByRun)) {
    const path = resourcePath('Users', user.id);
    if (ctx.dialect === '2.0' && ctx.speaker.profile === 'entra') {
      const problem = await attempt(ctx, () => send({ method: 'DELETE', path }));
      if (problem === undefined) {
        entries.push({ resource: 'User', id: user.id, name: user.userName, outcome: 'deleted' });
        continue;
      }
    }
    const body =
      ctx.dialect === '1.1'
        ? wholeUserBody(user, ctx.speaker, ctx.customUrn, { active: false })
        : activePatch(false, ctx.speaker.profile);
    const problem = await attempt(ctx, () =>
      send({ method: ctx.dialect === '1.1' ? 'PUT' : 'PATCH', path, body }),
    );
    entries.push({
      resource: 'User',
      id: user.id,
      name: user.userName,
      outcome: problem ? `left active: deactivation ${problem}` : 'deactivated',
    });
  }
  return entries;
}
