#!/usr/bin/env node
// Where one open of ours spends its time, for someone cutting it (not part of `make bench`): opens
// a conversation through the real LWC, cold, with Chrome's sampling CPU profiler running, and
// prints the page's requests and marks (ms from the widget script's request), then, from the last
// response the first view waits for to the newest message painted, the widget's functions by
// inclusive time and every function by self time. Each profile is also written to
// /tmp/open-<n>.cpuprofile (DevTools opens it). Needs the release servers and the static resource.
//
// Wasm functions have names only in a build that keeps its name section (wasm-opt drops it):
//   wasm-bindgen --target no-modules --no-typescript --keep-debug --out-dir /tmp/names \
//     --out-name alcmeon-widget target/wasm32-unknown-unknown/wasm-release/alcmeon_widget.wasm
//   then a copy of dist/ with that .wasm, through lwc-wrapper/scripts/build-static-resource.mjs
//   (and back from dist/ afterwards). Without names the timeline is still right.
//
//   PROFILE_SIZE=50  PROFILE_OPENS=3  PROFILE_TOP=25  BENCH_PROFILE=release
//   PROFILE_CPU=0    the same opens without the profiler (its sampling slows the page)
import { writeFileSync } from 'node:fs';
import { launchBrowser } from '../tests/support/browser.mjs';
import { startStack } from '../tests/support/stack.mjs';
import { createConversations, newestText } from './lib/conversations.mjs';
import { OURS, VIEWPORT } from './lib/measure.mjs';
import { pageProbe } from './lib/page-probe.mjs';

const SIZE = Number(process.env.PROFILE_SIZE ?? 50);
const OPENS = Number(process.env.PROFILE_OPENS ?? 3);
const TOP = Number(process.env.PROFILE_TOP ?? 25);
const CPU = process.env.PROFILE_CPU !== '0';

/** Self time (ms) per function, from samples taken between `from` and `to` (profile clock, µs). */
function selfTimes(profile, from, to) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i];
    at += delta;
    if (at < from || at > to) return;
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const file = url.split('/').pop();
    const key = `${functionName || '(anonymous)'} ${file}:${lineNumber}`;
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? delta) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** Runs in the page first: a 2 ms busy loop in a function the profile names, at a known page time. */
function clockAnchor() {
  function profileClockAnchor() {
    const start = performance.now();
    while (performance.now() - start < 2);
    return start;
  }
  window.profileAnchor = profileClockAnchor();
}

/** Page time (ms) → profile time (µs), from the anchor's first sample. */
function profileClock(profile, anchorPageMs) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i += 1) {
    at += profile.timeDeltas[i];
    if (byId.get(profile.samples[i]).callFrame.functionName === 'profileClockAnchor') {
      return (pageMs) => at + (pageMs - anchorPageMs) * 1000;
    }
  }
  throw new Error('the profile has no sample of the clock anchor');
}

/** Inclusive time (ms) per function (each counted once per sample), between `from` and `to`. */
function inclusiveTimes(profile, from, to) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const totals = new Map();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i];
    if (at < from || at > to) return;
    const seen = new Set();
    for (let node = id; node !== undefined; node = parent.get(node)) {
      const name = byId.get(node).callFrame.functionName || '(anonymous)';
      if (seen.has(name)) continue;
      seen.add(name);
      totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
    }
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

async function openOnce(context, url) {
  const page = await context.newPage();
  await page.addInitScript(pageProbe, { newest: newestText(SIZE), ...OURS });
  await page.addInitScript(clockAnchor);
  page.on('console', (message) => process.stdout.write(`  console.${message.type()}: ${message.text()}\n`));
  const cdp = await context.newCDPSession(page);
  if (CPU) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await page.goto(url);
  await page.waitForFunction(() => window.benchProbe.marks().painted !== undefined, null, { timeout: 60_000, polling: 50 });
  const { profile } = CPU ? await cdp.send('Profiler.stop') : {};
  const { marks, resources, anchor } = await page.evaluate(() => ({
    marks: window.benchProbe.marks(),
    anchor: window.profileAnchor,
    resources: performance.getEntriesByType('resource').map((e) => ({ name: e.name, startTime: e.startTime, responseEnd: e.responseEnd })),
  }));
  await page.close();
  return { profile, marks, resources, anchor };
}

async function main() {
  const stack = await startStack({ profile: process.env.BENCH_PROFILE ?? 'release' });
  const browser = await launchBrowser();
  try {
    const ids = await createConversations(stack, [SIZE]);
    const url = stack.pageUrl({ conversation: ids[SIZE], lang: 'en-US', tz: 'UTC' });
    for (let open = 0; open <= OPENS; open += 1) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      const run = await openOnce(context, url);
      await context.close();
      if (open === 0) continue; // warm-up
      const script = run.resources.find((r) => OURS.widgetScript.test(new URL(r.name).pathname));
      const t0 = script.startTime;
      const rel = (t) => (t - t0).toFixed(1);
      process.stdout.write(`\n== open ${open}, ${SIZE} messages (ms from the widget script's request)\n`);
      for (const r of run.resources.filter((r) => r.startTime >= t0 - 1)) {
        process.stdout.write(`  ${rel(r.startTime).padStart(7)} → ${rel(r.responseEnd).padStart(7)}  ${new URL(r.name).pathname}${new URL(r.name).search}\n`);
      }
      for (const [mark, at] of Object.entries(run.marks)) process.stdout.write(`  mark ${mark}: ${rel(at)}\n`);
      if (!run.profile) continue;
      writeFileSync(`/tmp/open-${open}.cpuprofile`, JSON.stringify(run.profile));
      // From the last response the first view waits for (the thread or the zone's rules) or
      // the mount, whichever is later, to the paint.
      const waited = run.resources.filter((r) => /\/v1\/(conversations\/\d+\/thread|time-zones\/)/.test(r.name) && !/limit=1/.test(r.name));
      const start = Math.max(run.marks.mounted, ...waited.map((r) => r.responseEnd).filter((t) => t < run.marks.painted));
      const toProfile = profileClock(run.profile, run.anchor);
      const from = toProfile(start);
      const to = toProfile(run.marks.painted);
      process.stdout.write(`  window: ${rel(start)} → ${rel(run.marks.painted)}\n`);
      const inclusive = inclusiveTimes(run.profile, from, to).filter(([name]) => /alcmeon_widget::|DateTimeFormat|JSON|synthetic/.test(name));
      process.stdout.write('  inclusive time of the widget\'s own functions in that window:\n');
      for (const [name, ms] of inclusive.slice(0, TOP)) process.stdout.write(`    ${ms.toFixed(2).padStart(7)} ms  ${name.slice(0, 150)}\n`);
      const top = selfTimes(run.profile, from, to);
      const sum = top.reduce((s, [, ms]) => s + ms, 0);
      process.stdout.write(`  self time in that window (${sum.toFixed(1)} ms sampled):\n`);
      for (const [name, ms] of top.slice(0, TOP)) process.stdout.write(`    ${ms.toFixed(2).padStart(7)} ms  ${name}\n`);
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
