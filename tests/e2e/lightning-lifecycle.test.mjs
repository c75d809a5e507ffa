// The real LWC created and removed again and again on the Lightning-like page, as an agent moving
// between records does: each removal must take the widget's nodes, listeners, timers and event
// stream with it; and where Leptos puts its event listeners when the widget lives in a shadow tree.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openDevtools } from '../support/devtools.mjs';
import { MODES } from '../support/modes.mjs';
import { useRunningProduct } from '../support/product.mjs';
import { CASE, COMPONENT_TAG, openRecordPage, widgetReady } from '../support/record-page.mjs';

const product = useRunningProduct({ verbose: !!process.env.VERBOSE });

const CYCLES = 100;
// One widget left behind is about 180 DOM nodes and 7 listeners (its thread, composer and
// buttons): the slack is below that, so even a single leaked widget fails.
const NODE_SLACK = 50;
const LISTENER_SLACK = 5;

const component = (selector) => `document.querySelector('${COMPONENT_TAG}').shadowRoot.querySelector('${selector}')`;

// Removes the component (navigating away from the record) and, in the same task — before any
// timer, stream callback or garbage-collection finalizer can run — reads what the widget left.
function removeComponent(page) {
  return page.evaluate((tag) => {
    const mount = document.querySelector(tag).shadowRoot.querySelector('.mount');
    window.lightningHarness.unmount();
    return {
      widgetNodes: [...mount.children].filter((node) => !node.matches('link[data-alcmeon-widget-style]')).length,
      openStreams: window.lightningProbes.openStreams(),
      timers: window.lightningProbes.pendingTimers(),
    };
  }, COMPONENT_TAG);
}

// Every /events request the browser made, and whether it has ended (finished or aborted).
function trackEventStreams(page) {
  const open = new Set();
  let started = 0;
  const whenNoneOpen = [];
  const settle = () => {
    if (open.size === 0) whenNoneOpen.splice(0).forEach((resolve) => resolve());
  };
  page.on('request', (request) => {
    if (/\/events(\?|$)/.test(request.url())) {
      started += 1;
      open.add(request);
    }
  });
  const end = (request) => {
    open.delete(request);
    settle();
  };
  page.on('requestfinished', end);
  page.on('requestfailed', end);
  return {
    started: () => started,
    /** Resolves once no /events request is open; rejects naming what is left after 10 s. */
    allEnded(what) {
      const ended = new Promise((resolve) => {
        whenNoneOpen.push(resolve);
        settle();
      });
      let timer;
      const late = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: ${open.size} of ${started} /events requests still open`)), 10_000);
      });
      return Promise.race([ended, late]).finally(() => clearTimeout(timer));
    },
  };
}

// What a removal must leave at once: no widget node in the removed component, its event stream
// aborted, and the page's timers as they were before any widget.
function assertNothingLeft(left, pageTimers, when) {
  assert.equal(left.widgetNodes, 0, `${when}: the widget's nodes were removed`);
  assert.equal(left.openStreams, 0, `${when}: the widget's event stream was aborted`);
  assert.deepEqual(left.timers, pageTimers, `${when}: the widget's timers were cleared`);
}

for (const mode of MODES) {
  test(`${mode.name}: creating and removing the component ${CYCLES} times leaves no widget node, listener, timer or event stream behind`, async () => {
    const { page, context, errors } = await openRecordPage(product, { ...mode.page, object: CASE, conversation: 1001, mount: 'manual' });
    const streams = trackEventStreams(page);
    const devtools = await openDevtools(page);
    const pageTimers = await page.evaluate(() => window.lightningProbes.pendingTimers());
    const mountAndRemove = async (when) => {
      assert.equal(await page.evaluate(() => window.lightningHarness.mount()), true);
      await widgetReady(page);
      assertNothingLeft(await removeComponent(page), pageTimers, when);
    };

    // The baseline: the page after one mount and removal (the widget's script, wasm and
    // stylesheet are loaded once per page and stay).
    await mountAndRemove('first removal');
    await streams.allEnded('the first widget’s /events request ended');
    const baseline = await devtools.counters();

    for (let cycle = 1; cycle <= CYCLES; cycle += 1) {
      await mountAndRemove(`removal ${cycle}`);
    }
    assert.equal(await page.evaluate(() => window.lightningProbes.streamsOpened()), CYCLES + 1, 'every mount opened one event stream');
    await streams.allEnded('every /events request ended');
    assert.equal(streams.started(), CYCLES + 1);

    const end = await devtools.counters();
    assert.ok(end.nodes <= baseline.nodes + NODE_SLACK, `DOM nodes back near the baseline: ${end.nodes} after, ${baseline.nodes} before`);
    assert.ok(
      end.jsEventListeners <= baseline.jsEventListeners + LISTENER_SLACK,
      `event listeners back near the baseline: ${end.jsEventListeners} after, ${baseline.jsEventListeners} before`,
    );
    assert.deepEqual(await page.evaluate(() => window.lightningProbes.pendingTimers()), pageTimers, 'no timer left pending');
    assert.equal(await page.locator(COMPONENT_TAG).count(), 0);
    assert.equal(await page.locator('.acw').count(), 0, 'no widget node left in the page');
    assert.deepEqual(errors, [], 'no error on the page');
    await devtools.detach();
    await context.close();
  });
}

// Leptos 0.8 without its `delegation` feature (Cargo.toml) adds each listener to the element that
// declares it. Under synthetic shadow every one is wrapped by @lwc/synthetic-shadow's
// addEventListener patch, which filters events by their composed path.
for (const mode of MODES.filter((m) => !m.page.csp || m.page.lws)) {
  test(`${mode.name}: the composer's listeners sit on its own elements, and none of the widget's on document or window`, async () => {
    const { page, context } = await openRecordPage(product, { ...mode.page, object: CASE, conversation: 1001, mount: 'manual' });
    const devtools = await openDevtools(page);
    const pageLevel = async () => ({ document: await devtools.listeners('document'), window: await devtools.listeners('window') });
    const before = await pageLevel();

    await page.evaluate(() => window.lightningHarness.mount());
    await widgetReady(page);
    const composer = {
      textarea: await devtools.listeners(component('.acw-composer-text')),
      form: await devtools.listeners(component('.acw-composer')),
      button: await devtools.listeners(component('.acw-send')),
    };
    const handlerScript = mode.nativeShadow ? /\/resource\/alcmeonWidget\/alcmeon_widget\.js$/ : /\/lightning\/js\/synthetic-shadow\.js$/;
    assert.deepEqual(composer.textarea.map((l) => l.type).sort(), ['input', 'keydown'], 'the textarea listens for input and keydown itself');
    assert.deepEqual(composer.form.map((l) => l.type), ['submit'], 'the form listens for submit itself (the Send button is its submit button)');
    assert.deepEqual(composer.button, [], 'the Send button has no listener of its own');
    for (const listener of [...composer.textarea, ...composer.form]) {
      assert.equal(listener.capture, false, `${listener.type} listens in the bubbling phase`);
      assert.match(listener.script, handlerScript, `${listener.type}: handler from ${listener.script}`);
    }
    assert.deepEqual(await pageLevel(), before, 'mounting added no listener to document or window');

    await page.evaluate((tag) => {
      const root = document.querySelector(tag).shadowRoot;
      window.removedComposer = { textarea: root.querySelector('.acw-composer-text'), form: root.querySelector('.acw-composer') };
    }, COMPONENT_TAG);
    await removeComponent(page);
    assert.deepEqual(await devtools.listeners('window.removedComposer.textarea'), [], 'removal took the textarea’s listeners off');
    assert.deepEqual(await devtools.listeners('window.removedComposer.form'), [], 'removal took the form’s listener off');
    assert.deepEqual(await pageLevel(), before, 'document and window listen to what they did before the widget');
    await devtools.detach();
    await context.close();
  });
}
