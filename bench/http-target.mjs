// Child process for bench/http.mjs: serves either the SCIM server over a MemoryStore or a bare fastify route with the same JSON.
import Fastify from 'fastify';
import { CAPABILITIES, createScimServer, MemoryStore } from 'scim-connector-sdk';

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1000);

function seedUsers(count) {
  const users = [];
  for (let i = 0; i < count; i++) {
    users.push({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      id: `u${i}`,
      userName: `user${i}@example.com`,
      name: { givenName: `Given${i}`, familyName: `Family${i}` },
      emails: [{ value: `user${i}@example.com`, type: 'work', primary: true }],
      active: true,
    });
  }
  return users;
}

function seedGroup() {
  const members = [];
  for (let i = 0; i < MEMBERS; i++) members.push({ value: `u${i}` });
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
    id: 'g1',
    displayName: 'Bench group',
    members,
  };
}

async function startScim() {
  const store = new MemoryStore({ seed: { users: seedUsers(USERS), groups: [seedGroup()] } });
  const server = await createScimServer({
    service: store,
    capabilities: [...CAPABILITIES],
    auth: { bearerTokens: ['bench-token'] },
    port: 0,
  });
  return server.listen();
}

/** Bare fastify answering each bench route with the JSON the SCIM server answers, fetched once from it. */
async function startBare(samples) {
  const app = Fastify({ logger: true });
  app.addContentTypeParser(
    'application/scim+json',
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );
  app.get('/scim/v2/Users/:id', async () => samples.user);
  app.get('/scim/v2/Users', async () => samples.list);
  app.post('/scim/v2/Users', async (request, reply) => reply.code(201).send({ ...request.body, id: 'x' }));
  app.patch('/scim/v2/Groups/:id', async () => samples.group);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address();
  return `http://127.0.0.1:${port}`;
}

const kind = process.argv[2];
const url = kind === 'scim' ? await startScim() : await startBare(JSON.parse(process.argv[3]));
process.send({ url });
