// The bench's table comes from what was measured: medians of the runs, goals judged on them, and
// "not measured" for whatever has no sample.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportMarkdown } from './report.mjs';

const machine = { cpu: 'Test CPU', cores: 2, memoryGiB: 4, chromium: '1.2.3', load: '0.00 0.00 0.00' };
const meta = { date: '2026-01-01T00:00:00Z', rounds: 3, sizes: [50, 1000], backend: 'release', durationMinutes: 1 };

function results({ oursAt1000, kitAt1000 }) {
  const open = (values) => ({ cold: values.map((navigationToPainted) => ({ navigationToPainted })), warm: [] });
  return {
    payload: { ours: 100 * 1024, kit: 90 * 1024, plain: 50 * 1024 },
    opens: {
      ours: { 50: open([300, 100, 200]), 1000: open(oursAt1000) },
      kit: { 50: open([400, 400, 400]), 1000: open(kitAt1000) },
      plain: { 50: open([]), 1000: open([]) },
    },
    heap: {},
    scroll: {},
    keys: {},
    jumps: [],
  };
}

const line = (table, start) => table.split('\n').find((row) => row.startsWith(`| ${start}`));

test('each open row shows the median of its runs, the ratio and the goal judged on them', () => {
  const table = reportMarkdown({ results: results({ oursAt1000: [100, 120, 110], kitAt1000: [700, 500, 600] }), machine, meta });
  assert.match(table, /Test CPU, 2 cores, 4\.0 GiB, Chromium 1\.2\.3/);
  assert.equal(line(table, 'navigation → newest message painted, 50 messages, cold'), '| navigation → newest message painted, 50 messages, cold cache | 200 ms | 400 ms | not measured | 2.0× | never slower than chatscope | met |');
  assert.equal(line(table, 'navigation → newest message painted, 1,000 messages, cold'), '| navigation → newest message painted, 1,000 messages, cold cache | 110 ms | 600 ms | not measured | 5.5× | ≥ 5× faster than chatscope | met |');
  assert.match(line(table, 'payload'), /\| 100\.0 KB \| 90\.0 KB \| 50\.0 KB \| 0\.9× \| ≤ 120 KB \(ours\) \| met \|$/);
});

test('a goal missed says "not met", and rows without samples say "not measured"', () => {
  const table = reportMarkdown({ results: results({ oursAt1000: [200, 200, 200], kitAt1000: [700, 700, 700] }), machine, meta });
  assert.match(line(table, 'navigation → newest message painted, 1,000 messages, cold'), /\| 3\.5× \| ≥ 5× faster than chatscope \| not met \|$/);
  assert.match(line(table, 'navigation → newest message painted, 1,000 messages, warm'), /not measured \| not measured \| not measured \| not measured \| ≥ 5× faster than chatscope \| not measured \|$/);
  assert.match(line(table, 'requests per open'), /not measured \+ not measured .*\| 1 \+ 1 \| not measured \|$/);
  assert.match(line(table, 'ours, an older page loads'), /\| not measured · not measured \|.*\| ≤ 3 px \| not measured \|$/);
});
