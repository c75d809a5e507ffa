'use strict';

// ESLint flat config for the LWC sources (`npm run lint`), after trailheadapps/lwc-recipes.
const { defineConfig } = require('eslint/config');
const salesforceLwcConfig = require('@salesforce/eslint-config-lwc/recommended');
const globals = require('globals');

module.exports = defineConfig([
    {
        files: ['force-app/main/default/lwc/**/*.js'],
        extends: [salesforceLwcConfig]
    },
    {
        files: ['force-app/main/default/lwc/**/*.test.js'],
        extends: [salesforceLwcConfig],
        rules: {
            '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off'
        },
        languageOptions: {
            globals: {
                ...globals.node
            }
        }
    }
]);
