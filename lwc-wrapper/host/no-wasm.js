// Loaded before everything else by the record page's `?wasm=off`: a page without WebAssembly, as
// under Lightning Locker. A file rather than an inline script, which a strict CSP would block.
delete window.WebAssembly;
