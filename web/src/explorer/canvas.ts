import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { label, type Lang } from '../shared/i18n';
import { kindColour } from '../shared/kinds';
import { relationshipLabel } from '../shared/strings';
import { cullLabels } from './labelCulling';
import { hideLabel, labelEdges, showLabel } from './labelSizing';
import { layoutAll, layoutIncrementally, placeAround } from './layout';
import { shortLabel } from './labels';
import type { GraphNode, Subgraph } from './queries';
import { explorerStyle } from './style';

cytoscape.use(fcose);

/** What the canvas tells the page. */
export interface CanvasEvents {
  /** A node was tapped (with Shift or Ctrl: `additive`). */
  onTap(id: string, additive: boolean): void;
  /** The pointer is over a node (null: over nothing). */
  onHover(node: GraphNode | null, at: { x: number; y: number }): void;
}

/** Id of a relationship on the canvas. */
export const edgeId = (from: string, type: string, to: string): string => `${from}|${type}|${to}`;

/**
 * The graph canvas (cytoscape.js with the fcose force layout): adds
 * neighbourhoods in place, collapses them, highlights the selection with its
 * neighbours and a path, hides kinds and relationship types, and keeps labels
 * readable (constant size on screen, no two drawn over each other).
 *
 * Smooth with hundreds of nodes: the stylesheet is set once; when the view
 * settles (120 ms after the last zoom or pan) only the labels that are drawn
 * get their size for the zoom, and only elements whose state changes are
 * restyled. While a person pans or zooms, cytoscape moves a picture of the
 * graph (`textureOnViewport`) instead of drawing every element each frame.
 */
export class ExplorerCanvas {
  readonly cy: Core;
  private lang: Lang;
  private selection: string[] = [];
  private restyleTimer: number | undefined;

  constructor(container: HTMLElement, lang: Lang, events: CanvasEvents) {
    this.lang = lang;
    this.cy = cytoscape({
      container,
      minZoom: 0.1,
      maxZoom: 4,
      wheelSensitivity: 0.4,
      boxSelectionEnabled: false,
      autounselectify: true,
      textureOnViewport: true,
      style: explorerStyle(),
    });
    this.cy.on('tap', 'node', (event) => {
      const original = event.originalEvent as MouseEvent | undefined;
      events.onTap((event.target as NodeSingular).id(), Boolean(original?.shiftKey || original?.ctrlKey || original?.metaKey));
    });
    this.cy.on('mouseover', 'node', (event) => {
      const node = event.target as NodeSingular;
      this.cy.batch(() => {
        node.connectedEdges().addClass('hover');
        labelEdges(this.cy, node.connectedEdges());
      });
      events.onHover(node.data('node') as GraphNode, node.renderedPosition());
    });
    this.cy.on('mouseout', 'node', (event) => {
      const edges = (event.target as NodeSingular).connectedEdges();
      this.cy.batch(() => {
        edges.removeClass('hover');
        labelEdges(this.cy, edges);
      });
      events.onHover(null, { x: 0, y: 0 });
    });
    this.cy.on('viewport', () => this.scheduleRestyle());
    this.cy.on('resize', () => this.scheduleRestyle());
  }

  /** The ids of the selected nodes, most recent last (at most two: the ends of a connection). */
  get selected(): readonly string[] {
    return this.selection;
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  node(id: string): GraphNode | undefined {
    const element = this.cy.getElementById(id);
    return element.nonempty() ? (element.data('node') as GraphNode) : undefined;
  }

  /**
   * Adds what is new in `subgraph`: on an empty canvas a full layout; else the
   * new nodes around `centre` while every other node stays where it is.
   * Returns the ids of the nodes added.
   */
  add(subgraph: Subgraph, centre: string | null): string[] {
    const wasEmpty = this.cy.nodes().empty();
    const fresh = subgraph.nodes.filter((node) => !this.has(node.id));
    const known = new Set([...this.cy.nodes().map((n) => n.id()), ...fresh.map((n) => n.id)]);
    const elements: ElementDefinition[] = fresh.map((node) => ({ group: 'nodes', data: this.nodeData(node) }));
    for (const edge of subgraph.edges) {
      const id = edgeId(edge.from, edge.type, edge.to);
      if (this.has(id) || !known.has(edge.from) || !known.has(edge.to)) continue;
      elements.push({ group: 'edges', data: { id, source: edge.from, target: edge.to, type: edge.type, label: relationshipLabel(this.lang, edge.type) } });
    }
    if (elements.length === 0) return [];
    const added = this.cy.add(elements).nodes();
    if (wasEmpty) {
      layoutAll(this.cy);
    } else if (added.nonempty()) {
      const origin = centre && this.has(centre) ? this.cy.getElementById(centre).position() : { x: this.cy.extent().x1 + this.cy.extent().w / 2, y: this.cy.extent().y1 + this.cy.extent().h / 2 };
      placeAround(this.cy, { ...origin }, added);
      layoutIncrementally(this.cy, added);
    }
    this.refresh();
    return added.map((n) => n.id());
  }

  markExpanded(id: string, expanded: boolean): void {
    this.cy.getElementById(id).data('expanded', expanded);
  }

  isExpanded(id: string): boolean {
    return Boolean(this.cy.getElementById(id).data('expanded'));
  }

  /**
   * Collapses `id`: removes its neighbours that hang on it alone (connected
   * to nothing else on the canvas, not expanded, not selected, not `keep`).
   * Returns the ids removed.
   */
  collapse(id: string, keep: ReadonlySet<string>): string[] {
    const node = this.cy.getElementById(id);
    if (node.empty()) return [];
    const leaves = node.neighborhood().nodes().filter((n) => {
      const others = n.neighborhood().nodes().filter((m) => m.id() !== id);
      return others.empty() && !n.data('expanded') && !keep.has(n.id()) && !this.selection.includes(n.id());
    });
    const ids = leaves.map((n) => n.id());
    leaves.remove();
    node.data('expanded', false);
    this.refresh();
    return ids;
  }

  /** Selects `id` (with `additive`, keeps the previous selection as the other end, at most two). */
  select(id: string | null, additive = false): void {
    if (id === null) this.selection = [];
    else if (additive) this.selection = [...this.selection.filter((s) => s !== id), id].slice(-2);
    else this.selection = [id];
    this.cy.batch(() => {
      this.cy.nodes().removeClass('chosen');
      for (const s of this.selection) this.cy.getElementById(s).addClass('chosen');
    });
    this.highlight();
  }

  /** Marks a path (nodes and relationship ids); an empty list clears it. */
  showPath(nodeIds: readonly string[], edgeIds: readonly string[]): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass('on-path');
      for (const id of [...nodeIds, ...edgeIds]) this.cy.getElementById(id).addClass('on-path');
    });
    this.highlight();
  }

  /** Hides nodes of `kinds` and relationships of `types` (and relationships left without an end). */
  filter(kinds: ReadonlySet<string>, types: ReadonlySet<string>): void {
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        node.toggleClass('filtered', kinds.has(String(node.data('kind'))));
      });
      this.cy.edges().forEach((edge) => {
        edge.toggleClass('filtered', types.has(String(edge.data('type'))));
      });
    });
    this.refresh();
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        const data = node.data('node') as GraphNode;
        node.data({ short: shortLabel(lang, data), full: label(lang, data) });
      });
      this.cy.edges().forEach((edge) => {
        edge.data('label', relationshipLabel(lang, String(edge.data('type'))));
      });
    });
    this.refresh();
  }

  /** Fits the visible graph in the canvas, no closer than 1.5× (a few nodes would otherwise fill it). */
  fit(): void {
    const visible = this.cy.elements().filter((e) => e.visible());
    this.cy.fit(visible, 40);
    if (this.cy.zoom() > 1.5) this.cy.zoom({ level: 1.5, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
    this.cy.center(visible);
  }

  zoomBy(factor: number): void {
    this.cy.zoom({ level: this.cy.zoom() * factor, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
  }

  clear(): void {
    this.cy.elements().remove();
    this.selection = [];
  }

  /** Nodes and relationships on the canvas, and how many of them the filters leave visible. */
  counts(): { nodes: number; edges: number; visibleNodes: number; visibleEdges: number } {
    return {
      nodes: this.cy.nodes().length,
      edges: this.cy.edges().length,
      visibleNodes: this.cy.nodes().filter((n) => n.visible()).length,
      visibleEdges: this.cy.edges().filter((e) => e.visible()).length,
    };
  }

  /** True when no animation runs and the labels are styled for the current zoom (nothing is pending). */
  settled(): boolean {
    return this.restyleTimer === undefined && !this.cy.animated();
  }

  /** Decides which labels show and sizes them for the zoom (after the view settles). */
  refresh(): void {
    if (this.restyleTimer !== undefined) window.clearTimeout(this.restyleTimer);
    this.restyleTimer = undefined;
    this.cullLabels();
  }

  private scheduleRestyle(): void {
    if (this.restyleTimer !== undefined) window.clearTimeout(this.restyleTimer);
    this.restyleTimer = window.setTimeout(() => this.refresh(), 120);
  }

  private cullLabels(): void {
    const { show, hide } = cullLabels(this.cy, (node) => {
      if (node.hasClass('chosen')) return 100;
      if (node.hasClass('kb-focus')) return 95;
      if (node.hasClass('on-path')) return 90;
      if (node.hasClass('neighbour')) return 80;
      return node.data('expanded') ? 60 : 0;
    });
    this.cy.batch(() => {
      for (const node of show) showLabel(node, false);
      for (const node of hide) hideLabel(node);
      labelEdges(this.cy, this.cy.edges());
    });
  }

  /**
   * Marks the selection's neighbours and fades the rest, changing the classes
   * of those elements only whose state changes (restyling every element on
   * each click took seconds with 500 nodes).
   */
  private highlight(): void {
    const selected = this.cy.nodes().filter((node) => this.selection.includes(node.id()));
    const path = this.cy.elements('.on-path');
    const neighbours = selected.empty() ? this.cy.collection() : selected.neighborhood().union(selected.connectedEdges());
    const faded = selected.empty() && path.empty() ? this.cy.collection() : this.cy.elements().difference(selected.union(neighbours).union(path).union(path.connectedNodes()));
    this.cy.batch(() => {
      const wasNeighbour = this.cy.elements('.neighbour');
      wasNeighbour.difference(neighbours).removeClass('neighbour');
      neighbours.difference(wasNeighbour).addClass('neighbour');
      const wasFaded = this.cy.elements('.faded');
      wasFaded.difference(faded).removeClass('faded');
      faded.difference(wasFaded).addClass('faded');
    });
    this.cullLabels();
  }

  private nodeData(node: GraphNode): Record<string, unknown> {
    return { id: node.id, kind: node.__typename, colour: kindColour(node.__typename), short: shortLabel(this.lang, node), full: label(this.lang, node), node };
  }
}
