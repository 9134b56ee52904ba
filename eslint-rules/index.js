// @ts-check
/**
 * The project's own ESLint rules (no dependency): the layers' import direction and the host-free
 * contracts. Configured in eslint.config.js; tests/lint/boundaries.test.ts shows each one fires.
 */
import importDirection from './import-direction.js';
import hostApi from './host-api.js';

export default {
  meta: { name: 'kapacitet' },
  rules: {
    'import-direction': importDirection,
    'no-host-api': hostApi,
  },
};
