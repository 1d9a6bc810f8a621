import { readSeed } from '../../seed/readSeed';
import { METRIC_AGGREGATION } from '../../src/model/progressRules';

describe('how the seeded targets add up', () => {
  const metrics = [...new Set(readSeed().nodes.filter((n) => n.kind === 'Target').map((n) => String(n.props.metric)))].sort();

  it('names an aggregation (SUM or LATEST) for every metric a seeded target counts, and none the seed lacks', () => {
    expect(metrics.length).toBeGreaterThan(0);
    expect(Object.keys(METRIC_AGGREGATION).sort()).toEqual(metrics);
  });

  it('sums the flows and takes the latest value of the levels, as the plan text reads (see progressRules.ts)', () => {
    expect(METRIC_AGGREGATION).toEqual({
      'training-attendances': 'SUM',
      'assurance-programme-participations': 'SUM',
      'reference-materials': 'SUM',
      'accredited-labs': 'LATEST',
      'certified-service-organisations': 'LATEST',
    });
  });
});
