import { openFreshKuzuStore as openFresh } from '../support/freshKuzuStore';
import { describeAnalyticsContract } from './analyticsContract';

describeAnalyticsContract('kuzu', () => openFresh({ poolSize: 4 }));

// The same contract with every table treated as large by search (read through the full-text index
// first, counted by a scan only when it holds more matches than the page): only the cost may differ.
describeAnalyticsContract('kuzu, search reading every table through the index first', () => openFresh({ poolSize: 2, searchScanCountRows: 0 }));
