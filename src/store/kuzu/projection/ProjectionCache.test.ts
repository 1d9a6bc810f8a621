import { GraphProjection } from '../../projection/GraphProjection';
import type { GraphBatch } from '../../port';
import { ProjectionCache } from './ProjectionCache';

/** A projection holding Plan:p and Task:t, no relationship. */
function planAndTask(): GraphProjection {
  const projection = new GraphProjection();
  projection.addNode({ id: 'Plan:p', kind: 'Plan', summary: { name: 'Kế hoạch' } });
  projection.addNode({ id: 'Task:t', kind: 'Task', summary: {} });
  return projection;
}

const ADD_TASK: GraphBatch = {
  nodes: [{ id: 'Task:u', kind: 'Task', props: { name: 'mới' } }],
  edges: [{ type: 'HAS_TASK', from: 'Plan:p', to: 'Task:u', props: {} }],
};

/** Refers to a node the projection does not know (it has drifted from the store). */
const UNKNOWN_END: GraphBatch = { nodes: [], edges: [{ type: 'HAS_TASK', from: 'Plan:p', to: 'Task:elsewhere', props: {} }] };

/** A build function that records its calls and hands out the given results in turn. */
function builds(...results: (GraphProjection | Error)[]): { build: () => Promise<GraphProjection>; calls: () => number } {
  let calls = 0;
  return {
    build: async () => {
      const result = results[calls];
      calls += 1;
      if (!result) throw new Error('unexpected build');
      if (result instanceof Error) throw result;
      return result;
    },
    calls: () => calls,
  };
}

describe('ProjectionCache', () => {
  it('serves the first projection without building and applies writes to it in place', async () => {
    const first = planAndTask();
    const { build, calls } = builds();
    const cache = new ProjectionCache(build, first);
    cache.apply(ADD_TASK);
    const projection = await cache.get();
    expect(projection).toBe(first);
    expect(projection.numberOf('Task:u')).toBe(2);
    expect(projection.relationshipCount).toBe(1);
    expect(calls()).toBe(0);
  });

  it('drops a projection a write cannot be applied to and builds it again once, on the next get', async () => {
    const rebuilt = planAndTask();
    const { build, calls } = builds(rebuilt);
    const cache = new ProjectionCache(build, planAndTask());
    cache.apply(UNKNOWN_END);
    expect(calls()).toBe(0);
    const [a, b] = await Promise.all([cache.get(), cache.get()]);
    expect(a).toBe(rebuilt);
    expect(b).toBe(rebuilt);
    expect(calls()).toBe(1);
    // The rebuilt projection follows later writes.
    cache.apply(ADD_TASK);
    expect((await cache.get()).numberOf('Task:u')).toBe(2);
    expect(calls()).toBe(1);
  });

  it('leaves a write to the build still to come (or in flight), which reads it from the store', async () => {
    let finish: (projection: GraphProjection) => void = () => undefined;
    let calls = 0;
    const cache = new ProjectionCache(
      () =>
        new Promise<GraphProjection>((resolve) => {
          calls += 1;
          finish = resolve;
        }),
    );
    cache.apply(ADD_TASK); // nothing built yet: nothing to do
    const pending = cache.get();
    cache.apply(UNKNOWN_END); // a build in flight is not dropped
    const built = planAndTask();
    finish(built);
    expect(await pending).toBe(built);
    expect(await cache.get()).toBe(built);
    expect(built.numberOf('Task:u')).toBeUndefined();
    expect(calls).toBe(1);
  });

  it('builds again after a failed build', async () => {
    const rebuilt = planAndTask();
    const { build, calls } = builds(new Error('Kùzu is busy'), rebuilt);
    const cache = new ProjectionCache(build);
    await expect(cache.get()).rejects.toThrow('Kùzu is busy');
    expect(await cache.get()).toBe(rebuilt);
    expect(calls()).toBe(2);
  });
});
