import type { Core, NodeSingular } from 'cytoscape';

/** What the keys do; the page decides how. */
export interface KeyActions {
  focus(id: string): void;
  expand(id: string): void;
  select(id: string, additive: boolean): void;
  collapse(id: string): void;
  clear(): void;
  fit(): void;
  zoom(factor: number): void;
}

const DIRECTIONS: Record<string, { x: number; y: number }> = {
  ArrowRight: { x: 1, y: 0 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowDown: { x: 0, y: 1 },
  ArrowUp: { x: 0, y: -1 },
};

/**
 * The visible node nearest to `from` in the direction of an arrow key: within
 * 60° of it, the distance weighted against straying sideways.
 */
export function nearestInDirection(cy: Core, from: NodeSingular, key: string): NodeSingular | null {
  const direction = DIRECTIONS[key];
  if (!direction) return null;
  const origin = from.position();
  let best: NodeSingular | null = null;
  let bestScore = Infinity;
  cy.nodes().forEach((node) => {
    if (node.id() === from.id() || !node.visible()) return;
    const p = node.position();
    const dx = p.x - origin.x;
    const dy = p.y - origin.y;
    const along = dx * direction.x + dy * direction.y;
    const across = Math.abs(dx * direction.y - dy * direction.x);
    if (along <= 0 || across > along * 1.8) return;
    const score = along + across * 2;
    if (score < bestScore) {
      bestScore = score;
      best = node;
    }
  });
  return best;
}

/**
 * Keyboard use of the canvas (it has tabindex=0): arrows move the focus to
 * the nearest node that way, Enter expands the focused node, Space selects it
 * (Shift+Space adds it as the second end of a connection), Delete collapses
 * it, Escape clears the selection, F fits, + and − zoom.
 */
export function bindKeyboard(container: HTMLElement, cy: Core, focused: () => string | null, actions: KeyActions): void {
  container.addEventListener('keydown', (event) => {
    const current = focused();
    const node = current ? cy.getElementById(current) : cy.collection();
    if (event.key in DIRECTIONS) {
      event.preventDefault();
      const start = node.nonempty() ? (node[0] as NodeSingular) : (cy.nodes().filter((n) => n.visible())[0] as NodeSingular | undefined);
      if (!start) return;
      const next = node.nonempty() ? nearestInDirection(cy, start, event.key) : start;
      if (next) actions.focus(next.id());
      return;
    }
    switch (event.key) {
      case 'Enter':
        if (current) actions.expand(current);
        break;
      case ' ':
        if (current) actions.select(current, event.shiftKey);
        break;
      case 'Delete':
      case 'Backspace':
        if (current) actions.collapse(current);
        break;
      case 'Escape':
        actions.clear();
        break;
      case 'f':
      case 'F':
        actions.fit();
        break;
      case '+':
      case '=':
        actions.zoom(1.25);
        break;
      case '-':
      case '_':
        actions.zoom(0.8);
        break;
      default:
        return;
    }
    event.preventDefault();
  });
}
