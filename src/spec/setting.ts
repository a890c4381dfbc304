// The `${NAME}` / `${NAME:-default}` syntax of values read from the environment at run time.
import type { Setting } from './connector-spec.js';

const ENV_FORM = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-(.*))?\}$/s;

/** The Setting a YAML string stands for, or undefined when it uses `${` without the whole-value form. */
export function parseSetting(text: string): Setting | undefined {
  const match = ENV_FORM.exec(text);
  if (match) return match[2] === undefined ? { env: match[1]! } : { env: match[1]!, default: match[2] };
  return text.includes('${') ? undefined : { literal: text };
}

/** The YAML text of a Setting (the inverse of parseSetting), for shells that write connector.yaml. */
export function formatSetting(setting: Setting): string {
  if ('literal' in setting) return setting.literal;
  return setting.default === undefined ? `\${${setting.env}}` : `\${${setting.env}:-${setting.default}}`;
}
