#!/usr/bin/env node
// `make bench`: the widget's speed side by side with @chatscope/chat-ui-kit-react and plain React,
// in one headless Chromium run on this machine; prints one table and writes it to
// bench/results/latest.md. Not part of `make test`.
//
//   BENCH_ROUNDS=12      interleaved rounds (at least 10 for the table's medians; fewer to try it)
//   BENCH_PROFILE=release  the servers' cargo profile (`make bench` builds release; debug works too)
//   BENCH_SIZES=50,1000,10000  the conversations' message counts (the goals are stated for these)
//   VERBOSE=1            echo the servers' logs
//
// Each round opens, for every size and for ours, the kit and the floor in a rotating order, a
// cold and then a warm open in one fresh browser context; at the largest size the warm page also
// gives memory, keystrokes, wheel-scrolling frames and (ours) an older page's arrival.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { launchBrowser } from '../tests/support/browser.mjs';
import { ROOT, startStack } from '../tests/support/stack.mjs';
import { createConversations, newestText, wholeThread } from './lib/conversations.mjs';
import { KIT_SELECTORS, startKitServer } from './lib/kit-server.mjs';
import { describeMachine } from './lib/machine.mjs';
import { KIT_PARTS, OURS, VIEWPORT, keystrokes, memory, olderPageJump, openUntilPainted, wheelFrames, widgetChain } from './lib/measure.mjs';
import { reportMarkdown } from './lib/report.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12);
const PROFILE = process.env.BENCH_PROFILE ?? 'release';
const SIZES = (process.env.BENCH_SIZES ?? '50,1000,10000').split(',').map(Number);
const LARGEST = Math.max(...SIZES);
const RENDERERS = ['ours', 'kit', 'plain'];
const SWITCHES = 100;
const OLDER_PAGES_PER_ROUND = 2;
const RESOURCE_DIR = join(ROOT, 'lwc-wrapper', 'force-app', 'main', 'default', 'staticresources', 'alcmeonWidget');
const RESULT_FILE = join(ROOT, 'bench', 'results', 'latest.md');

const log = (text) => process.stderr.write(`[bench] ${text}\n`);

/** Brotli (quality 11) bytes of the widget's three files, as bench/widget-size counts them. */
function widgetPayload() {
  return ['alcmeon_widget_bg.wasm', 'alcmeon_widget.js', 'widget.css']
    .map((file) => brotliCompressSync(readFileSync(join(RESOURCE_DIR, file)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length)
    .reduce((a, b) => a + b, 0);
}

function emptyResults() {
  const bySize = () => Object.fromEntries(SIZES.map((size) => [size, { cold: [], warm: [] }]));
  return {
    opens: Object.fromEntries(RENDERERS.map((r) => [r, bySize()])),
    heap: Object.fromEntries(RENDERERS.map((r) => [r, Object.fromEntries(SIZES.map((size) => [size, []]))])),
    scroll: Object.fromEntries(RENDERERS.map((r) => [r, []])),
    keys: Object.fromEntries(RENDERERS.map((r) => [r, []])),
    jumps: [],
  };
}

/** Where and how to open one renderer at one size. */
function target({ stack, kit, ids }, renderer, size) {
  const newest = newestText(size);
  if (renderer === 'ours') {
    return { url: stack.pageUrl({ conversation: ids[size], lang: 'en-US', tz: 'UTC' }), probe: { newest, ...OURS }, parts: OURS };
  }
  return { url: kit.pageUrl(renderer, size), probe: { newest, ...KIT_SELECTORS[renderer] }, parts: KIT_PARTS[renderer] };
}

/** One cold and one warm open of `renderer` at `size`, recorded into `results` (unless null). */
async function openPair(setup, results, renderer, size) {
  const { url, probe, parts } = target(setup, renderer, size);
  const context = await setup.browser.newContext({ viewport: VIEWPORT });
  try {
    for (const cache of ['cold', 'warm']) {
      const opened = await openUntilPainted(context, url, probe);
      const run = renderer === 'ours' ? { ...widgetChain(opened), tokenRequests: opened.tokenRequests, threadRequests: opened.threadRequests } : { navigationToPainted: opened.marks.painted };
      if (results) results.opens[renderer][size][cache].push(run);
      if (results && cache === 'warm') {
        results.heap[renderer][size].push(await memory(opened.page));
        if (size === LARGEST) await pageExtras(opened.page, results, renderer, parts);
      }
      await opened.page.close();
    }
  } finally {
    await context.close();
  }
}

/** On a warm page of the largest thread: keystrokes, wheel-scrolling frames, older pages (ours). */
async function pageExtras(page, results, renderer, parts) {
  results.keys[renderer].push(...(await keystrokes(page, parts.composerSelector)));
  results.scroll[renderer].push(...(await wheelFrames(page, parts.scrollSelector)));
  if (renderer !== 'ours') return;
  for (let load = 0; load < OLDER_PAGES_PER_ROUND; load += 1) results.jumps.push(await olderPageJump(page));
}

/** Ours on one page: memory after the first mount and after `SWITCHES` unmount + mount cycles. */
async function recordSwitches({ stack, browser, ids }) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript((await import('./lib/page-probe.mjs')).pageProbe, { newest: '', ...OURS });
    await page.goto(stack.pageUrl({ conversation: ids[SIZES[0]], lang: 'en-US', tz: 'UTC', mount: 'manual' }));
    const mounted = async () => {
      await page.evaluate(() => window.lightningHarness.mount());
      await page.locator(OURS.composerSelector).waitFor({ timeout: 30_000 });
    };
    await mounted();
    const afterOpen = await memory(page);
    for (let i = 0; i < SWITCHES; i += 1) {
      await page.evaluate(() => window.lightningHarness.unmount());
      await mounted();
    }
    return { afterOpen, afterSwitches: await memory(page), switches: SWITCHES };
  } finally {
    await context.close();
  }
}

async function main() {
  if (!Number.isSafeInteger(ROUNDS) || ROUNDS < 1) throw new Error(`BENCH_ROUNDS must be a positive whole number, not ${process.env.BENCH_ROUNDS}`);
  const started = Date.now();
  // Creating 11,050 messages and backfilling them needs more than Alcméon's 15 calls a minute on
  // both sides (the backend's governor reads this process's environment).
  process.env.ALCMEON_RATE_LIMIT_PER_MINUTE = '100000';
  const stack = await startStack({ profile: PROFILE, verbose: !!process.env.VERBOSE, emulatorEnv: { ALCMEON_EMULATOR_RATE_LIMIT_PER_MINUTE: '100000' } });
  let browser;
  let kit;
  try {
    browser = await launchBrowser();
    log(`creating ${SIZES.join(', ')}-message conversations and backfilling them`);
    const ids = await createConversations(stack, SIZES);
    const threads = {};
    for (const size of SIZES) threads[size] = await wholeThread(stack, ids[size]);
    kit = await startKitServer({ threads });
    const setup = { stack, browser, kit, ids };
    const results = { ...emptyResults(), payload: { ours: widgetPayload(), ...kit.payload } };

    log('warm-up round (not counted)');
    for (const size of SIZES) for (const renderer of RENDERERS) await openPair(setup, null, renderer, size);
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = RENDERERS.map((_, i) => RENDERERS[(i + round) % RENDERERS.length]);
      log(`round ${round + 1} of ${ROUNDS}: ${order.join(', ')}`);
      for (const size of SIZES) for (const renderer of order) await openPair(setup, results, renderer, size);
    }
    log(`${SWITCHES} record switches`);
    results.switches = await recordSwitches(setup);

    const meta = { date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), rounds: ROUNDS, sizes: SIZES, backend: PROFILE, durationMinutes: (Date.now() - started) / 60_000 };
    const table = reportMarkdown({ results, machine: describeMachine(browser), meta });
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(RESULT_FILE, `# make bench: latest run\n\n${table}`);
    process.stdout.write(`${table}\n(written to bench/results/latest.md)\n`);
  } finally {
    await browser?.close();
    await kit?.close();
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
