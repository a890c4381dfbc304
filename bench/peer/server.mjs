// Child process of the HTTP suite: the peer, scimmy + scimmy-routers on express, over in-memory users scimmy filters itself.
import express from 'express';
import SCIMMY from 'scimmy';
import SCIMMYRouters from 'scimmy-routers';
import { seedUsers } from '../seed.mjs';

const users = seedUsers(Number(process.argv[2]));
const byId = new Map(users.map((user) => [user.id, user]));

SCIMMY.Resources.declare(SCIMMY.Resources.User).egress((resource) => {
  if (resource.id !== undefined) {
    const user = byId.get(resource.id);
    if (user === undefined) throw new SCIMMY.Types.Error(404, null, `Resource ${resource.id} not found`);
    return user;
  }
  // The filter is scimmy's: its own parser and matcher over every user.
  return resource.filter === undefined ? users : resource.filter.match(users);
});

const app = express();
app.use(
  '/scim/v2',
  new SCIMMYRouters({
    type: 'bearer',
    handler: (request) => {
      if (request.header('Authorization') !== 'Bearer bench-token') throw new Error('Not authorised');
      return 'bench';
    },
  }),
);
const server = app.listen(0, '127.0.0.1', () => {
  process.send({ url: `http://127.0.0.1:${server.address().port}` });
});
