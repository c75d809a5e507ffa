// lightning/platformResourceLoader stand-in, as the platform runs it without Lightning Web
// Security: one <script> (or <link>) per URL in the document's head, its promise shared by every
// later call, a failed load forgotten so it can be retried. Under LWS the page hands the component
// LWS's own wrapper instead (wrapDependency in runtime/platform.js), which fetches the script and
// evaluates it inside the component's sandbox.
const loads = new Map();

function load(url, create) {
  const resolved = new URL(url, document.baseURI).href;
  if (!loads.has(resolved)) {
    const promise = new Promise((resolve, reject) => {
      const element = create(resolved);
      element.addEventListener('load', () => resolve(), { once: true });
      element.addEventListener(
        'error',
        (event) => {
          loads.delete(resolved);
          reject(event);
        },
        { once: true }
      );
      document.head.appendChild(element);
    });
    loads.set(resolved, promise);
  }
  return loads.get(resolved);
}

export function loadScript(component, url) {
  return load(url, (src) => {
    const script = document.createElement('script');
    script.type = 'text/javascript';
    script.src = src;
    return script;
  });
}

export function loadStyle(component, url) {
  return load(url, (href) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.type = 'text/css';
    link.href = href;
    return link;
  });
}
