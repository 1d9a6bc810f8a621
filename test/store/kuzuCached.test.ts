import { cacheStoreReads } from '../../src/store/cacheStoreReads';
import { watchStoreWrites } from '../../src/store/watchStoreWrites';
import { openFreshKuzuStore } from '../support/freshKuzuStore';
import { describeStoreContract } from './contract';

// The whole port contract through the read-through cache: every write is followed by reads that must see it.
describeStoreContract('kuzu behind cacheStoreReads', async () => {
  const { store, clock } = watchStoreWrites(await openFreshKuzuStore({ poolSize: 4 }));
  return cacheStoreReads(store, clock, 8 * 1024 * 1024).store;
});
