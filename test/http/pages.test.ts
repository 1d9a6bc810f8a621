import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { defaultWebDir, mountPages, PAGES_CSP } from '../../src/server/mountPages';
import { startTestServer, type TestServer } from '../support/server';

const PAGE = (title: string) =>
  `<!doctype html><html><head><meta name="graphql-endpoint" content="/graphql" /><meta name="ide-path" content="/explore" /><title>${title}</title></head><body></body></html>`;

/** A tiny app: the pages over a fixture build, then a stand-in for Apollo that names itself. */
async function pagesApp(options: { ideEnabled: boolean; graphqlPath?: string; webDir: string }) {
  const app = express();
  mountPages(app, { ideEnabled: options.ideEnabled, graphqlPath: options.graphqlPath ?? '/graphql', webDir: options.webDir });
  app.use((req, res) => res.status(299).json({ fellThrough: `${req.method} ${req.path}` }));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('mountPages over a fixture build', () => {
  let webDir: string;
  beforeAll(() => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-pages-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'ide.html'), PAGE('IDE'));
    fs.writeFileSync(path.join(webDir, 'dashboard.html'), PAGE('Dashboard'));
    fs.writeFileSync(path.join(webDir, 'graph.html'), PAGE('Graph explorer'));
    fs.writeFileSync(path.join(webDir, 'assets', 'app-abc123.js'), 'console.log(1)');
  });
  afterAll(() => fs.rmSync(webDir, { recursive: true, force: true }));

  it('serves the IDE at /explore and to a browser on GET /graphql, with a same-origin CSP', async () => {
    const app = await pagesApp({ ideEnabled: true, webDir });
    try {
      for (const pathname of ['/explore', '/graphql']) {
        const response = await fetch(`${app.url}${pathname}`, { headers: HTML });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/html/);
        expect(response.headers.get('content-security-policy')).toBe(PAGES_CSP);
        expect(response.headers.get('cache-control')).toBe('no-cache');
        expect(await response.text()).toContain('<title>IDE</title>');
      }
      expect(PAGES_CSP).toMatch(/connect-src 'self'/);
      expect(PAGES_CSP).toMatch(/script-src 'self'(;|$)/);
    } finally {
      await app.close();
    }
  });

  it('lets GraphQL requests through to Apollo: a query parameter, a non-HTML Accept, a POST', async () => {
    const app = await pagesApp({ ideEnabled: true, webDir });
    try {
      const withQuery = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: HTML });
      expect(withQuery.status).toBe(299);
      const json = await fetch(`${app.url}/graphql`, { headers: { accept: 'application/json' } });
      expect(json.status).toBe(299);
      const post = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { ...HTML, 'content-type': 'application/json' }, body: '{}' });
      expect(await post.json()).toEqual({ fellThrough: 'POST /graphql' });
    } finally {
      await app.close();
    }
  });

  it('writes the GraphQL path and the IDE path into the page', async () => {
    const app = await pagesApp({ ideEnabled: true, graphqlPath: '/api/"graphql"', webDir });
    try {
      const html = await (await fetch(`${app.url}/dashboard`)).text();
      expect(html).toContain('<meta name="graphql-endpoint" content="/api/&quot;graphql&quot;" />');
      expect(html).toContain('<meta name="ide-path" content="/explore" />');
    } finally {
      await app.close();
    }
  });

  it('serves the graph explorer at /explore/graph with the same headers', async () => {
    const app = await pagesApp({ ideEnabled: true, webDir });
    try {
      const response = await fetch(`${app.url}/explore/graph`, { headers: HTML });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(PAGES_CSP);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<title>Graph explorer</title>');
    } finally {
      await app.close();
    }
  });

  it('with the IDE off: no /explore, GET /graphql goes to Apollo, the dashboard and the graph explorer stay and link to no IDE', async () => {
    const app = await pagesApp({ ideEnabled: false, webDir });
    try {
      expect((await fetch(`${app.url}/explore`, { headers: HTML })).status).toBe(299);
      const explorer = await fetch(`${app.url}/explore/graph`, { headers: HTML });
      expect(explorer.status).toBe(200);
      expect(await explorer.text()).toContain('<meta name="ide-path" content="" />');
      expect((await fetch(`${app.url}/graphql`, { headers: HTML })).status).toBe(299);
      const dashboard = await fetch(`${app.url}/dashboard`, { headers: HTML });
      expect(dashboard.status).toBe(200);
      expect(await dashboard.text()).toContain('<meta name="ide-path" content="" />');
    } finally {
      await app.close();
    }
  });

  it('serves hashed assets for a year, and passes unknown assets on', async () => {
    const app = await pagesApp({ ideEnabled: true, webDir });
    try {
      const asset = await fetch(`${app.url}/assets/app-abc123.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      expect((await fetch(`${app.url}/assets/missing.js`)).status).toBe(299);
    } finally {
      await app.close();
    }
  });

  it('answers 503 with the build command when the pages were not built', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-pages-empty-'));
    const app = await pagesApp({ ideEnabled: true, webDir: empty });
    try {
      for (const pathname of ['/dashboard', '/explore/graph']) {
        const response = await fetch(`${app.url}${pathname}`);
        expect(response.status).toBe(503);
        expect(await response.text()).toMatch(/npm run build:web/);
      }
    } finally {
      await app.close();
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});

const built = fs.existsSync(path.join(defaultWebDir(), 'graph.html'));
(built ? describe : describe.skip)('the built pages in the real server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves the IDE, the dashboard and the graph explorer with their bundles from /assets, and no other origin', async () => {
    for (const pathname of ['/explore', '/graphql', '/dashboard', '/explore/graph']) {
      const response = await fetch(`${server.url}${pathname}`, { headers: HTML });
      expect(response.status).toBe(200);
      const html = await response.text();
      const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] as string);
      expect(scripts.length).toBeGreaterThan(0);
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
      for (const src of scripts) {
        expect(src).toMatch(/^\/assets\//);
        expect((await fetch(`${server.url}${src}`)).status).toBe(200);
      }
    }
  });

  it('still answers GraphQL on the same path', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ node(id: "Agency:dn-skhcn") { id } }' }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { node: { id: string } } }).data.node.id).toBe('Agency:dn-skhcn');
  });
});
