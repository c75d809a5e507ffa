// Reads `twiggy top --format csv` of the widget's wasm (built with v0 symbol mangling, so every
// monomorphized function names its generic arguments) and prints two tables as Markdown:
// - by crate: which crate's code each byte is (the crate the function belongs to);
// - by widget module: the code compiled for each module of `src/` (or `protocol`), counting a
//   generic function of Leptos or serde under the first of our modules its arguments name.
// The sizes are before wasm-opt and compression; the brotli column spreads the shipped wasm's
// brotli size in proportion, an estimate (code and data compress differently).
// usage: node bench/widget-shares.mjs <twiggy.csv> <shipped brotli bytes>
import { readFileSync } from 'node:fs';

const [csvPath, shippedBrotli] = process.argv.slice(2);
const rows = readFileSync(csvPath, 'utf8').trim().split('\n').slice(1).map(parseRow);

function parseRow(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') { field += '"'; i++; }
    else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) { fields.push(field); field = ''; }
    else field += c;
  }
  fields.push(field);
  return { name: fields[0], size: Number(fields[1]) };
}

const measured = rows.filter(({ name }) => !name.includes('"function names"') && !name.startsWith('custom section'));
const total = measured.reduce((sum, { size }) => sum + size, 0);

function crateOf(name) {
  if (/^data\[/.test(name)) return 'data (strings, tables, vtables)';
  if (/^(elem|table|type|import|export)\b/.test(name)) return 'wasm tables and imports';
  const match = name.match(/^[<&\s]*(?:mut\s+|dyn\s+)*([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
  return match ? match[1] : 'other';
}

function moduleOf(name) {
  const ours = name.match(/alcmeon_widget(?:\[[0-9a-f]+\])?::([a-z_0-9]+)(?:::([a-z_0-9]+))?/);
  if (ours) {
    const nested = ['components', 'conversation', 'engagement', 'api'].includes(ours[1]) && ours[2];
    return `src/${ours[1]}${nested ? `/${ours[2]}` : ''}`;
  }
  const protocol = name.match(/protocol(?:\[[0-9a-f]+\])?::([a-z_0-9]+)/);
  if (protocol) return `protocol::${protocol[1]}`;
  return '(no type of ours: runtime, std, libraries)';
}

function table(title, keyOf, limit) {
  const sums = new Map();
  for (const { name, size } of measured) {
    const key = keyOf(name);
    sums.set(key, (sums.get(key) ?? 0) + size);
  }
  const sorted = [...sums].sort((a, b) => b[1] - a[1]);
  const shown = sorted.slice(0, limit);
  const rest = sorted.slice(limit).reduce((sum, [, size]) => sum + size, 0);
  if (rest) shown.push([`${sorted.length - limit} more`, rest]);
  const lines = [`| ${title} | bytes before wasm-opt | share | ≈ brotli bytes shipped |`, '|---|---:|---:|---:|'];
  for (const [key, size] of shown) {
    const share = size / total;
    lines.push(`| ${key} | ${size.toLocaleString('en')} | ${(share * 100).toFixed(1)} % | ${Math.round(share * shippedBrotli).toLocaleString('en')} |`);
  }
  return lines.join('\n');
}

console.log(table('crate', crateOf, 30));
console.log();
console.log(table('compiled for', moduleOf, 40));
console.log();
console.log(`Total ${total.toLocaleString('en')} bytes of code and data before wasm-opt; shipped wasm ${Number(shippedBrotli).toLocaleString('en')} bytes after brotli.`);
