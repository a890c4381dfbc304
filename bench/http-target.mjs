// Child process of the HTTP suite: our SCIM server over a MemoryStore (default config, log to a file) or a bare fastify route.
import Fastify from 'fastify';
import { CAPABILITIES, createScimServer, MemoryStore } from 'scim-connector-sdk';
import { seedGroups, seedUsers } from './seed.mjs';

const [kind, users, members, extra] = process.argv.slice(2);

async function startScim() {
  const store = new MemoryStore({
    seed: { users: seedUsers(Number(users)), groups: seedGroups(Number(members)) },
  });
  const server = await createScimServer({
    service: store,
    capabilities: [...CAPABILITIES],
    auth: { bearerTokens: ['bench-token'] },
    // As in production: pino's JSON lines at the default level, to a file.
    logger: { file: extra },
    port: 0,
  });
  return server.listen();
}

/**
 * The limit: fastify without logging, one route per method that parses the body and answers the
 * status and JSON our server answered for the workload the `x-bench` header names.
 */
async function startBare() {
  let samples = {};
  const app = Fastify({ logger: false });
  app.addContentTypeParser(
    'application/scim+json',
    { parseAs: 'string' },
    app.getDefaultJsonParser('error', 'error'),
  );
  const answer = async (request, reply) => {
    const sample = samples[request.headers['x-bench']];
    return reply.code(sample.status).header('content-type', 'application/scim+json').send(sample.body);
  };
  for (const method of ['GET', 'POST', 'PUT', 'PATCH']) app.route({ method, url: '/*', handler: answer });
  process.on('message', (message) => {
    if (message.samples !== undefined) samples = message.samples;
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${app.server.address().port}`;
}

// A message `exit` ends the process normally, so that --cpu-prof writes its profile.
process.on('message', (message) => {
  if (message === 'exit') process.exit(0);
});
const url = kind === 'scim' ? await startScim() : await startBare();
process.send({ url });
