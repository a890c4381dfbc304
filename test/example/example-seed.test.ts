// The example's generated seed loader reads the original SCIM 1.1 seed and the same data in SCIM 2.0 form alike.
import { strict as assert } from 'node:assert';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAliasTable } from 'scim-connector-sdk/protocol';
import { readSeed } from '../../examples/example-server/src/generated/store.js';
import { OKTA } from '../../examples/example-server/src/generated/schemas.js';
import { EXAMPLE_DIR, ROOT } from './example-process.js';

type Resource = Record<string, unknown>;
type ReadSeed = typeof readSeed;

async function originalList(file: string): Promise<Resource[]> {
  return (JSON.parse(await readFile(join(EXAMPLE_DIR, 'data', file), 'utf8')) as { Resources: Resource[] })
    .Resources;
}

describe("the example's seed loader", function () {
  this.timeout(60_000);
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'example-seed-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('serves users 101 and 102 and groups 1001 and 1002 from the SCIM 1.1 files, in canonical form', async () => {
    const { users, groups } = await readSeed();
    assert.deepEqual(users.map((user) => [user.id, user.userName]).sort(), [
      ['101', 'okta'],
      ['102', 'admin'],
    ]);
    assert.deepEqual(groups.map((group) => group.id).sort(), ['1001', '1002']);
    for (const user of users) {
      assert.ok(user.schemas.includes('urn:ietf:params:scim:schemas:core:2.0:User'));
      assert.ok(!user.schemas.some((urn) => urn.startsWith('urn:scim:schemas:')), 'no 1.1 URN left');
      assert.equal(user['groups'], undefined, 'groups are derived by the store from the members');
    }
  });

  // A copy of the generated sources beside seed files in SCIM 2.0 form: a ListResponse, and a plain array.
  for (const shape of ['ListResponse', 'array'] as const) {
    it(`reads the same data given in SCIM 2.0 form (${shape})`, async () => {
      const project = join(dir, shape);
      await cp(join(EXAMPLE_DIR, 'src', 'generated'), join(project, 'src', 'generated'), { recursive: true });
      // The copy imports scim-connector-sdk as the example does: through the repository's node_modules.
      await symlink(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
      await mkdir(join(project, 'data'));
      const aliases = createAliasTable({
        oktaAppName: OKTA.appName,
        oktaUserSchemaName: OKTA.userSchemaName,
        userExtensionUrn: OKTA.userExtensionUrn,
        groupExtensionUrn: OKTA.groupExtensionUrn,
      });
      for (const [file, type] of [
        ['example-users.json', 'User'],
        ['example-groups.json', 'Group'],
      ] as const) {
        const resources = (await originalList(file)).map((resource) => aliases.resourceTo20(resource, type));
        assert.ok(!JSON.stringify(resources).includes('urn:scim:schemas:core:1.0'), 'written in 2.0 form');
        const body =
          shape === 'array'
            ? resources
            : {
                schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
                totalResults: resources.length,
                Resources: resources,
              };
        await writeFile(join(project, 'data', file), JSON.stringify(body, null, 2));
      }
      const copy = (await import(pathToFileURL(join(project, 'src', 'generated', 'store.ts')).href)) as {
        readSeed: ReadSeed;
      };
      assert.deepEqual(await copy.readSeed(), await readSeed());
    });
  }
});
