// The filter AST (RFC 7644 §3.4.2.2) handed to connectors: what a parsed `filter` query parameter means.

/** Comparison operators, lower-case whatever case the client used. */
export type CompareOp = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';

/**
 * A literal compared against. dateTime values arrive as strings; whether a string is compared as a
 * date is decided by the attribute's schema type, not by the literal.
 */
export type FilterValue = string | number | boolean | null;

/**
 * An attribute path as written: `[uri:]name[.subAttr]`. Names keep the client's case
 * (matching is case-insensitive); `uri` is the schema URN without the trailing colon.
 */
export interface AttrPath {
  uri?: string;
  name: string;
  subAttr?: string;
}

/** `path op value`, e.g. `userName eq "bjensen"`. */
export interface CompareFilter {
  kind: 'compare';
  path: AttrPath;
  op: CompareOp;
  value: FilterValue;
}

/** `path pr`: the attribute has a non-empty value. */
export interface PresentFilter {
  kind: 'present';
  path: AttrPath;
}

/** `left and right`, `left or right` (binary; `a and b and c` nests to the left). */
export interface LogicalFilter {
  kind: 'and' | 'or';
  left: Filter;
  right: Filter;
}

/** `not (filter)`. */
export interface NotFilter {
  kind: 'not';
  filter: Filter;
}

/**
 * `path[filter]`, e.g. `emails[type eq "work" and value co "@example.com"]`: some value of the
 * multi-valued attribute `path` matches `filter`, whose paths are relative to that attribute.
 */
export interface ValuePathFilter {
  kind: 'valuePath';
  path: AttrPath;
  filter: Filter;
}

export type Filter = CompareFilter | PresentFilter | LogicalFilter | NotFilter | ValuePathFilter;

/**
 * A PATCH `path` (RFC 7644 §3.5.2): `attrPath`, or `valuePath` optionally followed by `.subAttr`
 * (`emails[type eq "work"].value`, `members[value eq "2819c223"]`).
 */
export interface PatchPath {
  path: AttrPath;
  filter?: Filter;
  /** The sub-attribute after a value filter: `value` in `emails[type eq "work"].value`. */
  valueSubAttr?: string;
}
