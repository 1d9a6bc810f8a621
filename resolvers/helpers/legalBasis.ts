import type { Context } from '../../src/context';
import type { NodeRecord } from '../../src/store/port';
import type { LegalBasisLinkParent } from '../parents';
import { citationsAsOf } from './citations';

/**
 * The legal-basis chain below `start`, breadth first, to `maxDepth` levels.
 * Each document is expanded once, so cycles end; each level costs one
 * batched store round-trip. The citations are those of `asOf` (see
 * citationsAsOf): a document that has left force since stays in the chain,
 * and its own basis below it.
 */
export async function legalBasisChain(context: Context, start: NodeRecord, maxDepth: number, asOf: string): Promise<LegalBasisLinkParent[]> {
  const links: LegalBasisLinkParent[] = [];
  const expanded = new Set<string>([start.id]);
  let frontier: NodeRecord[] = [start];
  for (let depth = 1; depth <= maxDepth && frontier.length > 0; depth += 1) {
    const lists = await Promise.all(frontier.map((node) => citationsAsOf(context, node.id, 'OUT', asOf)));
    const next: NodeRecord[] = [];
    frontier.forEach((citing, index) => {
      for (const { node, edge } of lists[index] ?? []) {
        links.push({ depth, citing, document: node, edge });
        if (!expanded.has(node.id)) {
          expanded.add(node.id);
          next.push(node);
        }
      }
    });
    frontier = next;
  }
  return links;
}
