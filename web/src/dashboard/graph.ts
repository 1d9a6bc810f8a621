import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import { gql, GraphQLRequestError } from './api';
import { label, type Lang } from './i18n';
import { NEIGHBOURHOOD_QUERY, RELATIONSHIPS_QUERY, type GraphEdge, type NamedNode, type Subgraph } from './queries';

/** Colour of each node kind (GraphQL type name). */
export const KIND_COLOURS: Record<string, string> = {
  LegalDocument: '#6d4c9f',
  Plan: '#c0392b',
  Scheme: '#8c564b',
  Agency: '#1f77b4',
  Person: '#7f7f7f',
  Task: '#2ca02c',
  Target: '#ff7f0e',
  Phase: '#bcbd22',
  Objective: '#17becf',
  Sector: '#e377c2',
  Enterprise: '#9c9ede',
  Lab: '#9467bd',
  Category: '#5f9ea0',
  Standard: '#393b79',
  FundingSource: '#d6a000',
};

const MAX_NEW_NODES = 80;

/**
 * The neighbourhood of `id`: `neighbourhood` when the API has it, else the
 * node's own `relationships` (same picture, one hop).
 */
export class NeighbourhoodSource {
  private neighbourhoodWorks: boolean | undefined;

  async around(id: string): Promise<Subgraph> {
    if (this.neighbourhoodWorks !== false) {
      try {
        const data = await gql<{ neighbourhood: { truncated: boolean; nodes: NamedNode[]; relationships: { type: string; from: { id: string }; to: { id: string } }[] } }>(
          NEIGHBOURHOOD_QUERY,
          { ids: [id], limit: MAX_NEW_NODES },
        );
        this.neighbourhoodWorks = true;
        const n = data.neighbourhood;
        return {
          nodes: n.nodes,
          edges: n.relationships.map((r) => ({ type: r.type, from: r.from.id, to: r.to.id })),
          truncated: n.truncated,
        };
      } catch (error) {
        if (this.neighbourhoodWorks === true || !(error instanceof GraphQLRequestError)) throw error;
        this.neighbourhoodWorks = false;
      }
    }
    const data = await gql<{ node: (NamedNode & { relationships: { type: string; from: NamedNode; to: NamedNode }[] }) | null }>(
      RELATIONSHIPS_QUERY,
      { id },
    );
    if (!data.node) return { nodes: [], edges: [], truncated: false };
    const nodes = new Map<string, NamedNode>([[data.node.id, data.node]]);
    const edges: GraphEdge[] = [];
    for (const r of data.node.relationships) {
      nodes.set(r.from.id, r.from);
      nodes.set(r.to.id, r.to);
      edges.push({ type: r.type, from: r.from.id, to: r.to.id });
    }
    const list = [...nodes.values()];
    const truncated = list.length > MAX_NEW_NODES + 1;
    const kept = new Set(list.slice(0, MAX_NEW_NODES + 1).map((node) => node.id));
    return {
      nodes: list.filter((node) => kept.has(node.id)),
      edges: edges.filter((edge) => kept.has(edge.from) && kept.has(edge.to)),
      truncated,
    };
  }
}

export interface GraphViewEvents {
  /** A node was clicked (after its expansion, if any). */
  onSelect(node: NamedNode, expanded: boolean): void;
  /** The number of nodes or relationships changed. */
  onChange(nodes: number, edges: number): void;
  onError(error: unknown): void;
}

/** The interactive graph: starts from one node; a click on a node adds its neighbourhood. */
export class GraphView {
  readonly cy: Core;
  private readonly expanded = new Set<string>();
  private readonly pending = new Set<string>();
  private lang: Lang;

  constructor(
    container: HTMLElement,
    lang: Lang,
    private readonly source: NeighbourhoodSource,
    private readonly events: GraphViewEvents,
  ) {
    this.lang = lang;
    this.cy = cytoscape({
      container,
      minZoom: 0.2,
      maxZoom: 3,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(colour)',
            label: 'data(label)',
            'font-family': 'Roboto, "DejaVu Sans", "Noto Sans", Arial, sans-serif',
            'font-size': 10,
            'min-zoomed-font-size': 7,
            color: '#1d2433',
            'text-wrap': 'ellipsis',
            'text-max-width': '140px',
            'text-valign': 'bottom',
            'text-margin-y': 3,
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.75,
            'text-background-padding': '1px',
            width: 18,
            height: 18,
            'border-width': 0,
          },
        },
        { selector: 'node[?expanded]', style: { 'border-width': 3, 'border-color': '#1d2433', width: 24, height: 24 } },
        { selector: 'node:selected', style: { 'overlay-color': '#ffb000', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
        {
          selector: 'edge',
          style: {
            width: 1.2,
            'line-color': '#aab4c3',
            'target-arrow-color': '#aab4c3',
            'target-arrow-shape': 'triangle',
            'arrow-scale': 0.7,
            'curve-style': 'bezier',
            label: 'data(type)',
            'font-size': 7,
            color: '#6b7789',
            'text-rotation': 'autorotate',
            'text-opacity': 0,
          },
        },
        { selector: 'edge.hover, edge:selected', style: { 'text-opacity': 1, 'line-color': '#4a5a75', 'target-arrow-color': '#4a5a75' } },
      ],
    });
    this.cy.on('tap', 'node', (event) => {
      void this.expand((event.target as NodeSingular).id(), true);
    });
    this.cy.on('mouseover', 'edge', (event) => (event.target as cytoscape.EdgeSingular).addClass('hover'));
    this.cy.on('mouseout', 'edge', (event) => (event.target as cytoscape.EdgeSingular).removeClass('hover'));
  }

  /** Empties the graph and shows the neighbourhood of `id`. */
  async reset(id: string): Promise<void> {
    this.cy.elements().remove();
    this.expanded.clear();
    await this.expand(id, false);
  }

  /** Adds the neighbourhood of `id` (once) and selects it. */
  async expand(id: string, selectAfter: boolean): Promise<void> {
    if (this.pending.has(id)) return;
    const already = this.expanded.has(id);
    if (!already) {
      this.pending.add(id);
      try {
        const subgraph = await this.source.around(id);
        this.add(subgraph, id);
        this.expanded.add(id);
        this.cy.getElementById(id).data('expanded', true);
      } catch (error) {
        this.events.onError(error);
        return;
      } finally {
        this.pending.delete(id);
      }
    }
    const node = this.cy.getElementById(id);
    if (node.nonempty()) {
      this.cy.nodes().unselect();
      node.select();
      if (selectAfter) this.events.onSelect(node.data('node') as NamedNode, true);
    }
  }

  /** Switches the node labels between nameVi and name. */
  setLang(lang: Lang): void {
    this.lang = lang;
    this.cy.nodes().forEach((node) => {
      node.data('label', label(lang, node.data('node') as NamedNode));
    });
  }

  /** Position of a node on the page's canvas, relative to the container (used by tests and keyboard users). */
  renderedPosition(id: string): { x: number; y: number } | null {
    const node = this.cy.getElementById(id);
    return node.nonempty() ? node.renderedPosition() : null;
  }

  fit(): void {
    this.cy.fit(undefined, 30);
  }

  private add(subgraph: Subgraph, centre: string): void {
    const centreNode = this.cy.getElementById(centre);
    const origin = centreNode.nonempty() ? { ...centreNode.position() } : { x: 0, y: 0 };
    const elements: ElementDefinition[] = [];
    const fresh = subgraph.nodes.filter((node) => this.cy.getElementById(node.id).empty());
    fresh.forEach((node, index) => {
      const angle = (2 * Math.PI * index) / Math.max(fresh.length, 1);
      elements.push({
        group: 'nodes',
        data: { id: node.id, label: label(this.lang, node), colour: KIND_COLOURS[node.__typename] ?? '#999', kind: node.__typename, node },
        position: node.id === centre ? origin : { x: origin.x + 120 * Math.cos(angle), y: origin.y + 120 * Math.sin(angle) },
      });
    });
    for (const edge of subgraph.edges) {
      const edgeId = `${edge.from}-${edge.type}-${edge.to}`;
      if (this.cy.getElementById(edgeId).nonempty()) continue;
      elements.push({ group: 'edges', data: { id: edgeId, source: edge.from, target: edge.to, type: edge.type } });
    }
    // Edges may reach nodes not in the answer (limit): keep only those with both ends.
    const known = new Set([...this.cy.nodes().map((n) => n.id()), ...fresh.map((n) => n.id)]);
    this.cy.add(elements.filter((e) => e.group === 'nodes' || (known.has(e.data.source as string) && known.has(e.data.target as string))));
    if (fresh.length > 0) {
      const layout = this.cy.layout({
        name: 'cose',
        animate: false,
        randomize: false,
        nodeDimensionsIncludeLabels: true,
        nodeRepulsion: () => 12000,
        idealEdgeLength: () => 90,
        padding: 30,
        fit: true,
      } as cytoscape.LayoutOptions);
      layout.run();
    }
    this.events.onChange(this.cy.nodes().length, this.cy.edges().length);
  }
}
