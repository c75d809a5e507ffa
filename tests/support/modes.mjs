// The hosting modes the browser tests run the component in (query options of the record page, see
// tests/lightning/server.mjs), with what each one must show to be the mode it claims.
export const MODES = [
  {
    name: 'synthetic shadow (as Lightning Experience runs)',
    page: { shadow: 'synthetic' },
    nativeShadow: false,
    sandboxed: false,
  },
  {
    name: 'synthetic shadow inside the LWS sandbox, CSP script-src self unsafe-eval',
    page: { shadow: 'synthetic', lws: 'on', csp: 'self-eval' },
    nativeShadow: false,
    sandboxed: true,
  },
  {
    name: 'native shadow',
    page: { shadow: 'native' },
    nativeShadow: true,
    sandboxed: false,
  },
  {
    name: 'synthetic shadow, CSP script-src self wasm-unsafe-eval',
    page: { shadow: 'synthetic', csp: 'self-wasm' },
    nativeShadow: false,
    sandboxed: false,
  },
];
