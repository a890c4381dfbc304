// Member operations applied to a draft over a group's member list: only the members they name are read, nothing changes until commit.
import { jsonEqual, sameRecord } from '../protocol/patch/values.js';
import { mergeRecord } from '../protocol/patch/apply.js';
import type { AttributeDefinition } from '../protocol/schema-types.js';
import type { MemberStep } from './group-patch-plan.js';
import { memberKey, memberValue, type Member, type MemberList } from './member-list.js';

interface Entry {
  /** The member's place in the list; undefined for one this draft appends. */
  seq: number | undefined;
  original: Member | undefined;
  record: Member;
  removed: boolean;
}

/**
 * What applyPatch does to `members` (RFC 7644 §3.5.2), record for record: `add` merges a record into
 * the first member sameRecord finds to be it (mergeRecord, immutable sub-attributes checked) or
 * appends it; `remove` drops every member sameRecord or the filter selects. A draft reads only the
 * members sharing a value key with the operations, so its cost is that of the operations. A step
 * that throws leaves the list as it was: the list changes in `commit` alone.
 */
export class MemberDraft {
  private readonly buckets = new Map<string, Entry[]>();
  private readonly appended: Entry[] = [];

  constructor(
    private readonly list: MemberList,
    private readonly attribute: AttributeDefinition,
  ) {}

  apply(step: MemberStep): void {
    if (step.kind === 'removeWhere') {
      for (const entry of this.bucket(step.key))
        if (!entry.removed && step.matches(entry.record)) entry.removed = true;
      return;
    }
    for (const record of step.records) {
      const bucket = this.bucket(memberKey(memberValue(record) as string));
      if (step.kind === 'remove') {
        for (const entry of bucket)
          if (!entry.removed && sameRecord(entry.record, record, this.attribute)) entry.removed = true;
        continue;
      }
      const same = bucket.find((entry) => !entry.removed && sameRecord(entry.record, record, this.attribute));
      if (same !== undefined) {
        same.record = mergeRecord(same.record, record, this.attribute, 'members');
        continue;
      }
      const entry: Entry = { seq: undefined, original: undefined, record, removed: false };
      bucket.push(entry);
      this.appended.push(entry);
    }
  }

  /** How many members the list holds after commit. */
  get size(): number {
    let size = this.list.size;
    for (const entry of this.entries()) {
      if (entry.seq !== undefined && entry.removed) size--;
      if (entry.seq === undefined && !entry.removed) size++;
    }
    return size;
  }

  /** Whether commit changes the members (as jsonEqual compares them): adding then removing one does not. */
  get changed(): boolean {
    for (const entry of this.entries()) {
      if (entry.seq === undefined ? !entry.removed : entry.removed || !this.unchanged(entry)) return true;
    }
    return false;
  }

  /**
   * Writes the draft into the list: `complete` is called on each member written (appended or
   * changed) first. Returns the values of the members removed, written or replaced.
   */
  commit(complete: (member: Member) => void): Set<string> {
    const values = new Set<string>();
    const note = (member: Member | undefined) => {
      const value = memberValue(member);
      if (value !== undefined) values.add(value);
    };
    for (const entries of this.buckets.values()) {
      for (const entry of entries) {
        if (entry.seq === undefined) continue;
        if (entry.removed) this.list.delete(entry.seq);
        else if (this.unchanged(entry)) continue;
        else {
          complete(entry.record);
          this.list.set(entry.seq, entry.record);
          note(entry.record);
        }
        note(entry.original);
      }
    }
    for (const entry of this.appended) {
      if (entry.removed) continue;
      complete(entry.record);
      this.list.append(entry.record);
      note(entry.record);
    }
    return values;
  }

  private unchanged(entry: Entry): boolean {
    return entry.record === entry.original || jsonEqual(entry.record, entry.original);
  }

  private *entries(): Generator<Entry> {
    for (const entries of this.buckets.values()) yield* entries;
  }

  /** The members with value key `key`: those of the list, in order, then those this draft appends. */
  private bucket(key: string): Entry[] {
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = this.list.withKey(key).map((seq) => {
        const record = this.list.get(seq);
        return { seq, original: record, record, removed: false };
      });
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}
