// The record page's configuration, written by the server as JSON into
// <script type="application/json" id="lightning-config"> (a CSP-safe data island, never run).
let config;

export function pageConfig() {
  if (!config) {
    config = JSON.parse(document.getElementById('lightning-config').textContent);
  }
  return config;
}
