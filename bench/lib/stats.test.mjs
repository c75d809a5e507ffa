// The bench's arithmetic and table: a wrong median or a "met" without a measurement would make
// the printed table lie.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bytes, count, markdownTable, median, ms, percentile, ratio, times, verdict } from './stats.mjs';

test('the median of an odd and of an even number of samples is a sample (nearest rank), whatever their order', () => {
  assert.equal(median([30, 10, 20]), 20);
  assert.equal(median([40, 10, 30, 20]), 20);
  assert.equal(median([5]), 5);
  assert.equal(median([]), undefined);
  assert.equal(median([NaN, undefined, 7]), 7, 'runs that measured nothing are left out');
});

test('p95 of frame times is the frame at or above 95% of the frames', () => {
  const frames = Array.from({ length: 100 }, (_, i) => i + 1);
  assert.equal(percentile(frames, 95), 95);
  assert.equal(percentile(frames, 100), 100);
  assert.equal(percentile([16.7, 16.7, 50], 95), 50, 'one long frame of three is the p95');
});

test('a ratio needs both values and a divisor that is not 0', () => {
  assert.equal(ratio(500, 100), 5);
  assert.equal(ratio(undefined, 100), undefined);
  assert.equal(ratio(500, 0), undefined);
});

test('the table shows units, and "not measured" where there is no value', () => {
  assert.equal(ms(12.345), '12.3 ms');
  assert.equal(ms(1958.4), '1,958 ms');
  assert.equal(ms(undefined), 'not measured');
  assert.equal(bytes(120 * 1024), '120.0 KB');
  assert.equal(bytes(17.5 * 1024 * 1024), '17.5 MB');
  assert.equal(times(5.04), '5.0×');
  assert.equal(times(undefined), 'not measured');
  assert.equal(count([1, 1, 1]), '1');
  assert.equal(count([1, 2, 2]), '1–2, median 2');
  assert.equal(count([]), 'not measured');
});

test('a goal is met or not met only when all its values were measured', () => {
  const fiveTimesFaster = (theirs, ours) => theirs / ours >= 5;
  assert.equal(verdict([600, 100], fiveTimesFaster), 'met');
  assert.equal(verdict([400, 100], fiveTimesFaster), 'not met');
  assert.equal(verdict([undefined, 100], fiveTimesFaster), 'not measured');
});

test('a Markdown table escapes pipes and refuses a row of the wrong width', () => {
  assert.equal(markdownTable(['a', 'b'], [['1', 'x | y']]), '| a | b |\n| --- | --- |\n| 1 | x \\| y |');
  assert.throws(() => markdownTable(['a', 'b'], [['1']]), /a row of 1 cells under a header of 2/);
});
