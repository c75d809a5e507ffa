// The bench's one table, from what the rounds measured (see run.mjs for the shape of `results`).
// Every number is a median over the rounds unless its row says otherwise; nothing here is typed
// in by hand, and a row without samples says "not measured".
import { bytes, count, markdownTable, median, ms, percentile, ratio, times, verdict } from './stats.mjs';

const RENDERERS = ['ours', 'kit', 'plain'];
const NAMES = { ours: 'ours (widget in the LWC)', kit: 'chatscope 2.1.1 + React 19', plain: 'plain React `<li>`' };
const size = (n) => n.toLocaleString('en-US');
// A 60 Hz frame; headless Chromium's frame timestamps vary around it by a few tenths of a ms.
const FRAME_MS = 1000 / 60;
const FRAME_JITTER_MS = 0.5;

/** The values of `field` over the runs of one renderer, size and cache state. */
const runs = (results, renderer, messages, cache, field) => (results.opens[renderer]?.[messages]?.[cache] ?? []).map((run) => run[field]);
const medianOf = (...args) => median(runs(...args));

export function reportMarkdown({ results, machine, meta }) {
  const header = ['measure', NAMES.ours, NAMES.kit, NAMES.plain, 'chatscope / ours', 'goal', 'verdict'];
  const rows = [];
  const row = (measure, values, ratioText = '', goal = '', verdictText = '') => rows.push([measure, ...values, ratioText, goal, verdictText]);

  row('payload, brotli (wasm + glue + css; js + css)', RENDERERS.map((r) => bytes(results.payload[r])), times(ratio(results.payload.kit, results.payload.ours)), '≤ 120 KB (ours)',
    verdict([results.payload.ours], (ours) => ours <= 120 * 1024));

  for (const messages of meta.sizes) {
    for (const cache of ['cold', 'warm']) {
      const values = Object.fromEntries(RENDERERS.map((r) => [r, medianOf(results, r, messages, cache, 'navigationToPainted')]));
      const faster = ratio(values.kit, values.ours);
      let goal = '';
      let verdictText = '';
      if (messages === 50) {
        goal = 'never slower than chatscope';
        verdictText = verdict([values.ours, values.kit], (ours, kit) => ours <= kit);
      } else if (messages === 1000) {
        goal = '≥ 5× faster than chatscope';
        verdictText = verdict([faster], (x) => x >= 5);
      }
      row(`navigation → newest message painted, ${size(messages)} messages, ${cache} cache`, RENDERERS.map((r) => ms(values[r])), times(faster), goal, verdictText);
    }
  }

  for (const messages of meta.sizes) {
    for (const cache of ['cold', 'warm']) {
      const at = (field) => ms(medianOf(results, 'ours', messages, cache, field));
      const painted = medianOf(results, 'ours', messages, cache, 'scriptToPainted');
      const chain = `compiled ${at('scriptToCompiled')} · mounted ${at('scriptToMounted')} · thread asked ${at('scriptToThreadRequested')} · received ${at('scriptToThreadReceived')} · painted ${ms(painted)}`;
      const goal = messages === 50 || messages === 10000 ? '≤ 100 ms script → painted' : '';
      const kitOpen = medianOf(results, 'kit', messages, cache, 'navigationToPainted');
      row(`ours, widget script requested → …, ${size(messages)} messages, ${cache}`, [chain, '—', '—'], `${times(ratio(kitOpen, painted))} (¹)`, goal, goal ? verdict([painted], (x) => x <= 100) : '');
    }
  }

  const received = meta.sizes.map((m) => `${size(m)}: ${ms(medianOf(results, 'ours', m, 'cold', 'threadReceivedToPainted'))}`).join(' · ');
  row('ours, thread response → newest painted (cold)', [received, '—', '—']);

  const requests = (field) => count(meta.sizes.flatMap((m) => ['cold', 'warm'].flatMap((c) => runs(results, 'ours', m, c, field))));
  row('requests per open: session tokens + thread pages', [`${requests('tokenRequests')} + ${requests('threadRequests')}`, '—', '—'], '', '1 + 1',
    verdict([Math.max(...meta.sizes.flatMap((m) => ['cold', 'warm'].flatMap((c) => runs(results, 'ours', m, c, 'tokenRequests')))),
      Math.max(...meta.sizes.flatMap((m) => ['cold', 'warm'].flatMap((c) => runs(results, 'ours', m, c, 'threadRequests'))))], (t, p) => t === 1 && p === 1));
  const transferred = meta.sizes.flatMap((m) => runs(results, 'ours', m, 'warm', 'widgetBytesTransferred'));
  row('ours, widget bytes over the network on a warm open', [count(transferred), '—', '—'], '', '0 (cached as Lightning caches it)', verdict([Math.max(...transferred)], (b) => b === 0));

  const largest = Math.max(...meta.sizes);
  const p95 = Object.fromEntries(RENDERERS.map((r) => [r, percentile(results.scroll[r] ?? [], 95)]));
  const dropped = (r) => {
    const frames = results.scroll[r] ?? [];
    return frames.length ? `${((100 * frames.filter((delta) => delta > 1.5 * FRAME_MS).length) / frames.length).toFixed(1)}% dropped` : 'not measured';
  };
  row(`scrolling up ${size(largest)} messages (wheel), frame time p95 · frames over 1.5 frames (all rounds' frames)`, RENDERERS.map((r) => `${ms(p95[r])} · ${dropped(r)}`), times(ratio(p95.kit, p95.ours)),
    `≤ 16.7 ms (one 60 Hz frame, ±${FRAME_JITTER_MS} ms of timer jitter)`, verdict([p95.ours], (x) => x <= FRAME_MS + FRAME_JITTER_MS));
  const jumps = results.jumps.filter(Boolean);
  const worstOf = (field) => (jumps.length && jumps.every((jump) => Number.isFinite(jump[field])) ? Math.max(...jumps.map((jump) => jump[field])) : undefined);
  const px = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} px` : 'not measured');
  const [painted, settled] = [worstOf('worst'), worstOf('settled')];
  row(`ours, an older page loads at the top: first visible row moved, in any painted frame · once settled (worst of ${jumps.length})`, [`${px(painted)} · ${px(settled)}`, '—', '—'], '', '≤ 3 px',
    verdict([painted, settled], (a, b) => a <= 3 && b <= 3));

  const keys = Object.fromEntries(RENDERERS.map((r) => [r, results.keys[r] ?? []]));
  row(`keystroke → next frame in the composer, ${size(largest)} messages (median · p95)`, RENDERERS.map((r) => `${ms(median(keys[r]))} · ${ms(percentile(keys[r], 95))}`),
    times(ratio(median(keys.kit), median(keys.ours))), '≤ 16 ms', verdict([median(keys.ours)], (x) => x <= 16));

  for (const messages of meta.sizes) {
    const heaps = Object.fromEntries(RENDERERS.map((r) => [r, median((results.heap[r]?.[messages] ?? []).map((m) => m.jsHeap))]));
    const wasm = median((results.heap.ours?.[messages] ?? []).map((m) => m.wasm));
    row(`JS heap after open (after GC), ${size(messages)} messages`, [`${bytes(heaps.ours)} + ${bytes(wasm)} wasm`, bytes(heaps.kit), bytes(heaps.plain)], times(ratio(heaps.kit, heaps.ours)));
  }
  const { afterOpen, afterSwitches, switches } = results.switches ?? {};
  row(`ours, memory after open → after ${switches ?? 100} record switches (one run, 50 messages)`,
    [afterOpen ? `${bytes(afterOpen.jsHeap)} + ${bytes(afterOpen.wasm)} wasm → ${bytes(afterSwitches?.jsHeap)} + ${bytes(afterSwitches?.wasm)} wasm` : 'not measured', '—', '—']);

  const heading = [
    `Measured ${meta.date} on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB.toFixed(1)} GiB, Chromium ${machine.chromium} (headless), load average at start ${machine.load}.`,
    `${meta.backend} backend and emulator on loopback; ${meta.rounds} interleaved rounds after one warm-up round; medians unless a row says otherwise. ` +
      'Cold: a fresh browser context; warm: a second open in the same context (the widget\'s static resource and the kits\' bundles cached for a day, as Salesforce serves static resources). ' +
      'Painted: the first frame after the newest message is in the DOM. Ours runs in the real LWC on the Lightning-like record page (synthetic shadow), so its navigation includes that page\'s own scripts; the kits\' pages hold only their bundle. ' +
      `Run took ${meta.durationMinutes.toFixed(1)} min.`,
  ];
  const notes = [
    "(¹) chatscope's navigation → painted divided by ours' widget script requested → painted: what the widget itself costs once the record page is there, against the kit's whole page.",
  ];
  return `${heading.join('\n\n')}\n\n${markdownTable(header, rows)}\n\n${notes.join('\n')}\n`;
}
