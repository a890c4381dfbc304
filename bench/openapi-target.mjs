// Child process of the openapi rows (run with tsx): the generated acme-hr project's fake app, seeded, or the generated connector in front of it.
import { answerProfileRequests } from './profiler-child.mjs';

const [kind, arg] = process.argv.slice(2);

/** The fake app the generated project tests against, holding `users` employees put straight into its records. */
async function startApp(users) {
  const { startFakeApp } = await import('../test/golden/acme-hr/test/generated/fake-app.ts');
  const app = await startFakeApp();
  for (let i = 0; i < users; i++) {
    const id = `e${i}`;
    app.records.users.set(id, {
      id,
      email: `user${i}@example.com`,
      firstName: `Given${i}`,
      lastName: `Family${i}`,
      employeeNumber: String(i),
      costCenter: `CC${i % 10}`,
      active: true,
    });
  }
  return { url: app.url, env: app.env };
}

/** The generated project's own server (src/server.ts) pointed at the fake, as `npm start` runs it: request logging on, to stdout. */
async function startConnector(appEnv) {
  const { readConfig } = await import('../test/golden/acme-hr/src/generated/config.ts');
  const { createServer } = await import('../test/golden/acme-hr/src/server.ts');
  const env = { ...JSON.parse(appEnv), HOST: '127.0.0.1', PORT: '0', SCIM_BEARER_TOKEN: 'bench-token' };
  const server = await createServer({ ...readConfig(env), tls: undefined });
  return { url: await server.listen() };
}

process.on('message', (message) => {
  if (message === 'exit') process.exit(0);
});
if (kind === 'app') {
  process.send(await startApp(Number(arg)));
} else {
  answerProfileRequests((message) => process.send(message));
  process.send(await startConnector(arg));
}
