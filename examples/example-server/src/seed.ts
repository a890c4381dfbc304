// The original Okta example server's seed data (users 101 and 102, groups 1001 and 1002), read from SCIM 1.1 form.
import { readFile } from 'node:fs/promises';
import type { ScimGroup, ScimUser } from 'scim-connector-sdk';
import { aliases } from './schemas.js';

const DATA = new URL('../data/', import.meta.url);

async function readList(file: string): Promise<Record<string, unknown>[]> {
  const list = JSON.parse(await readFile(new URL(file, DATA), 'utf8')) as {
    Resources: Record<string, unknown>[];
  };
  return list.Resources;
}

/** The seed in canonical SCIM 2.0 form; users' `groups` is left to the store, which derives it from members. */
export async function readSeed(): Promise<{ users: ScimUser[]; groups: ScimGroup[] }> {
  const users = (await readList('example-users.json')).map((user) => {
    const { groups: _derived, ...rest } = aliases.resourceTo20(user, 'User');
    return rest;
  });
  const groups = (await readList('example-groups.json')).map((group) => aliases.resourceTo20(group, 'Group'));
  return { users, groups };
}
