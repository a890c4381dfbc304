// A small XML well-formedness check for the JUnit report: balanced tags, quoted attributes, known entities only.
import assert from 'node:assert/strict';

export function assertWellFormedXml(xml: string): void {
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'), 'no XML declaration');
  const body = xml.slice(xml.indexOf('?>') + 2);
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let roots = 0;
  for (const match of body.matchAll(token)) {
    const [, closing, name, , selfClosing, text, stray] = match;
    assert.equal(stray, undefined, `a stray "<" at ${match.index}`);
    if (text !== undefined) {
      for (const entity of text.matchAll(/&([^;\s]*);?/g)) {
        assert.match(entity[0], /^&(lt|gt|amp|quot|apos);$/, `a bad entity ${entity[0]}`);
      }
      continue;
    }
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes nothing open`);
    else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name as string);
    } else if (stack.length === 0) roots++;
    for (const attr of (match[3] ?? '').matchAll(/="([^"]*)"/g)) {
      for (const entity of (attr[1] ?? '').matchAll(/&([^;\s]*);?/g))
        assert.match(entity[0], /^&(lt|gt|amp|quot|apos);$/);
    }
  }
  assert.deepEqual(stack, [], 'unclosed elements');
  assert.equal(roots, 1, 'not exactly one root element');
}
