import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';

/** Options of {@link mountPages}. */
export interface MountPagesOptions {
  /** Serve the GraphQL IDE at `/explore` and on a browser's `GET /graphql` (IDE_ENABLED). */
  readonly ideEnabled: boolean;
  /** Path of the GraphQL endpoint, e.g. `/graphql`; the pages send their requests there. */
  readonly graphqlPath: string;
  /** Folder of the built pages (default: `web/dist` of this checkout, built by `npm run build:web`). */
  readonly webDir?: string;
}

/** URL prefix of the built, content-hashed scripts, styles, fonts and workers. */
export const ASSETS_PATH = '/assets';

/**
 * Everything the pages load comes from this server: no CDN, no external font,
 * no request to any other origin (the machines this runs on may be offline).
 * Monaco injects styles at run time (hence 'unsafe-inline' for styles only)
 * and runs its language services in same-origin workers.
 */
export const PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/** The default location of the built pages: `web/dist` at the root of the checkout. */
export function defaultWebDir(): string {
  // This file runs from src/server (tsx, ts-jest) or from a compiled copy one level deeper (dist/src/server).
  const candidates = [path.resolve(__dirname, '../../web/dist'), path.resolve(__dirname, '../../../web/dist')];
  return candidates.find((dir) => fs.existsSync(dir)) ?? (candidates[0] as string);
}

type PageName = 'ide' | 'dashboard' | 'graph';

/** Where the graph explorer is served (also when the IDE is turned off). */
export const EXPLORER_PATH = '/explore/graph';

const PAGE_TITLES: Record<PageName, string> = { ide: 'GraphQL IDE', dashboard: 'dashboard', graph: 'graph explorer' };

/**
 * Registers the browser pages on `app`, to be called BEFORE the GraphQL
 * middleware:
 * - `GET /explore`: the GraphiQL IDE (bundled, no CDN), unless `ideEnabled` is false;
 * - `GET <graphqlPath>` from a browser (Accept includes text/html, no `query`
 *   parameter): the same IDE; every other request falls through to Apollo;
 * - `GET /dashboard`: the plan dashboard, which reads only the public GraphQL API;
 * - `GET /explore/graph`: the graph explorer (same API), served whether or not the IDE is;
 * - `GET /assets/...`: the built, content-hashed files (cached for a year).
 *
 * The HTML is read from the build output (again after a rebuild); when the
 * pages were not built (`npm run build:web`), they answer 503 with that hint.
 */
export function mountPages(app: Express, options: MountPagesOptions): void {
  const webDir = options.webDir ?? defaultWebDir();
  // Read at the first request and again whenever the build changes (`npm run build:web` while the server runs).
  const cache = new Map<PageName, { mtimeMs: number; html: string }>();

  const loadPage = (name: PageName): string | undefined => {
    const file = path.join(webDir, `${name}.html`);
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(file).mtimeMs;
    } catch {
      return undefined;
    }
    const cached = cache.get(name);
    if (cached && cached.mtimeMs === mtimeMs) return cached.html;
    const html = injectSettings(fs.readFileSync(file, 'utf8'), {
      'graphql-endpoint': options.graphqlPath,
      'ide-path': options.ideEnabled ? '/explore' : '',
    });
    cache.set(name, { mtimeMs, html });
    return html;
  };

  const sendPage = (name: PageName) => (_req: Request, res: Response) => {
    const html = loadPage(name);
    res.set('Cache-Control', 'no-cache');
    res.set('X-Content-Type-Options', 'nosniff');
    res.set('Referrer-Policy', 'same-origin');
    if (html === undefined) {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(`The ${PAGE_TITLES[name]} is not built: run \`npm run build:web\` (it builds ${webDir}).`);
      return;
    }
    res.set('Content-Security-Policy', PAGES_CSP);
    res.type('text/html; charset=utf-8').send(html);
  };

  app.use(
    ASSETS_PATH,
    express.static(path.join(webDir, 'assets'), {
      index: false,
      immutable: true,
      maxAge: '365d',
      fallthrough: true,
      setHeaders: (res) => res.setHeader('X-Content-Type-Options', 'nosniff'),
    }),
  );

  app.get('/dashboard', sendPage('dashboard'));
  app.get(EXPLORER_PATH, sendPage('graph'));

  if (options.ideEnabled) {
    const ide = sendPage('ide');
    app.get('/explore', ide);
    app.get(options.graphqlPath, (req: Request, res: Response, next: NextFunction) => {
      if (wantsIde(req)) {
        ide(req, res);
        return;
      }
      next();
    });
  }
}

/** A browser navigating to the endpoint: it asks for HTML and sends no GraphQL query. */
function wantsIde(req: Request): boolean {
  const accept = req.get('accept') ?? '';
  const query = req.query as Record<string, unknown>;
  return accept.includes('text/html') && query.query === undefined;
}

/** Fills `<meta name="NAME" content="...">` tags of the built HTML with the server's settings. */
function injectSettings(html: string, settings: Record<string, string>): string {
  let out = html;
  for (const [name, value] of Object.entries(settings)) {
    const pattern = new RegExp(`(<meta name="${name}" content=")[^"]*(")`);
    out = out.replace(pattern, (_match, start: string, end: string) => `${start}${escapeAttribute(value)}${end}`);
  }
  return out;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
