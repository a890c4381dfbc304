// A group's members in order, indexed by value: a membership change costs its own size, not the group's.
import { getOwn } from '../protocol/attribute-access.js';
import { userNameKey } from '../protocol/name-key.js';

export type Member = Record<string, unknown>;

/** A member's `value` (the id it names), or undefined when it has no non-empty string one. */
export function memberValue(member: unknown): string | undefined {
  const value = getOwn(member, 'value');
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The key members are indexed by: `value` is not caseExact, so equal values (as PATCH compares them) share it. */
export function memberKey(value: string): string {
  return userNameKey(value);
}

/**
 * The members of one group, each under a sequence number: a Map keeps them in insertion order, so an
 * append, a removal or a replacement in place costs O(1), and `byKey` finds the members with a value
 * without walking the list. `toArray` builds the list a reader sees, once per change.
 * `generation` ties the list to a checkpoint of its store: a list from an older generation is shared
 * with a checkpoint and must be copied before it changes.
 */
export class MemberList {
  private readonly records = new Map<number, Member>();
  private readonly byKey = new Map<string, number[]>();
  private nextSeq = 0;
  private array: Member[] | undefined;

  constructor(
    readonly generation: number,
    members: Iterable<Member>,
  ) {
    for (const member of members) this.append(member);
  }

  get size(): number {
    return this.records.size;
  }

  /** Sequence numbers of the members whose value has `key`, in list order. */
  withKey(key: string): readonly number[] {
    return this.byKey.get(key) ?? [];
  }

  get(seq: number): Member {
    return this.records.get(seq) as Member;
  }

  /** Replaces a member in place; its value must keep its key (it may change case). */
  set(seq: number, member: Member): void {
    this.records.set(seq, member);
    this.array = undefined;
  }

  append(member: Member): number {
    const seq = this.nextSeq++;
    this.records.set(seq, member);
    const value = memberValue(member);
    if (value !== undefined) {
      const key = memberKey(value);
      const seqs = this.byKey.get(key);
      if (seqs === undefined) this.byKey.set(key, [seq]);
      else seqs.push(seq);
    }
    this.array = undefined;
    return seq;
  }

  delete(seq: number): void {
    const value = memberValue(this.records.get(seq));
    this.records.delete(seq);
    if (value !== undefined) {
      const key = memberKey(value);
      const seqs = (this.byKey.get(key) ?? []).filter((other) => other !== seq);
      if (seqs.length === 0) this.byKey.delete(key);
      else this.byKey.set(key, seqs);
    }
    this.array = undefined;
  }

  /** The members in order, as readers see them; the same array until the next change. */
  toArray(): Member[] {
    this.array ??= [...this.records.values()];
    return this.array;
  }

  /** A copy for a newer generation (the members themselves are never changed in place, only replaced). */
  copy(generation: number): MemberList {
    return new MemberList(generation, this.records.values());
  }
}
