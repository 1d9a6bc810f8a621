import { gql } from '../shared/api';
import { clearCredential, readCredential, writeCredential, type Credential } from '../shared/credential';
import { el } from '../shared/dom';
import type { Lang } from '../shared/i18n';
import { VIEWER_QUERY, type ViewerRow } from './recordQueries';
import { roleLabel } from './recordStrings';
import { t } from './strings';

/** The sign-in panel: built once (what the person typed survives a language switch), its texts updated by `update`. */
export interface SignInPanel {
  readonly element: HTMLElement;
  update(lang: Lang): void;
  /** Verifies a credential stored earlier in this tab (shows who it is, or forgets it when the server refuses it). */
  restore(): Promise<void>;
}

/**
 * Sign-in with a pasted bearer token or API key: the credential is stored
 * (sessionStorage, ../shared/credential), then verified by asking the API
 * for `viewer`; the subject and role are shown, and a credential the server
 * refuses or does not take is forgotten again. `onViewer` hears every change
 * (null when signed out).
 */
export function createSignIn(initialLang: Lang, onViewer: (viewer: ViewerRow | null) => void): SignInPanel {
  let lang = initialLang;
  let viewer: ViewerRow | null = null;
  let problem = '';

  const heading = el('h3', { id: 'sign-in-title' });
  const hint = el('p', { class: 'muted', id: 'sign-in-hint' });
  const kindLegend = el('legend', {});
  const bearer = el('input', { type: 'radio', name: 'credential-kind', value: 'bearer', id: 'credential-bearer', checked: true });
  const apiKey = el('input', { type: 'radio', name: 'credential-kind', value: 'apiKey', id: 'credential-api-key' });
  const bearerLabel = el('label', { for: 'credential-bearer' });
  const apiKeyLabel = el('label', { for: 'credential-api-key' });
  const valueLabel = el('label', { for: 'credential-value' });
  const value = el('input', { type: 'password', id: 'credential-value', name: 'credential', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'sign-in-hint' });
  const submit = el('button', { type: 'submit', class: 'btn primary', id: 'sign-in-button' });
  const form = el(
    'form',
    { class: 'sign-in-form', id: 'sign-in-form', 'aria-labelledby': 'sign-in-title' },
    el('fieldset', { class: 'inline' }, kindLegend, el('span', {}, bearer, bearerLabel), el('span', {}, apiKey, apiKeyLabel)),
    el('div', { class: 'field' }, valueLabel, value),
    submit,
  );
  const who = el('p', { id: 'signed-in-as', class: 'signed-in' });
  const signOut = el('button', { type: 'button', class: 'btn small', id: 'sign-out-button' });
  const signedIn = el('div', { class: 'signed-in-box', id: 'signed-in', hidden: true }, who, signOut);
  const message = el('p', { class: 'error', id: 'sign-in-error', role: 'alert' });
  const element = el('div', { class: 'sign-in' }, heading, hint, form, signedIn, message);

  function render(): void {
    heading.textContent = t(lang, 'signIn');
    hint.textContent = t(lang, 'signInHint');
    kindLegend.textContent = t(lang, 'credentialKind');
    bearerLabel.textContent = ` ${t(lang, 'credentialBearer')}`;
    apiKeyLabel.textContent = ` ${t(lang, 'credentialApiKey')}`;
    valueLabel.textContent = t(lang, 'credentialValue');
    submit.textContent = t(lang, 'signInButton');
    signOut.textContent = t(lang, 'signOutButton');
    form.hidden = viewer !== null;
    signedIn.hidden = viewer === null;
    who.replaceChildren(
      viewer ? `${t(lang, 'signedInAs')} ` : '',
      viewer ? el('strong', { id: 'viewer-subject' }, viewer.subject) : '',
      viewer ? ` · ${t(lang, 'role')}: ` : '',
      viewer ? el('span', { id: 'viewer-role', 'data-role': viewer.role }, roleLabel(lang, viewer.role)) : '',
      viewer && viewer.role === 'READER' ? el('span', { class: 'muted reader-note' }, ` — ${t(lang, 'readerNote')}`) : '',
    );
    message.textContent = problem;
    message.hidden = problem === '';
  }

  function setViewer(next: ViewerRow | null): void {
    viewer = next;
    render();
    onViewer(next);
  }

  async function verify(credential: Credential): Promise<void> {
    writeCredential(credential);
    try {
      const answer = await gql<{ viewer: ViewerRow | null }>(VIEWER_QUERY);
      if (!answer.viewer) {
        clearCredential();
        problem = t(lang, 'signInAnonymous');
        setViewer(null);
        return;
      }
      problem = '';
      value.value = '';
      setViewer(answer.viewer);
    } catch (error) {
      clearCredential();
      problem = `${t(lang, 'signInRefused')}: ${error instanceof Error ? error.message : String(error)}`;
      setViewer(null);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = value.value.trim();
    if (!text) {
      problem = t(lang, 'signInEmpty');
      render();
      return;
    }
    void verify({ kind: apiKey.checked ? 'apiKey' : 'bearer', value: text });
  });
  signOut.addEventListener('click', () => {
    clearCredential();
    problem = '';
    setViewer(null);
  });

  render();
  return {
    element,
    update(next) {
      lang = next;
      render();
    },
    async restore() {
      const stored = readCredential();
      if (stored) await verify(stored);
    },
  };
}
