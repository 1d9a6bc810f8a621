import { useGraphiQL } from '@graphiql/react';
import type { editor as monaco } from 'monaco-editor';
import { useEffect } from 'react';
import { RESPONSE_MIN_PX } from './sizes';

/** Room on the right of the text, for the cursor and Monaco's vertical scrollbar. */
const SPARE_PX = 24;

/** GraphiQL's storage key of the split between the editors and the response (set when a person drags it). */
const SPLIT_KEY = 'editorFlex';

/**
 * The width the operation's longest line needs on screen: Monaco's own
 * measure of its content, or, for lines it has not drawn (below the fold),
 * their length in characters at the width of the characters it has drawn.
 */
function textWidth(editor: monaco.IStandaloneCodeEditor): number {
  const node = editor.getContainerDomNode();
  let perChar = 0;
  node.querySelectorAll<HTMLElement>('.view-line').forEach((line) => {
    const text = line.textContent ?? '';
    if (text.trim().length > 8) perChar = Math.max(perChar, line.firstElementChild ? line.firstElementChild.getBoundingClientRect().width / text.length : 0);
  });
  const longest = Math.max(0, ...(editor.getModel()?.getLinesContent() ?? []).map((line) => line.length));
  return Math.max(editor.getContentWidth(), Math.ceil(longest * perChar));
}

/**
 * Gives the operation editor the width its longest line needs, so no line is
 * cut (GraphiQL splits editors and response 50/50): wider than half when the
 * operation needs it, the response keeping at least RESPONSE_MIN_PX; never
 * narrower than half. Re-fitted when the operation changes (an example opened,
 * a tab switched) and when the room changes (window, examples panel). Once a
 * person drags the split, GraphiQL stores it and their choice stays.
 */
export function fitEditorWidth(editor: monaco.IStandaloneCodeEditor, personChose: boolean): void {
  if (personChose) return;
  const editors = editor.getContainerDomNode().closest<HTMLElement>('.graphiql-editors');
  const response = editors?.parentElement?.querySelector<HTMLElement>('.graphiql-response');
  if (!editors || !response) return;
  const room = editors.getBoundingClientRect().width + response.getBoundingClientRect().width;
  const layout = editor.getLayoutInfo();
  // Everything around Monaco's text: GraphiQL's padding and toolbar, Monaco's gutter.
  const chrome = editors.getBoundingClientRect().width - layout.width + layout.contentLeft;
  const wanted = chrome + textWidth(editor) + SPARE_PX;
  const width = Math.max(room / 2, Math.min(wanted, room - RESPONSE_MIN_PX));
  const flex = width / Math.max(room - width, 1);
  if (Math.abs(parseFloat(editors.style.flex) - flex) > 0.01) editors.style.flex = String(flex);
}

/** The IDE's operation editor takes the width its operation needs (see fitEditorWidth). */
export function EditorWidth(): null {
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const storage = useGraphiQL((state) => state.storage);
  useEffect(() => {
    if (!queryEditor) return undefined;
    const editors = queryEditor.getContainerDomNode().closest<HTMLElement>('.graphiql-editors');
    // A person who drags the split (or double-clicks it back) has chosen: GraphiQL stores the split then.
    let personChose = storage.get(SPLIT_KEY) !== null;
    const bar = editors?.nextElementSibling?.classList.contains('graphiql-horizontal-drag-bar') ? editors.nextElementSibling : null;
    const chose = () => {
      personChose = true;
    };
    bar?.addEventListener('mousedown', chose);
    const fit = () => fitEditorWidth(queryEditor, personChose);
    const sessions = queryEditor.getContainerDomNode().closest('.graphiql-sessions');
    const resized = new ResizeObserver(() => fit());
    if (sessions) resized.observe(sessions);
    const changed = queryEditor.onDidContentSizeChange(fit);
    // After GraphiQL has set its own split (its effects run after this child's).
    const first = window.setTimeout(fit, 0);
    return () => {
      window.clearTimeout(first);
      changed.dispose();
      resized.disconnect();
      bar?.removeEventListener('mousedown', chose);
    };
  }, [queryEditor, storage]);
  return null;
}
