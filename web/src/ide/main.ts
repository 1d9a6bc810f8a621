// GraphiQL 5 (Monaco editor, schema-aware completion and validation, docs
// explorer, history), bundled by Vite with its Monaco workers: nothing is
// loaded from a CDN.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import '@graphiql/react/font/roboto.css';
import '@graphiql/react/font/fira-code.css';
import './ide.css';

import type { Fetcher, FetcherOpts, FetcherParams } from '@graphiql/toolkit';
import { useGraphiQL, useGraphiQLActions, useMonaco, type GraphiQLPlugin } from '@graphiql/react';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { createElement as h, StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { graphqlEndpoint } from '../shared/settings';
import { EditorWidth } from './editorWidth';
import { EXAMPLES, operationNameOf, WELCOME, type ExampleOperation } from './examples';
import { isSubscription, liveFetch } from './liveFetch';

const endpoint = graphqlEndpoint();

/**
 * POSTs JSON to the endpoint (so Apollo's CSRF prevention lets it through)
 * with the headers typed in the IDE's headers editor; a subscription goes
 * over the live endpoint (WebSocket) instead, its credentials headers sent
 * in connection_init.
 */
const fetcher: Fetcher = async (params: FetcherParams, opts?: FetcherOpts) => {
  if (isSubscription(params)) return liveFetch(params, opts?.headers as Record<string, string> | undefined, endpoint);
  const response = await fetch(endpoint, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      accept: 'application/graphql-response+json, application/json',
      ...(opts?.headers as Record<string, string> | undefined),
      'content-type': 'application/json',
    },
    body: JSON.stringify(params),
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { errors: [{ message: `HTTP ${response.status} ${response.statusText}: ${text.slice(0, 500)}` }] };
  }
};

/**
 * The editors' fonts, both bundled: Fira Code, then Roboto for the letters
 * Fira Code lacks. Fira Code has no precomposed Vietnamese letters with two
 * marks (ổ, ề, ặ); without Roboto next in line Chromium draws them with the
 * system's generic monospace font, which on Debian (DejaVu Sans Mono) puts
 * the marks beside the letter ("Tổ chức" shows as "Tổchức").
 */
const MONO_FONTS = '"Fira Code", Roboto';

function EditorFonts() {
  const query = useGraphiQL((state) => state.queryEditor);
  const variables = useGraphiQL((state) => state.variableEditor);
  const headers = useGraphiQL((state) => state.headerEditor);
  const response = useGraphiQL((state) => state.responseEditor);
  const monaco = useMonaco((state) => state.monaco);
  useEffect(() => {
    for (const editor of [query, variables, headers, response]) editor?.updateOptions({ fontFamily: MONO_FONTS });
    // Monaco measures a font's characters once; measured before the bundled fonts arrived, its widths are the
    // fallback's, and the response (which wraps) runs a few characters past its right edge.
    void document.fonts.ready.then(() => monaco?.editor.remeasureFonts());
  }, [query, variables, headers, response, monaco]);
  return null;
}

function ExamplesIcon() {
  return h(
    'svg',
    { viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, 'aria-hidden': true },
    h('path', {
      strokeLinejoin: 'round',
      d: 'M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z',
    }),
  );
}

/**
 * Opens an example: switches to the tab that already holds its operation
 * (one tab per example, however often it is clicked), else opens it in a new
 * tab (or in the current one while it is empty).
 */
function useOpenExample(): (example: ExampleOperation) => void {
  const { addTab, changeTab } = useGraphiQLActions();
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const tabs = useGraphiQL((state) => state.tabs);
  return (example) => {
    if (!queryEditor) return;
    const name = operationNameOf(example.query);
    const existing = name ? tabs.findIndex((tab) => tab.operationName === name) : -1;
    if (existing >= 0) {
      changeTab(existing);
      queryEditor.focus();
      return;
    }
    const current = queryEditor.getValue().replace(/#[^\n]*/g, '').trim();
    if (current !== '') addTab();
    queryEditor.setValue(example.query);
    variableEditor?.setValue(example.variables);
    queryEditor.setPosition({ lineNumber: 1, column: 1 });
    queryEditor.focus();
    // After the tab switch has settled: show the operation from its start.
    setTimeout(() => queryEditor.setScrollPosition({ scrollLeft: 0, scrollTop: 0 }), 0);
  };
}

function ExamplesContent() {
  const open = useOpenExample();
  return h(
    'section',
    { className: 'kg-examples', 'aria-label': 'Saved example operations' },
    h('div', { className: 'graphiql-doc-explorer-title' }, 'Examples'),
    h('p', { className: 'kg-examples-intro' }, 'Saved operations about the plan. Click one to open it in its tab, then run it (Ctrl-Enter). The star in the left bar shows and hides this panel.'),
    h(
      'ul',
      null,
      EXAMPLES.map((example) =>
        h(
          'li',
          { key: example.id },
          h(
            'button',
            { type: 'button', className: 'kg-example', 'data-example': example.id, onClick: () => open(example) },
            h('span', { className: 'kg-example-title' }, example.title),
            h('span', { className: 'kg-example-description' }, example.description),
          ),
        ),
      ),
    ),
  );
}

const EXAMPLES_PLUGIN: GraphiQLPlugin = { title: 'Examples', icon: ExamplesIcon, content: ExamplesContent };

/** `/explore?example=<id>` opens that example first (links from the dashboard). */
function requestedExample(): ExampleOperation | undefined {
  const id = new URLSearchParams(window.location.search).get('example');
  return EXAMPLES.find((example) => example.id === id);
}

const requested = requestedExample();
const first = requested ?? EXAMPLES[0];
const welcome = first ? { query: WELCOME + first.query, variables: first.variables } : { query: WELCOME, variables: '' };
// GraphiQL keeps the tabs in localStorage. A first visit opens the welcome tab
// (GraphiQL 5 fills the variables editor only from `initialVariables`, not from
// `defaultTabs`); `?example=` opens the example in a tab of its own (or
// switches to the tab already holding it); otherwise the stored tabs are restored.
const firstVisit = localStorage.getItem('graphiql:tabState') === null;
const initialTab = requested ? { query: requested.query, variables: requested.variables } : firstVisit ? welcome : undefined;

const container = document.getElementById('graphiql');
if (!container) throw new Error('#graphiql is missing');
container.replaceChildren();
createRoot(container).render(
  h(
    StrictMode,
    null,
    h(
      GraphiQL,
      {
        fetcher,
        plugins: [EXAMPLES_PLUGIN, HISTORY_PLUGIN],
        defaultTabs: [welcome],
        ...(initialTab ? { initialQuery: initialTab.query, initialVariables: initialTab.variables } : {}),
        defaultEditorToolsVisibility: 'variables',
        shouldPersistHeaders: false,
      },
      h(
        GraphiQL.Logo,
        null,
        h('a', { href: '/dashboard', className: 'kg-logo', title: 'Open the plan dashboard' }, 'Plan KG'),
        h(EditorFonts),
        h(EditorWidth),
      ),
    ),
  ),
);
