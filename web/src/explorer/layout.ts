import type { Core, LayoutOptions, NodeCollection, NodeSingular, Position } from 'cytoscape';

/** Distance between two nodes the layouts aim for, in model units. */
const EDGE_LENGTH = 90;

/**
 * Puts `fresh` nodes on rings around `centre` (the node just expanded),
 * fanned away from the rest of the graph, as a starting point for the
 * incremental layout.
 */
export function placeAround(cy: Core, centre: Position, fresh: NodeCollection): void {
  const others = cy.nodes().difference(fresh);
  const away = others.length > 1 ? Math.atan2(centre.y - mean(others, 'y'), centre.x - mean(others, 'x')) : 0;
  const spread = others.length > 1 ? Math.PI * 1.4 : Math.PI * 2;
  let index = 0;
  let ring = 0;
  while (index < fresh.length) {
    const radius = EDGE_LENGTH * 1.3 + ring * 60;
    const capacity = Math.max(6, Math.floor((spread * radius) / 48));
    const count = Math.min(capacity, fresh.length - index);
    for (let k = 0; k < count; k += 1) {
      const angle = away - spread / 2 + (spread * (k + 0.5)) / count;
      (fresh[index] as NodeSingular).position({ x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
      index += 1;
    }
    ring += 1;
  }
}

function mean(nodes: NodeCollection, axis: 'x' | 'y'): number {
  let sum = 0;
  nodes.forEach((node) => {
    sum += node.position(axis);
  });
  return sum / Math.max(nodes.length, 1);
}

/** A full force layout of everything (the first picture). */
export function layoutAll(cy: Core): void {
  cy.layout({
    name: 'fcose',
    quality: 'default',
    randomize: true,
    animate: false,
    fit: true,
    padding: 40,
    nodeDimensionsIncludeLabels: false,
    nodeRepulsion: 9000,
    idealEdgeLength: EDGE_LENGTH,
    nodeSeparation: 60,
    numIter: 2500,
  } as unknown as LayoutOptions).run();
}

/**
 * The incremental layout after an expansion: a force layout in which every
 * node that was already on the canvas is fixed where it is, so only the new
 * nodes move (they start on rings around the expanded node). Afterwards the
 * old nodes are put back exactly (the layout may translate the picture) and
 * the new ones shifted with them, so nothing the reader has placed moves.
 */
export function layoutIncrementally(cy: Core, fresh: NodeCollection): void {
  const old = cy.nodes().difference(fresh);
  const saved = new Map<string, Position>();
  old.forEach((node) => {
    saved.set(node.id(), { ...node.position() });
  });
  const anchor = old[0] as NodeSingular | undefined;
  cy.layout({
    name: 'fcose',
    quality: 'proof',
    randomize: false,
    animate: false,
    fit: false,
    nodeDimensionsIncludeLabels: false,
    nodeRepulsion: 9000,
    idealEdgeLength: EDGE_LENGTH,
    nodeSeparation: 60,
    numIter: 1500,
    fixedNodeConstraint: old.map((node) => ({ nodeId: node.id(), position: { ...(node as NodeSingular).position() } })),
  } as unknown as LayoutOptions).run();
  if (!anchor) return;
  const before = saved.get(anchor.id()) as Position;
  const after = anchor.position();
  const dx = before.x - after.x;
  const dy = before.y - after.y;
  cy.batch(() => {
    old.forEach((node) => {
      node.position(saved.get(node.id()) as Position);
    });
    fresh.forEach((node) => {
      const p = node.position();
      node.position({ x: p.x + dx, y: p.y + dy });
    });
  });
}
