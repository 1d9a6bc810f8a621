import { credentialHeaders, readCredential } from '../shared/credential';
import { el } from '../shared/dom';
import type { Lang } from '../shared/i18n';
import { EXPORTS } from './recordLayout';
import { t } from './strings';


/** Downloads `path` with the stored credential (fetch, then a blob saved under the name the server gives, else the path's). */
async function downloadWithCredential(path: string): Promise<void> {
  const response = await fetch(path, { headers: credentialHeaders(), credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await response.blob());
  const anchor = el('a', { href: url, download: named ?? path.split('/').pop() ?? 'export' });
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Links to every export. Without a stored credential they are plain links
 * (the browser downloads what anyone may read); with one, a click fetches
 * the file with the credential and saves it, and a failure is said next to the links.
 */
export function renderExports(lang: Lang): HTMLElement {
  const message = el('p', { class: 'error', id: 'export-error', role: 'alert', hidden: true });
  return el(
    'div',
    {},
    el('p', { class: 'muted' }, t(lang, 'exportHint')),
    el(
      'ul',
      { class: 'export-links', id: 'export-links' },
      ...EXPORTS.map((item) =>
        el(
          'li',
          {},
          el(
            'a',
            {
              class: 'btn',
              href: item.path,
              download: '',
              'data-export': item.path,
              onclick: (event: Event) => {
                if (!readCredential()) return;
                event.preventDefault();
                message.hidden = true;
                downloadWithCredential(item.path).catch((error: unknown) => {
                  message.textContent = `${t(lang, 'exportFailed')} ${item.path}: ${error instanceof Error ? error.message : String(error)}`;
                  message.hidden = false;
                });
              },
            },
            t(lang, item.label),
          ),
        ),
      ),
    ),
    message,
  );
}
