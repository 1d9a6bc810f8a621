import fs from 'node:fs';
import { checkPeerTypeDefs, PEER_TYPE_DEFS } from '../../bench/peer/checkPeerTypeDefs';

/** The peer benchmark's type definitions (bench/peer/) must describe the graph our adapter writes. */
describe("the peer's type definitions", () => {
  const sdl = fs.readFileSync(PEER_TYPE_DEFS, 'utf8');

  it('match every kind, property and relationship type of src/model/', () => {
    expect(checkPeerTypeDefs(sdl)).toEqual([]);
  });

  it('are reported when a property is missing', () => {
    const broken = sdl.replace(/^ {2}dueYear: Int\n/m, '');
    expect(broken).not.toEqual(sdl);
    expect(checkPeerTypeDefs(broken)).toEqual(['Task lacks the property dueYear']);
  });

  it('are reported when a relationship points the wrong way', () => {
    const broken = sdl.replace('leads: [Task!]! @relationship(type: "LEADS", direction: OUT', 'leads: [Task!]! @relationship(type: "LEADS", direction: IN');
    expect(broken).not.toEqual(sdl);
    expect(checkPeerTypeDefs(broken)).toEqual(['Agency.leads: LEADS does not start at Task', 'Agency.leads: LEADS does not end at Agency']);
  });

  it('are reported when a kind or a relationship type has no counterpart', () => {
    const broken = sdl.replace('type Sector implements GraphNode @node', 'type Sector implements GraphNode').replace(/^.*"DENOTES".*\n/gm, '');
    expect(checkPeerTypeDefs(broken)).toEqual(expect.arrayContaining(['kind Sector has no @node type', 'relationship type DENOTES has no field']));
  });
});
