// Paging styles against a loopback app: offset, first/max, cursor by next token or Link header, totals in a field or a header.
import { strict as assert } from 'node:assert';
import type { ServerResponse } from 'node:http';
import { fetchAll, headerNumber, listResources, nextFromLink, type FetchPage } from '../../src/app.js';
import { parseFilter } from '../../src/protocol/filter/parser.js';
import { createSchemaRegistry } from '../../src/protocol/resource-schema.js';
import { ScimError } from '../../src/protocol/errors.js';
import { URN, type ScimUser } from '../../src/protocol/resource.js';
import { json, startAppServer, type AppServer, type Seen } from './app-server.js';

const NAMES = ['ada', 'alan', 'barbara', 'edsger', 'grace', 'john', 'ken'];
const schema = createSchemaRegistry().user;
const query = { startIndex: 1, sortOrder: 'ascending' } as const;

interface Style {
  title: string;
  /** How the app answers a list call: from its query, NAMES paged its way. */
  answer: (seen: Seen, response: ServerResponse, url: string) => void;
  /** The connector's page fetcher for that app (what the generator emits). */
  fetcher: (url: string) => FetchPage<string>;
  /** Whether a SCIM page can be read as one app page. */
  direct: boolean;
}

const page = (start: number, size: number): string[] => NAMES.slice(start, start + size);

const STYLES: Style[] = [
  {
    title: 'offset/limit, total in a field',
    answer: (seen, response) => {
      const start = Number(seen.query.get('offset'));
      json(response, 200, { items: page(start, Number(seen.query.get('limit'))), total: NAMES.length });
    },
    fetcher: (url) => async (start, size) => {
      const data = (await (await fetch(`${url}/users?offset=${start}&limit=${size}`)).json()) as {
        items: string[];
        total: number;
      };
      return { items: data.items, total: data.total };
    },
    direct: true,
  },
  {
    title: 'first/max, total in an X-Total-Count header',
    answer: (seen, response) => {
      const first = Number(seen.query.get('first'));
      json(response, 200, page(first, Number(seen.query.get('max'))), {
        'x-total-count': String(NAMES.length),
      });
    },
    fetcher: (url) => async (start, size) => {
      const response = await fetch(`${url}/users?first=${start}&max=${size}`);
      const total = headerNumber(response, 'X-Total-Count');
      const items = (await response.json()) as string[];
      return total === undefined ? { items } : { items, total };
    },
    direct: true,
  },
  {
    title: 'first/max, no total: counted by paging to a short page',
    answer: (seen, response) => {
      json(response, 200, page(Number(seen.query.get('first')), Number(seen.query.get('max'))));
    },
    fetcher: (url) => async (start, size) => ({
      items: (await (await fetch(`${url}/users?first=${start}&max=${size}`)).json()) as string[],
    }),
    direct: false,
  },
  {
    title: 'cursor, next token in the body',
    answer: (seen, response) => {
      const start = Number(seen.query.get('cursor') ?? 0);
      const size = Number(seen.query.get('size'));
      const next = start + size < NAMES.length ? String(start + size) : null;
      json(response, 200, { data: page(start, size), next });
    },
    fetcher: (url) => async (_start, size, cursor) => {
      const after = cursor === undefined ? '' : `&cursor=${cursor}`;
      const data = (await (await fetch(`${url}/users?size=${size}${after}`)).json()) as {
        data: string[];
        next: string | null;
      };
      return { items: data.data, next: data.next ?? undefined };
    },
    direct: false,
  },
  {
    title: 'cursor, next link in a Link header',
    answer: (seen, response, url) => {
      const start = Number(seen.query.get('after') ?? 0);
      const size = Number(seen.query.get('size'));
      const more = start + size < NAMES.length;
      const link = `<${url}/users?size=${size}&after=${start + size}>; rel="next", <${url}/users>; rel="first"`;
      json(response, 200, page(start, size), more ? { link } : {});
    },
    fetcher: (url) => async (_start, size, cursor) => {
      const after = cursor === undefined ? '' : `&after=${cursor}`;
      const response = await fetch(`${url}/users?size=${size}${after}`);
      return { items: (await response.json()) as string[], next: nextFromLink(response, 'after') };
    },
    direct: false,
  },
];

describe('paging styles of an app list (loopback app)', () => {
  for (const style of STYLES) {
    describe(style.title, () => {
      let app: AppServer;
      before(async () => {
        app = await startAppServer((seen, response) => style.answer(seen, response, app.url));
      });
      after(() => app.close());

      it('fetchAll reads every item, page after page, and stops', async () => {
        const calls = app.seen.length;
        assert.deepEqual(await fetchAll(style.fetcher(app.url), 3, 100, {}), NAMES);
        assert.equal(app.seen.length - calls, 3, 'three pages of 3, 3 and 1');
      });

      it('more items than the in-memory cap is 400 tooMany, never a partial answer', async () => {
        await assert.rejects(fetchAll(style.fetcher(app.url), 3, 5, {}), (error: unknown) => {
          assert.ok(error instanceof ScimError);
          assert.equal(error.status, 400);
          assert.equal(error.scimType, 'tooMany');
          return true;
        });
      });

      it('listResources answers a SCIM page and its total, filtering in memory when asked', async () => {
        const calls = app.seen.length;
        const list = {
          fetchPage: style.fetcher(app.url),
          fromApp: (name: string): ScimUser => ({ schemas: [URN.user], id: name, userName: name }),
          pushDown: [],
          pageSize: 3,
          pagesDirectly: style.direct,
          maxInMemory: 100,
        };
        const second = await listResources({ ...query, startIndex: 3, count: 2 }, schema, list);
        assert.deepEqual(
          second.resources.map((r) => r.id),
          ['barbara', 'edsger'],
        );
        assert.equal(second.totalResults, NAMES.length);
        if (style.direct) assert.equal(app.seen.length - calls, 1, 'one app page for one SCIM page');
        const filtered = await listResources(
          { ...query, filter: parseFilter('userName sw "a"') },
          schema,
          list,
        );
        assert.deepEqual(
          filtered.resources.map((r) => r.id),
          ['ada', 'alan'],
        );
      });
    });
  }
});
