// A directory's schema (RFC 4512 object class and attribute type descriptions) from a .schema file, LDIF or the subschema.

/** One object class: its superiors and the attributes it requires and allows (primary names). */
export interface ObjectClassInfo {
  name: string;
  sup: string[];
  must: string[];
  may: string[];
}

/** What the checks need: object classes by lower-case name, attribute names and aliases → primary name. */
export interface DirectorySchema {
  objectClasses: Map<string, ObjectClassInfo>;
  attributes: Map<string, string>;
}

/** The list after a keyword: `KEY x` or `KEY ( x $ y )`, quotes removed. */
function keywordList(description: string, keyword: string): string[] {
  const match = new RegExp(`\\s${keyword}\\s+(\\([^)]*\\)|'[^']*'|\\S+)`).exec(description);
  if (match === null) return [];
  return (match[1] ?? '')
    .replace(/[()]/g, ' ')
    .split(/[\s$]+/)
    .map((item) => item.replace(/'/g, ''))
    .filter((item) => item !== '');
}

/** Unfolds continuation lines: LDIF folds anywhere (the leading space is dropped), .schema files at spaces. */
function unfold(text: string): string {
  const ldif =
    /^dn:/m.test(text) || /^(objectClasses|attributeTypes|olcObjectClasses|olcAttributeTypes):/im.test(text);
  return ldif ? text.replace(/\r?\n /g, '') : text.replace(/\r?\n[ \t]+/g, ' ');
}

/** The descriptions in parentheses after each `objectclass`/`attributetype` keyword or LDIF attribute. */
function descriptions(text: string, kind: 'objectclass' | 'attributetype'): string[] {
  const keys =
    kind === 'objectclass'
      ? 'objectclass|olcObjectClasses:|objectClasses:'
      : 'attributetype|olcAttributeTypes:|attributeTypes:';
  const found: string[] = [];
  const start = new RegExp(`^\\s*(?:${keys})\\s*(?:\\{\\d+\\})?\\s*\\(`, 'gim');
  for (let match = start.exec(text); match !== null; match = start.exec(text)) {
    let depth = 1;
    let index = match.index + match[0].length;
    let quoted = false;
    for (; index < text.length && depth > 0; index += 1) {
      const char = text[index];
      if (char === "'") quoted = !quoted;
      else if (!quoted && char === '(') depth += 1;
      else if (!quoted && char === ')') depth -= 1;
    }
    found.push(` ${text.slice(match.index + match[0].length, index - 1)} `);
  }
  return found;
}

/** Parses every description the text holds; text with none gives an empty schema. */
export function parseDirectorySchema(text: string): DirectorySchema {
  const unfolded = unfold(text);
  const attributes = new Map<string, string>();
  for (const description of descriptions(unfolded, 'attributetype')) {
    const names = keywordList(description, 'NAME');
    const primary = names[0];
    if (primary === undefined) continue;
    for (const name of names) attributes.set(name.toLowerCase(), primary);
  }
  const primary = (name: string): string => attributes.get(name.toLowerCase()) ?? name;
  // slapd builds `top` in (RFC 4512 §2.4.1): no schema file defines it.
  const objectClasses = new Map<string, ObjectClassInfo>([
    ['top', { name: 'top', sup: [], must: ['objectClass'], may: [] }],
  ]);
  for (const description of descriptions(unfolded, 'objectclass')) {
    const names = keywordList(description, 'NAME');
    const info: ObjectClassInfo = {
      name: names[0] ?? '',
      sup: keywordList(description, 'SUP'),
      must: keywordList(description, 'MUST').map(primary),
      may: keywordList(description, 'MAY').map(primary),
    };
    for (const name of names) objectClasses.set(name.toLowerCase(), info);
  }
  return { objectClasses, attributes };
}

/** The attributes (primary names, lower case) entries of these classes may hold, superiors included. */
export function allowedAttributes(schema: DirectorySchema, classes: readonly string[]): Set<string> {
  const allowed = new Set<string>(['objectclass']);
  const seen = new Set<string>();
  const visit = (name: string): void => {
    const key = name.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    const info = schema.objectClasses.get(key);
    if (info === undefined) return;
    for (const attribute of [...info.must, ...info.may]) allowed.add(attribute.toLowerCase());
    info.sup.forEach(visit);
  };
  classes.forEach(visit);
  return allowed;
}

/** Whether entries of these classes may hold the attribute (by any of its names). */
export function allows(schema: DirectorySchema, classes: readonly string[], attribute: string): boolean {
  const primary = schema.attributes.get(attribute.toLowerCase()) ?? attribute;
  return allowedAttributes(schema, classes).has(primary.toLowerCase());
}
