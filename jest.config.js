/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/src', '<rootDir>/resolvers', '<rootDir>/seed'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // Kùzu allows one read-write Database per path per process; test files run in
  // separate workers with their own temporary directories.
  maxWorkers: 2,
  testTimeout: 60000,
};
