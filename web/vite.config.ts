import path from 'node:path';
import { defineConfig } from 'vite';

const root = __dirname;

/**
 * Builds the three pages (GraphQL IDE, plan dashboard, graph explorer) into web/dist, which
 * src/server/mountPages.ts serves: web/dist/{ide,dashboard,graph}.html and
 * web/dist/assets/* (content-hashed). Everything, including GraphiQL's Monaco
 * workers and fonts, is bundled: the pages load nothing from another origin.
 */
// eslint-disable-next-line no-restricted-syntax -- Vite reads the config from the default export.
export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
    // Monaco (GraphiQL's editor) is large by nature; it is loaded once and cached.
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      onwarn(warning, warn) {
        // React libraries mark modules "use client" (a server-components hint that means nothing in a bundle).
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      input: {
        ide: path.join(root, 'ide.html'),
        dashboard: path.join(root, 'dashboard.html'),
        graph: path.join(root, 'graph.html'),
      },
      output: {
        // What both pages load (the bundled Roboto font, the page settings) under a telling name.
        manualChunks: (id) => (id.includes('/web/src/shared/') || id.includes('/font/roboto.css') ? 'shared' : undefined),
      },
    },
  },
  worker: { format: 'es' },
});
