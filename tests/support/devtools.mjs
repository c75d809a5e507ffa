// The browser's own view of a page, through the Chrome DevTools Protocol: DOM and listener
// counters after a forced garbage collection, and the event listeners on an object with the
// script each handler comes from.
export async function openDevtools(page) {
  const cdp = await page.context().newCDPSession(page);
  const scripts = new Map();
  cdp.on('Debugger.scriptParsed', ({ scriptId, url }) => scripts.set(scriptId, url));
  await cdp.send('Debugger.enable');
  return {
    /**
    * Full garbage collections of the page's heap (its same-site frames share it). After each, waits
    * until a sentinel object registered in `frame` (the page by default) has been finalized: the
    * collection happened and the finalization callbacks it queued have started to run.
    */
    async collectGarbage(frame = page.mainFrame()) {
      for (let round = 1; round <= 3; round += 1) {
        await frame.evaluate(() => {
          window.gcSentinel ??= { finalized: 0, registry: new FinalizationRegistry(() => (window.gcSentinel.finalized += 1)) };
          window.gcSentinel.registry.register({}, 'sentinel');
        });
        await cdp.send('HeapProfiler.collectGarbage');
        await frame.waitForFunction((expected) => window.gcSentinel.finalized >= expected, round);
      }
    },

    /** { documents, nodes, jsEventListeners } of the page after garbage collection. */
    async counters() {
      await this.collectGarbage();
      return cdp.send('Memory.getDOMCounters');
    },

    /**
    * The listeners on the object `expression` evaluates to (in the page's main world):
    * [{ type, capture, script }] where script is the URL of the handler's script ('' for code
    * evaluated without one).
    */
    async listeners(expression) {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, objectGroup: 'listeners' });
      if (exceptionDetails || !result.objectId) {
        throw new Error(`${expression} is not an object in the page: ${exceptionDetails?.exception?.description ?? result.type}`);
      }
      try {
        const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth: 0 });
        return listeners.map((listener) => ({ type: listener.type, capture: listener.useCapture, script: scripts.get(listener.scriptId) ?? '' }));
      } finally {
        await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'listeners' });
      }
    },

    detach: () => cdp.detach(),
  };
}
