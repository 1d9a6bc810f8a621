import { NODE_KINDS, type NodeKind } from '../../model/kinds';
import { RELATIONSHIP_TYPES, type RelationshipType } from '../../model/relationships';
import type { NodeRecord, Properties } from '../records';
import { GraphProjection, kindMask, typeMask, type ProjectedNode } from './GraphProjection';
import { neighbourhoodOf } from './neighbourhoodOf';
import { pathsBetween } from './pathsBetween';

const ALL_TYPES = typeMask(undefined);
const ALL_KINDS = kindMask(undefined);

function projectedNode(id: string, kind: NodeKind = 'Task', summary: ProjectedNode['summary'] = {}): ProjectedNode {
  return { id, kind, summary };
}

/** A projection holding `ids` (as Tasks, no summary), in that order. */
function projectionOf(...ids: string[]): GraphProjection {
  const projection = new GraphProjection();
  for (const id of ids) projection.addNode(projectedNode(id));
  return projection;
}

/** The number of a node that must be there. */
function numberOf(projection: GraphProjection, id: string): number {
  const number = projection.numberOf(id);
  if (number === undefined) throw new Error(`no node ${id}`);
  return number;
}

/** A node's adjacency entries as "-> TYPE other" / "<- TYPE other", sorted. */
function adjacency(projection: GraphProjection, id: string, types = ALL_TYPES): string[] {
  const entries: string[] = [];
  projection.forEachNeighbour(numberOf(projection, id), types, (other, type, outgoing) => {
    entries.push(`${outgoing ? '->' : '<-'} ${RELATIONSHIP_TYPES[type]} ${projection.idOf(other)}`);
  });
  return entries.sort();
}

function record(id: string, kind: NodeKind, props: Properties): NodeRecord {
  return { id, kind, props };
}

/** Relationships as parallel arrays, for setRelationships. */
function relationshipArrays(projection: GraphProjection, edges: readonly [RelationshipType, string, string][]) {
  const from = new Int32Array(edges.length);
  const to = new Int32Array(edges.length);
  const types = new Uint8Array(edges.length);
  edges.forEach(([type, a, b], i) => {
    from[i] = numberOf(projection, a);
    to[i] = numberOf(projection, b);
    types[i] = RELATIONSHIP_TYPES.indexOf(type);
  });
  return { from, to, types, count: edges.length };
}

describe('GraphProjection ids', () => {
  it('numbers ids densely in the order added and gives them back, multibyte (Vietnamese) ids included', () => {
    const ids = ['Task:a', 'Agency:sở-khcn', 'Task:Đà Nẵng', 'Plan:kế-hoạch-202', '', 'Sector:an toàn thực phẩm', 'Task:😀'];
    const projection = projectionOf(...ids);
    expect(projection.size).toBe(ids.length);
    ids.forEach((id, i) => {
      expect(projection.numberOf(id)).toBe(i);
      expect(projection.idOf(i)).toBe(id);
    });
  });

  it('finds nothing for unknown ids, including prefixes and near misses of multibyte ids', () => {
    const projection = projectionOf('Task:Đà Nẵng', 'Task:Đà');
    for (const id of ['Task:Đà Nẵn', 'Task:Da Nang', 'Task:Đà Nẵng ', 'task:Đà Nẵng', 'Task:Đ', 'x']) {
      expect(projection.numberOf(id)).toBeUndefined();
    }
    expect(projection.numberOf('Task:Đà')).toBe(1);
    expect(new GraphProjection().numberOf('anything')).toBeUndefined();
  });

  it('gives the same number for an id added again, without adding a node', () => {
    const projection = projectionOf('Task:a', 'Task:ă', 'Task:â');
    expect(projection.addNode(projectedNode('Task:ă'))).toBe(1);
    expect(projection.addNode(projectedNode('Task:a'))).toBe(0);
    expect(projection.size).toBe(3);
    expect(projection.addNode(projectedNode('Task:ấ'))).toBe(3);
    expect(projection.idOf(3)).toBe('Task:ấ');
  });

  it('keeps every id findable through many growths of the hash table', () => {
    // 20 000 ids: the table starts at 1024 slots and doubles at half load, so it grows six times.
    const ids = Array.from({ length: 20000 }, (_, i) => (i % 3 === 0 ? `Task:việc-${i}` : i % 3 === 1 ? `Agency:${i}` : `Đ${i}`));
    const projection = projectionOf(...ids);
    expect(projection.size).toBe(ids.length);
    ids.forEach((id, i) => {
      expect(projection.numberOf(id)).toBe(i);
      expect(projection.idOf(i)).toBe(id);
    });
    // Adding them all again changes nothing.
    ids.forEach((id, i) => expect(projection.addNode(projectedNode(id))).toBe(i));
    expect(projection.size).toBe(ids.length);
    expect(projection.numberOf('Task:việc-20001')).toBeUndefined();
  });

  it('keeps ids findable when a bulk load sized the table first and ids are added beyond that size', () => {
    const projection = projectionOf('Task:before');
    projection.ensureCapacity(2000, 2000 * 30);
    const ids = Array.from({ length: 3000 }, (_, i) => `Target:mục-tiêu-${i}`);
    const source = Buffer.from(ids.join(''), 'utf8');
    const fields = new Int32Array(3 * 6);
    let at = 0;
    for (const id of ids) {
      const length = Buffer.byteLength(id, 'utf8');
      fields.set([at, at + length, 1]);
      projection.addNodeBytes('Target', source, fields);
      at += length;
    }
    expect(projection.size).toBe(3001);
    expect(projection.numberOf('Task:before')).toBe(0);
    ids.forEach((id, i) => expect(projection.numberOf(id)).toBe(i + 1));
    expect(projection.kindOf(3000)).toBe('Target');
  });
});

describe('GraphProjection summaries', () => {
  it('holds the summary properties given: present strings and "" kept, null and absent ones left out', () => {
    const projection = new GraphProjection();
    const number = projection.addNode(
      projectedNode('Agency:a', 'Agency', { name: 'Department of Science', nameVi: 'Sở Khoa học và Công nghệ', abbreviation: '', number: null }),
    );
    expect(projection.summaryOf(number)).toEqual({
      id: 'Agency:a',
      kind: 'Agency',
      props: { name: 'Department of Science', nameVi: 'Sở Khoa học và Công nghệ', abbreviation: '' },
      partial: true,
    });
    const bare = projection.addNode(projectedNode('Sector:s', 'Sector'));
    expect(projection.summaryOf(bare)).toEqual({ id: 'Sector:s', kind: 'Sector', props: {}, partial: true });
    expect(projection.kindOf(number)).toBe('Agency');
    expect(projection.kindOf(bare)).toBe('Sector');
  });

  it('updates a known node through addNode: given properties replaced, null clears, "" is kept, others untouched', () => {
    const projection = new GraphProjection();
    const number = projection.addNode(projectedNode('Task:t', 'Task', { name: 'Calibrate', nameVi: 'Hiệu chuẩn', code: 'II.1' }));
    projection.addNode(projectedNode('Task:other', 'Task', { name: 'Other' }));
    expect(projection.addNode(projectedNode('Task:t', 'Task', { nameVi: null, code: '' }))).toBe(number);
    expect(projection.summaryOf(number).props).toEqual({ name: 'Calibrate', code: '' });
    projection.addNode(projectedNode('Task:t', 'Task', { name: 'Kiểm định "phương tiện đo", mới' }));
    expect(projection.summaryOf(number).props).toEqual({ name: 'Kiểm định "phương tiện đo", mới', code: '' });
    projection.addNode(projectedNode('Task:t', 'Task', {}));
    expect(projection.summaryOf(number).props).toEqual({ name: 'Kiểm định "phương tiện đo", mới', code: '' });
    expect(projection.summaryOf(numberOf(projection, 'Task:other')).props).toEqual({ name: 'Other' });
  });

  it('updates summaries through apply from full records: non-summary properties ignored, null clears, absent keeps', () => {
    const projection = new GraphProjection();
    expect(
      projection.apply(
        [record('LegalDocument:d', 'LegalDocument', { name: 'Decision', nameVi: 'Quyết định', number: '202/QĐ-UBND', description: 'ignored', issuedOn: '2019-01-15' })],
        [],
      ),
    ).toBe(true);
    const number = numberOf(projection, 'LegalDocument:d');
    expect(projection.summaryOf(number).props).toEqual({ name: 'Decision', nameVi: 'Quyết định', number: '202/QĐ-UBND' });
    projection.apply([record('LegalDocument:d', 'LegalDocument', { nameVi: null, name: 'Quyết định 202', synthetic: true })], []);
    expect(projection.summaryOf(number).props).toEqual({ name: 'Quyết định 202', number: '202/QĐ-UBND' });
    projection.apply([record('LegalDocument:d', 'LegalDocument', { number: '' })], []);
    expect(projection.summaryOf(number).props).toEqual({ name: 'Quyết định 202', number: '' });
  });

  it('leaves a summary property given as undefined as it is, as the store does ("undefined counts as not given")', () => {
    const projection = new GraphProjection();
    projection.apply([record('Agency:a', 'Agency', { name: 'Sở KH&CN', abbreviation: 'SKHCN' })], []);
    projection.apply([record('Agency:a', 'Agency', { name: undefined, abbreviation: 'DOST' } as unknown as Properties)], []);
    expect(projection.summaryOf(numberOf(projection, 'Agency:a')).props).toEqual({ name: 'Sở KH&CN', abbreviation: 'DOST' });
  });

  it('applies a node record without props (the store accepts one) as a node with no summary change', () => {
    const projection = new GraphProjection();
    projection.apply([record('Task:t', 'Task', { name: 'kept' })], []);
    expect(projection.apply([{ id: 'Task:t', kind: 'Task' } as NodeRecord, { id: 'Task:new', kind: 'Task' } as NodeRecord], [])).toBe(true);
    expect(projection.summaryOf(numberOf(projection, 'Task:t')).props).toEqual({ name: 'kept' });
    expect(projection.summaryOf(numberOf(projection, 'Task:new')).props).toEqual({});
  });
});

describe('GraphProjection.addNodeBytes', () => {
  /** Field ranges (see addNodeBytes) of the pieces of `parts` laid end to end in one buffer. */
  function fieldsOf(parts: readonly (readonly [text: string, flag: 0 | 1 | 2])[]): { source: Buffer; fields: Int32Array } {
    const fields = new Int32Array(parts.length * 3);
    const chunks: Buffer[] = [];
    let at = 3; // some bytes before the first field, as in a real file
    chunks.push(Buffer.from('x,"'));
    parts.forEach(([text, flag], i) => {
      const bytes = Buffer.from(text, 'utf8');
      fields.set([at, at + bytes.length, flag], i * 3);
      chunks.push(bytes, Buffer.from('",'));
      at += bytes.length + 2;
    });
    return { source: Buffer.concat(chunks), fields };
  }

  it('decodes quoted fields ("" for "), keeps quoted empty text, skips null fields, takes plain bytes as they are', () => {
    const projection = new GraphProjection();
    // id, then name, nameVi, abbreviation, number, code
    const { source, fields } = fieldsOf([
      ['Agency:""q""-id', 2],
      ['Say ""hi"", then """"', 2],
      ['', 0],
      ['', 2],
      ['Đà Nẵng "plain"', 1],
      ['a,b\nc', 2],
    ]);
    const number = projection.addNodeBytes('Agency', source, fields);
    expect(projection.idOf(number)).toBe('Agency:"q"-id');
    expect(projection.numberOf('Agency:"q"-id')).toBe(number);
    expect(projection.summaryOf(number)).toEqual({
      id: 'Agency:"q"-id',
      kind: 'Agency',
      props: { name: 'Say "hi", then ""', abbreviation: '', number: 'Đà Nẵng "plain"', code: 'a,b\nc' },
      partial: true,
    });
  });

  it('changes nothing for an id already known, and nodes added afterwards get the next numbers', () => {
    const projection = new GraphProjection();
    projection.addNode(projectedNode('Task:t', 'Task', { name: 'first' }));
    const again = fieldsOf([['Task:t', 1], ['second', 1], ['', 0], ['', 0], ['', 0], ['', 0]]);
    expect(projection.addNodeBytes('Task', again.source, again.fields)).toBe(0);
    expect(projection.size).toBe(1);
    expect(projection.summaryOf(0).props).toEqual({ name: 'first' });
    const next = fieldsOf([['Task:u', 1], ['', 0], ['', 0], ['', 0], ['', 0], ['', 0]]);
    expect(projection.addNodeBytes('Task', next.source, next.fields)).toBe(1);
    expect(projection.addNode(projectedNode('Task:v'))).toBe(2);
    expect(projection.idOf(1)).toBe('Task:u');
  });
});

describe('GraphProjection relationships', () => {
  it('adds a relationship once per (type, from, to) but keeps the reverse direction and other types apart', () => {
    const projection = projectionOf('Agency:a', 'Task:t');
    expect(projection.addEdge('LEADS', 'Agency:a', 'Task:t')).toBe(true);
    expect(projection.addEdge('LEADS', 'Agency:a', 'Task:t')).toBe(true);
    expect(projection.relationshipCount).toBe(1);
    projection.addEdge('LEADS', 'Task:t', 'Agency:a');
    projection.addEdge('COORDINATES', 'Agency:a', 'Task:t');
    projection.addEdge('COORDINATES', 'Agency:a', 'Task:t');
    projection.addEdge('LEADS', 'Task:t', 'Agency:a');
    expect(projection.relationshipCount).toBe(3);
    expect(adjacency(projection, 'Agency:a')).toEqual(['-> COORDINATES Task:t', '-> LEADS Task:t', '<- LEADS Task:t']);
    expect(adjacency(projection, 'Task:t')).toEqual(['-> LEADS Agency:a', '<- COORDINATES Agency:a', '<- LEADS Agency:a']);
    expect(adjacency(projection, 'Task:t', typeMask(['COORDINATES']))).toEqual(['<- COORDINATES Agency:a']);
  });

  it('finds a duplicate whichever end has fewer relationships', () => {
    const projection = projectionOf('Plan:hub', 'Task:a', 'Task:b', 'Task:c');
    for (const task of ['Task:a', 'Task:b', 'Task:c']) projection.addEdge('HAS_TASK', 'Plan:hub', task);
    // The hub has the higher degree: looked up from the task ...
    projection.addEdge('HAS_TASK', 'Plan:hub', 'Task:b');
    // ... and from the task side when the task is the start.
    projection.addEdge('CORRESPONDS_TO', 'Task:a', 'Task:b');
    projection.addEdge('CORRESPONDS_TO', 'Task:a', 'Task:b');
    expect(projection.relationshipCount).toBe(4);
    expect(adjacency(projection, 'Plan:hub')).toEqual(['-> HAS_TASK Task:a', '-> HAS_TASK Task:b', '-> HAS_TASK Task:c']);
    expect(adjacency(projection, 'Task:b')).toEqual(['<- CORRESPONDS_TO Task:a', '<- HAS_TASK Plan:hub']);
  });

  it('holds a self-loop once, seen from the node both outgoing and incoming, and returns it once in a neighbourhood', () => {
    const projection = projectionOf('Task:t', 'Task:u');
    projection.addEdge('CORRESPONDS_TO', 'Task:t', 'Task:t');
    projection.addEdge('CORRESPONDS_TO', 'Task:t', 'Task:t');
    projection.addEdge('CORRESPONDS_TO', 'Task:t', 'Task:u');
    expect(projection.relationshipCount).toBe(2);
    expect(adjacency(projection, 'Task:t')).toEqual(['-> CORRESPONDS_TO Task:t', '-> CORRESPONDS_TO Task:u', '<- CORRESPONDS_TO Task:t']);
    const sub = neighbourhoodOf(projection, { starts: [0], depth: 2, limit: 10, types: ALL_TYPES, kinds: ALL_KINDS });
    expect(sub.nodes.map((n) => n.id)).toEqual(['Task:t', 'Task:u']);
    expect(sub.edges.map((e) => `${e.type} ${e.from} ${e.to}`).sort()).toEqual(['CORRESPONDS_TO Task:t Task:t', 'CORRESPONDS_TO Task:t Task:u']);
    const paths = pathsBetween(projection, { from: 0, to: 1, mode: 'ALL', maxDepth: 3, limit: 10, types: ALL_TYPES });
    expect(paths.map((p) => p.nodes.map((n) => n.id))).toEqual([['Task:t', 'Task:u']]);
  });

  it('refuses a relationship with an unknown endpoint; apply reports false but applies the rest', () => {
    const projection = projectionOf('Task:t');
    expect(projection.addEdge('CORRESPONDS_TO', 'Task:t', 'Task:missing')).toBe(false);
    expect(projection.addEdge('CORRESPONDS_TO', 'Task:missing', 'Task:t')).toBe(false);
    expect(projection.relationshipCount).toBe(0);
    const applied = projection.apply(
      [record('Plan:p', 'Plan', { name: 'Kế hoạch' })],
      [
        { type: 'HAS_TASK', from: 'Plan:p', to: 'Task:t', props: {} },
        { type: 'HAS_TASK', from: 'Plan:p', to: 'Task:gone', props: {} },
      ],
    );
    expect(applied).toBe(false);
    expect(adjacency(projection, 'Task:t')).toEqual(['<- HAS_TASK Plan:p']);
    expect(projection.numberOf('Task:gone')).toBeUndefined();
    // Endpoints given in the same write are known by the time its relationships are added.
    expect(projection.apply([record('Task:n', 'Task', {})], [{ type: 'CORRESPONDS_TO', from: 'Task:n', to: 'Task:t', props: {} }])).toBe(true);
  });

  it('traverses relationships set in bulk and those added afterwards, also to nodes added after the bulk load', () => {
    const projection = projectionOf('Task:a', 'Task:b', 'Task:c');
    const bulk = relationshipArrays(projection, [
      ['CORRESPONDS_TO', 'Task:a', 'Task:b'],
      ['CORRESPONDS_TO', 'Task:b', 'Task:b'],
    ]);
    projection.setRelationships(bulk.from, bulk.to, bulk.types, bulk.count);
    expect(() => projection.setRelationships(bulk.from, bulk.to, bulk.types, bulk.count)).toThrow(/already has relationships/);
    expect(projection.relationshipCount).toBe(2);
    // Already there in bulk: not added again.
    projection.addEdge('CORRESPONDS_TO', 'Task:a', 'Task:b');
    projection.addEdge('CORRESPONDS_TO', 'Task:b', 'Task:b');
    expect(projection.relationshipCount).toBe(2);
    projection.addEdge('CORRESPONDS_TO', 'Task:c', 'Task:b');
    projection.addNode(projectedNode('Task:d', 'Task', { name: 'mới' }));
    projection.addEdge('HAS_TARGET', 'Task:d', 'Task:c');
    expect(projection.relationshipCount).toBe(4);
    expect(adjacency(projection, 'Task:b')).toEqual([
      '-> CORRESPONDS_TO Task:b',
      '<- CORRESPONDS_TO Task:a',
      '<- CORRESPONDS_TO Task:b',
      '<- CORRESPONDS_TO Task:c',
    ]);
    expect(projection.degree(numberOf(projection, 'Task:b'))).toBe(4);
    expect(projection.degree(numberOf(projection, 'Task:d'))).toBe(1);

    const sub = neighbourhoodOf(projection, { starts: [numberOf(projection, 'Task:a')], depth: 3, limit: 10, types: ALL_TYPES, kinds: ALL_KINDS });
    expect(sub.nodes.map((n) => n.id)).toEqual(['Task:a', 'Task:b', 'Task:c', 'Task:d']);
    expect(sub.nodes[3]).toEqual({ id: 'Task:d', kind: 'Task', props: { name: 'mới' }, partial: true });
    expect(sub.edges.map((e) => `${e.type} ${e.from} ${e.to}`).sort()).toEqual([
      'CORRESPONDS_TO Task:a Task:b',
      'CORRESPONDS_TO Task:b Task:b',
      'CORRESPONDS_TO Task:c Task:b',
      'HAS_TARGET Task:d Task:c',
    ]);
    for (const mode of ['SHORTEST', 'ALL'] as const) {
      const paths = pathsBetween(projection, {
        from: numberOf(projection, 'Task:d'),
        to: numberOf(projection, 'Task:a'),
        mode,
        maxDepth: 4,
        limit: 10,
        types: ALL_TYPES,
      });
      expect(paths.map((p) => p.edges.map((e) => `${e.type} ${e.from} ${e.to}`))).toEqual([
        ['HAS_TARGET Task:d Task:c', 'CORRESPONDS_TO Task:c Task:b', 'CORRESPONDS_TO Task:a Task:b'],
      ]);
    }
  });
});

describe('GraphProjection helpers', () => {
  it('sorts node numbers by id in code unit order', () => {
    const projection = projectionOf('b', 'Đ', 'a', 'B', 'aa', 'D', '');
    const sorted = projection.sortById([0, 1, 2, 3, 4, 5, 6]).map((n) => projection.idOf(n));
    expect(sorted).toEqual(['', 'B', 'D', 'a', 'aa', 'b', 'Đ']);
  });

  it('builds type and kind masks: undefined is every bit, [] none', () => {
    expect(typeMask(undefined)).toBe(2 ** RELATIONSHIP_TYPES.length - 1);
    expect(typeMask([])).toBe(0);
    expect(typeMask(['ISSUED_BY', 'DENOTES'])).toBe(1 | (1 << RELATIONSHIP_TYPES.indexOf('DENOTES')));
    expect(kindMask(undefined)).toBe(2 ** NODE_KINDS.length - 1);
    expect(kindMask([])).toBe(0);
    const projection = new GraphProjection();
    const task = projection.addNode(projectedNode('Task:t', 'Task'));
    const agency = projection.addNode(projectedNode('Agency:a', 'Agency'));
    expect(projection.kindBit(task) & kindMask(['Task', 'Plan'])).not.toBe(0);
    expect(projection.kindBit(agency) & kindMask(['Task', 'Plan'])).toBe(0);
  });

  it('starts every traversal with empty scratch marks, also after nodes were added', () => {
    const projection = projectionOf('Task:a', 'Task:b');
    projection.nextEpoch();
    projection.mark(0, 0, 7);
    projection.mark(1, 1, 3);
    expect([projection.markOf(0, 0), projection.markOf(1, 1), projection.markOf(0, 1), projection.markOf(1, 0)]).toEqual([7, 3, -1, -1]);
    projection.nextEpoch();
    expect([projection.markOf(0, 0), projection.markOf(1, 1)]).toEqual([-1, -1]);
    for (let i = 0; i < 100; i += 1) projection.addNode(projectedNode(`Task:n${i}`));
    projection.nextEpoch();
    projection.mark(0, 101, 5);
    expect(projection.markOf(0, 101)).toBe(5);
    expect(projection.markOf(0, 0)).toBe(-1);
  });
});
