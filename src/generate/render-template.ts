// Renders the root templates/ folder's Handlebars templates: no HTML escaping, and a missing variable is an error.
import { readFile } from 'node:fs/promises';
import Handlebars from 'handlebars';

const TEMPLATES = new URL('../../templates/', import.meta.url);

const handlebars = Handlebars.create();
handlebars.registerHelper('json', (value: unknown) => JSON.stringify(value));
handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);

const compiled = new Map<string, Handlebars.TemplateDelegate>();

/** The template at `name` (relative to templates/, e.g. `src/connector.ts.hbs`) applied to `data`. */
export async function renderTemplate(name: string, data: object): Promise<string> {
  let template = compiled.get(name);
  if (template === undefined) {
    const text = await readFile(new URL(name, TEMPLATES), 'utf8');
    template = handlebars.compile(text, { noEscape: true, strict: true });
    compiled.set(name, template);
  }
  return template(data);
}
