// One measurement each: opening a page until its newest message is painted (with what the page
// requested), scrolling the thread up, an older page arriving, keystrokes in the composer, and the
// page's memory. All times are on the page's clock (ms since navigation start) from page-probe.mjs.
import { pageProbe } from './page-probe.mjs';

export const VIEWPORT = { width: 900, height: 1000 };
const OPEN_TIMEOUT_MS = 120_000;
// After the newest message is painted, the open is over once no token or thread request has
// started for this long and none is in flight (the widget asks again after its stream opens).
const QUIET_MS = 750;

/** Where each renderer's requests and elements are. `ours` is the widget in the real LWC. */
export const OURS = {
  rootSelector: 'section.acw',
  messageSelector: '.acw-bubble',
  scrollSelector: '.acw-thread[role="log"]',
  composerSelector: '.acw-composer-text',
  widgetScript: /\/resource\/alcmeonWidget\/alcmeon_widget\.js$/,
  widgetFiles: /\/resource\/alcmeonWidget\//,
  tokenRequest: /\/apex\/AlcmeonSessionController\.getSessionToken$/,
};
export const KIT_PARTS = {
  kit: { scrollSelector: '.cs-message-list .scrollbar-container, .cs-message-list__scroll-wrapper', composerSelector: '.cs-message-input__content-editor' },
  plain: { scrollSelector: 'ul.plain-thread', composerSelector: '.plain textarea' },
};

const isThreadRequest = (url) => /\/v1\/conversations\/\d+\/thread$/.test(url.pathname) && url.searchParams.get('limit') !== '1';

/**
* Opens `url` in a new page of `context` with the probe for `selectors` ({ newest, rootSelector,
* messageSelector }) and waits for the newest message to be painted. Resolves to { page, marks,
* resources (resource timing), tokenRequests, threadRequests, wasmBytes }.
*/
export async function openUntilPainted(context, url, selectors) {
  const page = await context.newPage();
  await page.addInitScript(pageProbe, selectors);
  const counted = { token: 0, thread: 0, inFlight: new Set(), lastStart: 0 };
  page.on('request', (request) => {
    const target = new URL(request.url());
    const token = OURS.tokenRequest.test(target.pathname);
    const thread = isThreadRequest(target);
    if (!token && !thread) return;
    counted[token ? 'token' : 'thread'] += 1;
    counted.inFlight.add(request);
    counted.lastStart = Date.now();
  });
  const ended = (request) => counted.inFlight.delete(request);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  await page.goto(url);
  await page.waitForFunction(() => window.benchProbe.marks().painted !== undefined, null, { timeout: OPEN_TIMEOUT_MS, polling: 50 });
  while (counted.inFlight.size > 0 || Date.now() - counted.lastStart < QUIET_MS) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const { marks, resources } = await page.evaluate(() => ({
    marks: window.benchProbe.marks(),
    resources: performance.getEntriesByType('resource').map((entry) => ({
      name: entry.name,
      startTime: entry.startTime,
      responseEnd: entry.responseEnd,
      transferSize: entry.transferSize,
    })),
  }));
  return { page, marks, resources, tokenRequests: counted.token, threadRequests: counted.thread };
}

/** Ours: the open's chain on the page's clock (widget script requested → … → painted). */
export function widgetChain({ marks, resources }) {
  const script = resources.find((entry) => OURS.widgetScript.test(new URL(entry.name).pathname));
  const threads = resources.filter((entry) => isThreadRequest(new URL(entry.name)));
  const files = resources.filter((entry) => OURS.widgetFiles.test(new URL(entry.name).pathname));
  const from = script?.startTime;
  const since = (at) => (Number.isFinite(from) && Number.isFinite(at) ? at - from : undefined);
  return {
    navigationToPainted: marks.painted,
    scriptToPainted: since(marks.painted),
    scriptToCompiled: since(marks.wasmCompiled),
    scriptToMounted: since(marks.mounted),
    scriptToThreadRequested: since(threads[0]?.startTime),
    scriptToThreadReceived: since(threads[0]?.responseEnd),
    threadReceivedToPainted: Number.isFinite(threads[0]?.responseEnd) ? marks.painted - threads[0].responseEnd : undefined,
    widgetBytesTransferred: files.reduce((sum, entry) => sum + entry.transferSize, 0),
  };
}

/** The JS heap in use after a full garbage collection, and the wasm memories the probe saw. */
export async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.benchProbe.wasmMemoryBytes());
    return { jsHeap: usedSize, wasm };
  } finally {
    await cdp.detach();
  }
}

/**
* Scrolls the thread up with the mouse wheel, one notch (100 px) a frame for `notches` frames,
* and returns the animation frames' durations (ms) meanwhile.
*/
export async function wheelFrames(page, scrollSelector, notches = 120) {
  const box = await page.locator(scrollSelector).first().boundingBox();
  if (!box) return [];
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.evaluate(() => window.benchProbe.startFrames());
  for (let notch = 0; notch < notches; notch += 1) {
    await page.mouse.wheel(0, -100);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
  return page.evaluate(() => window.benchProbe.stopFrames());
}

/**
* Ours: jumps the log to its top, so an older page loads, and follows the bubble of the first
* visible message (the widget's promise: that bubble stays put) until the log is settled (not
* busy, 10 equal frames). It is sampled after each frame's rendering (a message posted from
* requestAnimationFrame), and a sample counts as painted only when the log's DOM did not change
* since this frame's first rAF callback (the bench's own, queued before the widget's next one): a
* task that changed it after the rendering would show rows no frame painted yet. Resolves to
* { worst, settled } in px from where the bubble was, or undefined when no older page came.
*/
export function olderPageJump(page) {
  return page.locator(OURS.scrollSelector).evaluate(
    (log) =>
      new Promise((resolve) => {
        let changed = false;
        const watcher = new MutationObserver(() => (changed = true));
        watcher.observe(log, { childList: true, subtree: true, characterData: true });
        const done = (value) => {
          watcher.disconnect();
          resolve(value);
        };
        const afterFrame = (callback) =>
          requestAnimationFrame(() => {
            changed = false;
            const channel = new MessageChannel();
            channel.port1.onmessage = callback;
            channel.port2.postMessage(0);
          });
        const messages = () => [...log.querySelectorAll('.acw-message')];
        const oldest = () => Math.min(...messages().map((m) => Number(m.dataset.itemId)));
        const oldestBefore = oldest();
        log.scrollTop = 0;
        const top = log.getBoundingClientRect().top;
        const anchor = messages().find((m) => m.getBoundingClientRect().bottom > top);
        if (!anchor) return done(undefined);
        const id = anchor.dataset.itemId;
        const at = () => log.querySelector(`.acw-message[data-item-id="${id}"] .acw-bubble`)?.getBoundingClientRect().top;
        const start = at();
        let worst = 0;
        let loaded = false;
        let previous;
        let stable = 0;
        let frames = 0;
        const step = () => {
          const now = at();
          if (now === undefined) return done({ worst: undefined, settled: undefined });
          if (!changed) worst = Math.max(worst, Math.abs(now - start));
          loaded ||= oldest() < oldestBefore;
          const settled = log.getAttribute('aria-busy') === 'false' && now === previous;
          stable = loaded && settled ? stable + 1 : 0;
          previous = now;
          if (stable >= 10) return done({ worst, settled: Math.abs(now - start) });
          if ((frames += 1) > 1200) return done(undefined);
          afterFrame(step);
        };
        afterFrame(step);
      }),
  );
}

/** Types `count` letters into the composer, one at a time; resolves to each keydown → frame time. */
export async function keystrokes(page, composerSelector, count = 20) {
  await page.locator(composerSelector).first().click();
  const before = (await page.evaluate(() => window.benchProbe.keystrokes())).length;
  for (let i = 0; i < count; i += 1) {
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
    await page.waitForFunction((n) => window.benchProbe.keystrokes().length >= n, before + i + 1, { polling: 'raf' });
  }
  return (await page.evaluate(() => window.benchProbe.keystrokes())).slice(before);
}
