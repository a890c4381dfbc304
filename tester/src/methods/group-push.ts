// The group push tester methods: createGroup, getGroupById, updateGroup (rename and membership), deleteGroup.
import { isObject, resourcePath } from '../dialect.js';
import type { KnownGroup, RunContext } from '../context.js';
import { createdStatusProblem, idProblem, successProblem } from '../checks/response-checks.js';
import { createGroupBody, groupName, wholeGroupBody } from '../requests/group-bodies.js';
import { membershipPatch, renameGroupPatch } from '../requests/patch-bodies.js';
import type { Member } from '../requests/patch-bodies.js';
import { tryRead } from './user-operations.js';

function member(ctx: RunContext, id: string): Member {
  const user = ctx.users.find((u) => u.id === id);
  return { value: id, display: user?.userName ?? id };
}

/** The users this run made, as group members. */
function runUserIds(ctx: RunContext): string[] {
  return ctx.users.filter((u) => u.createdByRun).map((u) => u.id);
}

export async function postGroup(
  ctx: RunContext,
  displayName: string,
  memberIds: string[],
  body?: unknown,
): Promise<KnownGroup> {
  const sent = isObject(body)
    ? body
    : createGroupBody(
        displayName,
        memberIds.map((id) => member(ctx, id)),
        ctx.speaker,
      );
  const response = await ctx.request({ method: 'POST', path: '/Groups', body: sent });
  ctx.expect(idProblem(response.body, 'POST /Groups'));
  const group: KnownGroup = {
    id: (response.body as Record<string, unknown>)['id'] as string,
    displayName: typeof sent['displayName'] === 'string' ? sent['displayName'] : displayName,
    members: memberIds,
    deleted: false,
    createdByRun: true,
  };
  if (response.status >= 200 && response.status < 300) ctx.groups.push(group);
  ctx.expect(createdStatusProblem(response.status, ctx.dialect, 'POST /Groups'));
  return group;
}

export async function createGroup(ctx: RunContext): Promise<void> {
  await postGroup(ctx, groupName(ctx.prefix, 'createGroup'), runUserIds(ctx).slice(0, 1), ctx.body);
}

/** `--arg groupId`, else a live group of this run, else a new one. */
export async function ensureGroup(ctx: RunContext): Promise<KnownGroup> {
  const given = ctx.args['groupId'];
  if (given !== undefined) {
    const known = ctx.groups.find((g) => g.id === given);
    if (known) return known;
    const read = await tryRead(ctx, resourcePath('Groups', given));
    const group: KnownGroup = {
      id: given,
      displayName: typeof read?.['displayName'] === 'string' ? read['displayName'] : given,
      members: Array.isArray(read?.['members'])
        ? read['members'].filter(isObject).map((m) => String(m['value']))
        : [],
      deleted: false,
      createdByRun: false,
    };
    ctx.groups.push(group);
    return group;
  }
  const live = ctx.groups.find((g) => g.createdByRun && !g.deleted);
  if (live) return live;
  if (!ctx.may('GROUP_PUSH')) return ctx.skip('needs an existing group: give one with --arg groupId=<id>');
  return ctx.prerequisite('createGroup (a group to work on)', () =>
    postGroup(ctx, `${ctx.prefix}${ctx.groups.length}-AppGroup`, runUserIds(ctx).slice(0, 1)),
  );
}

export async function getGroupById(ctx: RunContext): Promise<void> {
  const group = await ensureGroup(ctx);
  const path = resourcePath('Groups', group.id);
  const response = await ctx.request({ method: 'GET', path });
  ctx.expect(response.status === 200 ? undefined : `GET ${path} answered ${response.status}, expected 200`);
  const body = isObject(response.body) ? response.body : {};
  ctx.expect(body['id'] === group.id ? undefined : `GET ${path} returned id ${JSON.stringify(body['id'])}`);
  if (group.createdByRun && body['displayName'] !== group.displayName) {
    ctx.expect(
      `GET ${path} returned displayName ${JSON.stringify(body['displayName'])}, expected ${JSON.stringify(group.displayName)}`,
    );
  }
}

/** Renames the group and swaps its members: the first member out, the run's other users in. */
export async function updateGroup(ctx: RunContext): Promise<void> {
  const group = await ensureGroup(ctx);
  const path = resourcePath('Groups', group.id);
  const displayName = groupName(ctx.prefix, 'updateGroup');
  const users = runUserIds(ctx);
  const remove = group.members.slice(0, 1);
  const add = users.filter((id) => !group.members.includes(id)).slice(0, 2);
  const members = [...group.members.filter((id) => !remove.includes(id)), ...add];
  if (ctx.body !== undefined || ctx.dialect === '1.1') {
    const body =
      ctx.body ??
      wholeGroupBody(
        group.id,
        displayName,
        members.map((id) => member(ctx, id)),
      );
    const response = await ctx.request({ method: 'PUT', path, body });
    ctx.expect(successProblem(response.status, `PUT ${path}`));
    if (ctx.body !== undefined) return;
  } else {
    const rename = await ctx.request({
      method: 'PATCH',
      path,
      body: renameGroupPatch(group.id, displayName, ctx.speaker.profile),
    });
    ctx.expect(successProblem(rename.status, `PATCH ${path} (rename)`));
    if (remove.length + add.length > 0) {
      const body = membershipPatch(
        remove.map((id) => member(ctx, id)),
        add.map((id) => member(ctx, id)),
        ctx.speaker.profile,
      );
      const change = await ctx.request({ method: 'PATCH', path, body });
      ctx.expect(successProblem(change.status, `PATCH ${path} (members)`));
    }
  }
  group.displayName = displayName;
  group.members = members;
  const reread = await tryRead(ctx, path);
  if (!reread) return;
  if (reread['displayName'] !== displayName) {
    ctx.expect(
      `after the update the group reads back named ${JSON.stringify(reread['displayName'])}, expected ${JSON.stringify(displayName)}`,
    );
  }
  const actual = (Array.isArray(reread['members']) ? reread['members'] : [])
    .filter(isObject)
    .map((m) => String(m['value']));
  if (actual.length !== members.length || members.some((id) => !actual.includes(id))) {
    ctx.expect(
      `after the update the group reads back with members [${actual.join(', ')}], expected [${members.join(', ')}]`,
    );
  }
}

export async function deleteGroup(ctx: RunContext): Promise<void> {
  const group = await ensureGroup(ctx);
  const path = resourcePath('Groups', group.id);
  const response = await ctx.request({ method: 'DELETE', path });
  ctx.expect(successProblem(response.status, `DELETE ${path}`));
  if (ctx.dialect === '2.0' && response.status !== 204)
    ctx.expect(`DELETE ${path} answered ${response.status}, SCIM 2.0 expects 204`);
  group.deleted = true;
  const after = await ctx
    .prerequisite(`re-read of the deleted group`, () => ctx.request({ method: 'GET', path }))
    .catch(() => undefined);
  if (after && after.status !== 404)
    ctx.expect(`GET ${path} after DELETE answered ${after.status}, expected 404`);
}
