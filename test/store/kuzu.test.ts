import { openFreshKuzuStore } from '../support/freshKuzuStore';
import { describeStoreContract } from './contract';

describeStoreContract('kuzu', () => openFreshKuzuStore({ poolSize: 4 }));
