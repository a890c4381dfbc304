// Checks an ldap backend against the directory's schema and the SCIM schemas, each mistake located in the spec.
import { didYouMean } from './did-you-mean.js';
import { allowedAttributes, allows, type DirectorySchema } from './directory-schema.js';
import { customAttributes, resolveScimPath } from './scim-path.js';
import { describePath } from './schema-check.js';
import { problems, type LdapCode } from './spec-codes.js';
import { child, isRecord, stringAt } from './spec-data.js';
import type { SpecProblem } from './spec-problem.js';
import type { DataPath, YamlSource } from './yaml-source.js';

type Resource = 'users' | 'groups';

/** SCIM attributes the backend itself carries (RDN, id, deactivation, passwords, membership). */
const BACKEND_OWNED: Readonly<Record<Resource, Readonly<Record<string, string>>>> = {
  users: {
    id: 'the id is the entry\'s id attribute ("id:")',
    active: 'active is carried by "deactivation:"',
    password: 'passwords go through the Password Modify operation ("passwords: true")',
    groups: "a user's groups are read from the groups' member DNs",
    meta: "meta comes from the entry's operational attributes",
  },
  groups: {
    id: 'the id is the entry\'s id attribute ("id:")',
    displayname: 'displayName is the group\'s RDN ("rdn:")',
    members: 'members are the member DNs ("member:")',
    meta: "meta comes from the entry's operational attributes",
  },
};

const TRANSFORMS = ['lower', 'upper'];
const UNSUPPORTED_KEYS = ['values', 'separator', 'default', 'constant', 'createOnly', 'clear'];

function normalizeDn(dn: string): string {
  return dn.replace(/,\s+/g, ',').toLowerCase();
}

class LdapChecker {
  readonly found: SpecProblem[] = [];

  constructor(
    readonly source: YamlSource,
    readonly data: unknown,
    readonly schema: DirectorySchema,
  ) {}

  report(code: LdapCode, path: DataPath, detail: string, at: 'key' | 'value' = 'value'): void {
    this.found.push(this.source.problem(problems.ldap(code, describePath(path), detail), path, at));
  }

  /** Reports unknown classes; answers the known ones. */
  objectClasses(section: Record<string, unknown>, path: DataPath): string[] {
    const given = section['objectClasses'];
    const list: unknown[] = Array.isArray(given) ? given : [];
    const known: string[] = [];
    list.forEach((name, index) => {
      if (typeof name !== 'string') return;
      if (this.schema.objectClasses.has(name.toLowerCase())) known.push(name);
      else {
        const near = didYouMean(name, [
          ...new Set([...this.schema.objectClasses.values()].map((c) => c.name)),
        ]);
        this.report(
          'SPEC_LDAP_OBJECT_CLASS',
          [...path, 'objectClasses', index],
          `the directory's schema has no object class "${name}"${near === undefined ? '' : `; did you mean "${near}"?`}`,
        );
      }
    });
    return known;
  }

  /** Reports an attribute the classes do not allow; `what` says what it is for. */
  attribute(classes: string[], attribute: string, path: DataPath, what: string): void {
    if (allows(this.schema, classes, attribute)) return;
    const allowed = [...allowedAttributes(this.schema, classes)];
    const names = [...new Set([...this.schema.attributes.values()])].filter((n) =>
      allowed.includes(n.toLowerCase()),
    );
    const near = didYouMean(attribute, names);
    const known = this.schema.attributes.has(attribute.toLowerCase());
    const classList = classes.join(', ');
    const refusal = known
      ? `which ${classList} ${classes.length > 1 ? 'do' : 'does'} not allow`
      : "which the directory's schema does not define";
    const advice =
      near === undefined
        ? ': use an attribute the object classes allow, or add an object class that allows it'
        : `; did you mean "${near}"?`;
    this.report('SPEC_LDAP_ATTRIBUTE', path, `${what} "${attribute}", ${refusal}${advice}`);
  }

  resource(resource: Resource): void {
    const path: DataPath = ['backend', resource];
    const section = child(child(this.data, 'backend'), resource);
    if (!isRecord(child(this.data, 'backend')[resource])) return;
    const classes = this.objectClasses(section, path);
    if (classes.length === 0) return;
    const rdn = stringAt(section, 'rdn');
    if (rdn !== undefined) this.attribute(classes, rdn, [...path, 'rdn'], 'the RDN attribute');
    const custom = customAttributes(this.data, resource === 'users' ? 'user' : 'group');
    const written = new Map<string, string>();
    for (const [scim, mapping] of Object.entries(child(section, 'attributes'))) {
      const at: DataPath = [...path, 'attributes', scim];
      const leaf = resolveScimPath(custom, resource, scim);
      if (!leaf.ok) {
        this.report('SPEC_UNKNOWN_SCIM_PATH', at, leaf.detail, 'key');
        continue;
      }
      const head = (/^(?:urn:.+:)?([A-Za-z][\w-]*)/.exec(scim)?.[1] ?? scim).toLowerCase();
      const owned = BACKEND_OWNED[resource][head];
      if (owned !== undefined) {
        this.report('SPEC_LDAP_MAPPING', at, `do not map ${scim}: ${owned}`, 'key');
        continue;
      }
      if (leaf.multiValued) {
        this.report(
          'SPEC_LDAP_MAPPING',
          at,
          `${scim} holds several values: map one of them, e.g. ${head}[type eq "work"].value`,
          'key',
        );
        continue;
      }
      const long = isRecord(mapping) ? mapping : {};
      const ldap = typeof mapping === 'string' ? mapping : stringAt(long, 'app');
      const ldapPath = typeof mapping === 'string' ? at : [...at, 'app'];
      for (const key of UNSUPPORTED_KEYS) {
        if (long[key] !== undefined) {
          this.report(
            'SPEC_LDAP_MAPPING',
            [...at, key],
            `the ldap backend does not use "${key}": remove it`,
            'key',
          );
        }
      }
      const transform = stringAt(long, 'transform');
      if (transform !== undefined && !TRANSFORMS.includes(transform)) {
        this.report(
          'SPEC_LDAP_MAPPING',
          [...at, 'transform'],
          `the ldap backend applies lower and upper only, not ${transform}`,
        );
      }
      if (ldap === undefined) continue;
      this.attribute(classes, ldap, ldapPath, `${scim} is mapped to`);
      const direction = stringAt(long, 'direction') ?? 'both';
      if (direction === 'fromApp') continue;
      const key = ldap.toLowerCase();
      if (rdn !== undefined && key === rdn.toLowerCase()) {
        const holds = resource === 'users' ? 'userName' : 'displayName';
        this.report(
          'SPEC_LDAP_MAPPING',
          ldapPath,
          `"${ldap}" is the RDN attribute, which holds the ${holds}: map ${scim} to another attribute`,
        );
        continue;
      }
      const other = written.get(key);
      if (other !== undefined) {
        this.report(
          'SPEC_LDAP_MAPPING',
          ldapPath,
          `"${ldap}" is already written from ${other}: map one SCIM attribute to it, or make one direction: fromApp`,
        );
      } else written.set(key, scim);
    }
    if (resource === 'users') this.deactivation(section, classes);
    else this.members(section, classes);
  }

  deactivation(section: Record<string, unknown>, classes: string[]): void {
    const node = section['deactivation'];
    const path: DataPath = ['backend', 'users', 'deactivation'];
    if (!isRecord(node)) return;
    const move = stringAt(node, 'move');
    const base = stringAt(section, 'base');
    if (move !== undefined && base !== undefined) {
      const inside = normalizeDn(move).endsWith(`,${normalizeDn(base)}`);
      if (!inside) {
        this.report(
          'SPEC_LDAP_DN',
          [...path, 'move'],
          `"${move}" is not inside the user base "${base}": deactivated users must stay findable, so use an OU under it`,
        );
      } else if (stringAt(section, 'scope') === 'one') {
        this.report(
          'SPEC_LDAP_DN',
          [...path, 'move'],
          'users moved into an OU below the base are not found with scope: one: use scope: sub',
        );
      }
    }
    const attribute = stringAt(node, 'attribute');
    if (attribute !== undefined) {
      this.attribute(classes, attribute, [...path, 'attribute'], 'the deactivation attribute');
      if (node['inactive'] === undefined) {
        this.report(
          'SPEC_LDAP_MAPPING',
          [...path, 'attribute'],
          'say which value marks a deactivated user: add inactive: <value>',
        );
      }
    }
    if (move === undefined && attribute === undefined) {
      this.report(
        'SPEC_LDAP_MAPPING',
        path,
        'name the way: ppolicy, { move: <OU DN> } or { attribute, active, inactive }',
        'key',
      );
    }
  }

  members(section: Record<string, unknown>, classes: string[]): void {
    const member = stringAt(section, 'member') ?? 'member';
    const path: DataPath = ['backend', 'groups'];
    this.attribute(
      classes,
      member,
      section['member'] === undefined ? [...path, 'objectClasses'] : [...path, 'member'],
      'the member attribute',
    );
    const mustMember = classes.some((name) =>
      this.schema.objectClasses
        .get(name.toLowerCase())
        ?.must.some((m) => m.toLowerCase() === member.toLowerCase()),
    );
    if (mustMember && section['placeholder'] === undefined) {
      this.report(
        'SPEC_LDAP_DN',
        [...path, 'objectClasses'],
        `${classes.join(', ')} needs at least one ${member}: add placeholder: <DN> (kept in every group, hidden from SCIM) so empty groups and removing the last member work`,
      );
    }
  }
}

/** Every mistake of the spec's ldap backend against the directory's schema. */
export function checkLdap(source: YamlSource, data: unknown, schema: DirectorySchema): SpecProblem[] {
  const checker = new LdapChecker(source, data, schema);
  checker.resource('users');
  checker.resource('groups');
  return checker.found;
}
