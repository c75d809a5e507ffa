// Runs before every Jest test file: registers `expect(element).toBeAccessible()` from sa11y.
const { setup } = require('@sa11y/jest');

setup();
