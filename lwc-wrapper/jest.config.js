// Jest configuration for the LWC unit tests (run with `npm test`).
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    setupFilesAfterEnv: [...jestConfig.setupFilesAfterEnv, '<rootDir>/jest.setup.js'],
    // Only the LWC tests; scripts/ and host/ use node's own test runner.
    testPathIgnorePatterns: [
        ...(jestConfig.testPathIgnorePatterns || []),
        '<rootDir>/scripts/',
        '<rootDir>/host/'
    ]
};
