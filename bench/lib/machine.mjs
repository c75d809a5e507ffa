// The machine the bench ran on, as the table's heading states it.
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

/** { cpu, cores, memory, load } of this machine; `browser` is Playwright's Browser. */
export function describeMachine(browser) {
  const processors = cpus();
  const model = processors[0]?.model?.trim() || modelFromCpuinfo() || 'unknown CPU';
  return {
    cpu: model,
    cores: processors.length,
    memoryGiB: totalmem() / 1024 ** 3,
    chromium: browser.version(),
    load: loadavg().map((value) => value.toFixed(2)).join(' '),
  };
}

function modelFromCpuinfo() {
  try {
    return /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}
