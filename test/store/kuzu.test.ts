import { openFreshKuzuStore } from '../support/freshKuzuStore';
import { describeStoreContract } from './contract';
import { describeValidityContract } from './validityContract';

describeStoreContract('kuzu', () => openFreshKuzuStore({ poolSize: 4 }));
describeValidityContract('kuzu', () => openFreshKuzuStore({ poolSize: 4 }));
