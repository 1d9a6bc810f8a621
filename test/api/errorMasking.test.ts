import { StoreUnavailableError } from '../../src/errors';
import type { GraphStore } from '../../src/store/port';
import { startTestApi, type TestApi } from '../support/api';

/** A store whose list calls fail the way `failure` says; everything else passes through. */
function failingLists(failure: () => Error) {
  return (store: GraphStore): GraphStore => {
    const broken = Object.create(store) as GraphStore;
    Object.defineProperty(broken, 'listNodes', { value: () => Promise.reject(failure()) });
    return broken;
  };
}

describe('an internal failure', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ wrapStore: failingLists(() => new Error('disk on fire at /secret/path')) });
  });
  afterAll(async () => {
    await api.close();
  });

  it('is masked as INTERNAL_SERVER_ERROR, with the detail only in the log', async () => {
    const result = await api.execute(`{ agencies { totalCount } }`);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(result.errors?.[0]?.message).toBe('Internal server error');
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(JSON.stringify(api.logs)).toContain('disk on fire at /secret/path');
  });

  it('leaves the rest of the API working', async () => {
    const result = await api.execute(`{ node(id: "Agency:dn-skhcn") { id } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.node.id).toBe('Agency:dn-skhcn');
  });
});

describe('an unreachable store', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ wrapStore: failingLists(() => new StoreUnavailableError('connection refused to 10.0.0.1')) });
  });
  afterAll(async () => {
    await api.close();
  });

  it('is SERVICE_UNAVAILABLE to the client, without the driver detail', async () => {
    const result = await api.execute(`{ tasks { totalCount } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(result)).not.toContain('10.0.0.1');
  });
});
