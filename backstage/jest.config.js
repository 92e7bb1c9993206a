/** Component tests in jsdom, TypeScript compiled by SWC (types are checked by `npm run typecheck`). */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { transform: { react: { runtime: 'automatic' } } } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(graphql-sse)/)'],
  moduleNameMapper: { '\\.(css)$': '<rootDir>/src/testing/styleStub.js' },
  setupFilesAfterEnv: ['<rootDir>/src/testing/setupTests.ts'],
};
