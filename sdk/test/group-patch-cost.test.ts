// A group PATCH in the memory store touches the members it names, never the whole member list.
import { strict as assert } from 'node:assert';
import type { PatchOperation } from '../src/protocol/patch/operation.js';
import { URN, type ScimGroup } from '../src/protocol/resource.js';
import { MemberList } from '../src/stores/member-list.js';
import { MemoryStore } from '../src/stores/memory-store.js';

const SIZE = 2_000;

/** The stored group's members, as the store holds them (not a copy). */
function storedMembers(store: MemoryStore): unknown[] {
  const groups = (store as unknown as { groups: Map<string, ScimGroup> }).groups;
  return groups.get('big')?.members as unknown[];
}

describe('group PATCH cost', () => {
  it('neither lists nor copies the members of a large group, whatever the operations', async () => {
    const members = Array.from({ length: SIZE }, (_, i) => ({ value: `m${i}` }));
    const store = new MemoryStore({
      seed: { groups: [{ schemas: [URN.group], id: 'big', displayName: 'Big', members }] },
    });
    // The first PATCH builds the group's member list: once, O(members).
    await store.patchGroup('big', [{ op: 'add', path: 'members', value: [{ value: 'first' }] }]);
    const before = storedMembers(store);
    const counted = { toArray: 0, copy: 0 };
    const prototype = MemberList.prototype;
    const original = {
      toArray: Object.getOwnPropertyDescriptor(prototype, 'toArray') as PropertyDescriptor,
      copy: Object.getOwnPropertyDescriptor(prototype, 'copy') as PropertyDescriptor,
    };
    prototype.toArray = function (this: MemberList) {
      counted.toArray++;
      return (original.toArray.value as () => unknown[]).call(this);
    } as MemberList['toArray'];
    prototype.copy = function (this: MemberList, generation: number) {
      counted.copy++;
      return (original.copy.value as (generation: number) => MemberList).call(this, generation);
    };
    try {
      for (let i = 0; i < 50; i++) {
        const operations: PatchOperation[] = [
          { op: 'add', path: 'members', value: [{ value: `new${i}` }, { value: `m${i}` }] },
          { op: 'remove', path: `members[value eq "m${SIZE - 1 - i}"]` },
          { op: 'remove', path: 'members', value: [{ value: `new${i - 1}` }] },
          { op: 'replace', path: 'displayName', value: `Big ${i}` },
        ];
        await store.patchGroup('big', operations);
      }
    } finally {
      Object.defineProperty(prototype, 'toArray', original.toArray);
      Object.defineProperty(prototype, 'copy', original.copy);
    }
    assert.deepEqual(counted, { toArray: 0, copy: 0 }, 'no PATCH read or copied the whole list');
    const after = storedMembers(store);
    assert.equal(after.length, SIZE - 50 + 2);
    // The members no operation named are the very objects stored before: nothing copied them.
    for (let i = 0; i < SIZE - 50; i++) assert.equal(after[i], before[i], `member m${i}`);
    const group = await store.getGroup('big');
    assert.equal(group.displayName, 'Big 49');
    assert.deepEqual(
      group.members?.slice(-2).map((member) => member.value),
      ['first', 'new49'],
    );
  });
});
