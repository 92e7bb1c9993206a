/**
 * Component tests in jsdom. SWC compiles the plugin's TypeScript and the ES modules Backstage publishes (its
 * packages ship ESM only); types are checked by `npm run typecheck`.
 */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { transform: { react: { runtime: 'automatic' } } } }],
    '^.+\\.mjs$': ['@swc/jest'],
  },
  // Backstage's packages and several of theirs are published as ES modules only: every dependency is compiled
  // (SWC is fast, and Jest caches the result), as Backstage's own test setup does.
  transformIgnorePatterns: [],
  moduleNameMapper: {
    '\\.(css|svg|png)$': '<rootDir>/src/testing/styleStub.js',
    'style-inject\\.es(\\.esm)?\\.js$': '<rootDir>/src/testing/styleStub.js',
    '^react-virtualized-auto-sizer$': '<rootDir>/src/testing/autoSizerStub.tsx',
  },
  setupFilesAfterEnv: ['<rootDir>/src/testing/setupTests.ts'],
};
