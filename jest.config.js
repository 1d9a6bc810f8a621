/**
 * Two projects: `kuzu` runs every test on the embedded store; `neo4j` runs the shared store suites
 * (the store and analytics contracts, the API, seed, federation and HTTP suites) and the live-only
 * tests (`*.neo4j.test.ts`) again on a live Neo4j. The `neo4j` project exists only when one is
 * configured: `npm test` starts the project's launcher (tools/neo4j) when Java is present, or the
 * user names a server (NEO4J_TEST_URIS / NEO4J_URI, see test/support/neo4jTestTarget.ts).
 */
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  // jose 6 (src/auth/) is published as ES modules only. Node 20.19+ loads it with require(esm), but Jest's
  // module runtime does so only on Node 24.9+, so the tests compile its files to CommonJS.
  '^.+/node_modules/jose/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022', isolatedModules: true } }],
};
/** Files of node_modules are loaded as they are, except jose's (see `transform`). */
const transformIgnorePatterns = ['/node_modules/(?!jose/)'];

/** Test files that open a store through test/support and so run on both adapters. */
const SHARED_STORE_SUITES = [
  '<rootDir>/test/store/neo4j.test.ts',
  '<rootDir>/test/api/**/*.test.ts',
  '<rootDir>/test/seed/fidelity.test.ts',
  '<rootDir>/test/seed/loadCounts.test.ts',
  '<rootDir>/test/federation/**/*.test.ts',
  '<rootDir>/test/http/server.test.ts',
  '<rootDir>/test/**/*.neo4j.test.ts',
];

const neo4jUris = (process.env.NEO4J_TEST_URIS ?? process.env.NEO4J_URI ?? '').split(',').filter((u) => u.trim() !== '');
const liveNeo4j = neo4jUris.length > 0;
if (!liveNeo4j && !process.env.JEST_WORKER_ID) {
  const why = process.env.NEO4J_TESTS_SKIPPED ?? 'no live Neo4j configured (NEO4J_TEST_URIS and NEO4J_URI are unset)';
  process.stderr.write(`\nNeo4j suites skipped: ${why}. The Kùzu suites run. See README, Tests.\n\n`);
}

/**
 * Test files named among the values of --selectProjects. The option takes several values, so in
 * `jest --selectProjects kuzu test/x.test.ts` jest reads the file as a second project name and
 * would run the whole project; a value that is a path of a test file is taken as a file to run.
 */
function filesAmongSelectedProjects(argv) {
  const at = argv.indexOf('--selectProjects');
  if (at < 0) return [];
  const values = [];
  for (const value of argv.slice(at + 1)) {
    if (value.startsWith('-')) break;
    values.push(value);
  }
  return values.filter((value) => /\.test\.ts$/.test(value)).map((value) => require('node:path').resolve(value));
}

const namedFiles = filesAmongSelectedProjects(process.argv);

/** @type {import('jest').Config} */
const config = {
  projects: [
    {
      displayName: 'kuzu',
      testEnvironment: 'node',
      roots: ['<rootDir>/test', '<rootDir>/src', '<rootDir>/resolvers', '<rootDir>/seed'],
      testMatch: ['**/*.test.ts'],
      // the Neo4j contract file and live-only tests need a server
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/store/neo4j\\.test\\.ts$', '\\.neo4j\\.test\\.ts$'],
      transform,
      transformIgnorePatterns,
    },
    ...(liveNeo4j
      ? [
          {
            displayName: 'neo4j',
            testEnvironment: 'node',
            roots: ['<rootDir>/test'],
            testMatch: SHARED_STORE_SUITES,
            setupFilesAfterEnv: ['<rootDir>/test/support/useNeo4jStore.ts'],
            transform,
            transformIgnorePatterns,
          },
        ]
      : []),
  ],
  // Kùzu allows one read-write Database per path per process; test files run in separate workers
  // with their own temporary directories. On Neo4j each worker owns one DBMS (NEO4J_TEST_URIS); a
  // single database given by NEO4J_URI is shared, so files then run one at a time.
  maxWorkers: liveNeo4j && neo4jUris.length < 2 ? 1 : 2,
  // Every temporary file of a run lives in one directory, removed when the run ends (runTemp.js).
  globalSetup: '<rootDir>/test/support/run/globalSetup.js',
  globalTeardown: '<rootDir>/test/support/run/globalTeardown.js',
  testTimeout: 60000,
};

if (namedFiles.length > 0) {
  for (const project of config.projects) project.testMatch = namedFiles;
}

module.exports = config;
