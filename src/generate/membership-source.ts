// The TypeScript of group membership: the members' paged listing, and the add and remove calls on the group or on the user.
import type { ConnectorSpec, ListSpec, OperationSpec } from '../spec/connector-spec.js';
import { call, callName, params } from './call-source.js';
import { appRead, itemsRead, pageQuery } from './mapping-source.js';

const literal = (value: unknown): string => JSON.stringify(value);

/** Where a group's members are listed, added and removed. */
export interface MembershipPlan {
  list: ListSpec;
  /** The listed item's fields holding the member's id and display name. */
  value: string;
  display?: string;
  add: { op: OperationSpec; onUser: boolean };
  remove: { op: OperationSpec; onUser: boolean };
}

/** The membership plan of an openapi backend: a members listing plus add and remove calls, else undefined. */
export function membershipPlan(spec: ConnectorSpec): MembershipPlan | undefined {
  if (spec.backend.kind !== 'openapi') return undefined;
  const onGroup = spec.backend.groups?.members;
  const onUser = spec.backend.users?.groups;
  const side = (role: 'add' | 'remove'): { op: OperationSpec; onUser: boolean } | undefined => {
    const mine = onGroup?.[role];
    if (mine !== undefined) return { op: mine, onUser: false };
    const theirs = onUser?.[role];
    return theirs === undefined ? undefined : { op: theirs, onUser: true };
  };
  const add = side('add');
  const remove = side('remove');
  if (onGroup?.list === undefined || add === undefined || remove === undefined) return undefined;
  const plan: MembershipPlan = { list: onGroup.list, value: onGroup.value, add, remove };
  if (onGroup.display !== undefined) plan.display = onGroup.display;
  return plan;
}

/** The order of a group create's or update's calls, stated in the generated body. */
export function membershipOrder(plan: MembershipPlan, first: string, readsCurrent: boolean): string {
  const add = callName(plan.add.op);
  return readsCurrent
    ? `// The calls, in order: ${first}, ${callName(plan.list)} (the current members), ${add} for each member added, then ${callName(plan.remove.op)} for each member removed.`
    : `// The calls, in order: ${first}, then ${add} for each member.`;
}

/** One add or remove call: the group's id is `id`, the user's `memberId`; on the user, the user's operation. */
function membershipCall(side: { op: OperationSpec; onUser: boolean }, parameters: readonly string[]): string {
  const { op, onUser } = side;
  // A body template's $id is the operation's own resource, $memberId the other one.
  const own = onUser ? 'memberId' : 'id';
  const other = onUser ? 'id' : 'memberId';
  const body = Object.entries(op.body ?? {}).map(
    ([name, value]) =>
      `${literal(name)}: ${value === '$id' ? own : value === '$memberId' ? other : literal(value)}`,
  );
  const request = call(op, [
    params(op, [own, other], parameters),
    ...(body.length === 0 ? [] : [`body: { ${body.join(', ')} }`]),
  ]).replace(/this\.(app|config)\b/g, 'connection.$1');
  return `{
      call: ${literal(callName(op))},
      run: async (memberId) => {
        expectOk(await ${request}, context(connection.settings, 'Group', ${literal(callName(op))}, id));
      },
    }`;
}

/** app-client.ts's membership functions: fetchGroupMembers and groupMembership. */
export function membershipClient(plan: MembershipPlan, parameters: readonly string[]): string {
  const { list } = plan;
  const style = list.paging.style;
  const arg = (name: string, used: boolean): string => (used ? name : `_${name}`);
  const query = pageQuery(list)
    .replace(', ...filters', '')
    .replace('{ ...filters }', '{}')
    .replace(/^\{ \}$/, '{}');
  const request = call(list, [params(list, ['id'], parameters, query === '{}' ? undefined : query)]).replace(
    /this\.(app|config)\b/g,
    'connection.$1',
  );
  const item = (field: string): string => appRead(field, 'item');
  const items = list.items === '.' ? itemsRead(list) : `(${itemsRead(list)})`;
  const used = [
    ['start', style !== 'cursor' && style !== 'none'],
    ['size', style !== 'none' && (style !== 'cursor' || list.paging.size !== undefined)],
    ['cursor', style === 'cursor'],
  ] as const;
  // Parameters after the last used one are left out; those before it keep an underscore.
  const last = used.map(([, u]) => u).lastIndexOf(true);
  const lambdaParams = used
    .slice(0, last + 1)
    .map(([name, u]) => arg(name, u))
    .join(', ');
  const total =
    list.total.kind === 'field'
      ? `, total: data.${list.total.field}`
      : list.total.kind === 'header'
        ? `, total: headerNumber(result.response, ${literal(list.total.header)})`
        : '';
  const next =
    style !== 'cursor'
      ? ''
      : list.paging.next === 'link'
        ? `, next: nextFromLink(result.response, ${literal(list.paging.cursor)})`
        : `, next: data.${list.paging.next} ?? undefined`;
  return `
/** A group's members, page after page from ${callName(list)}. */
export async function fetchGroupMembers(connection: AppConnection, id: string): Promise<ScimMultiValue[]> {
  return fetchAll(
    async (${lambdaParams}) => {
      const result = await ${request};
      const data = expectOk(result, context(connection.settings, 'Group', ${literal(callName(list))}, id));
      return { items: ${items}.map((item) => member(${item(plan.value)}, ${plan.display === undefined ? 'undefined' : item(plan.display)}))${total}${next} };
    },
    ${list.paging.max},
    ${list.maxInMemory},
    {},
  );
}

/** The calls that add a member to group \`id\` and remove one from it. */
export function groupMembership(connection: AppConnection, id: string): { add: MembershipCall; remove: MembershipCall } {
  return {
    add: ${membershipCall(plan.add, parameters)},
    remove: ${membershipCall(plan.remove, parameters)},
  };
}
`;
}
