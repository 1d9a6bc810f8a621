/** The two queries of `npm run bench` (also timed step by step by bench/breakdown.ts). */
export const BENCH_QUERIES: Readonly<Record<string, string>> = {
  'coordination matrix (all assignments of the plan)': `{
    assignments(filter: { plan: "Plan:dn-202-2019" }, first: 1000) {
      totalCount nodes { role agency { id nameVi } task { code timeframe } source { clause } }
    }
  }`,
  'three-level nested (agencies -> tasks led -> coordinators)': `{
    agencies(first: 200) { nodes { id nameVi leads { code timeframe coordinators { id nameVi } } } }
  }`,
};
