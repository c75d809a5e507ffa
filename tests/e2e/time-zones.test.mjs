// Times in the agent's Salesforce time zone: the widget gets its zone's offsets from the backend
// (chrono-tz) and finds local days with them. The browser's own Intl time zone data is the
// independent oracle here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { customerWrites, useRunningProduct } from '../support/product.mjs';
import { waitForReplica } from '../support/replica.mjs';

const product = useRunningProduct();

// Each message's local date (YYYY-MM-DD) in `timeZone`, and the day separator it is shown under.
async function daysShown(timeZone) {
  const page = await product.browser.newPage();
  await page.goto(product.stack.pageUrl({ conversation: 1005, lang: 'en-US', tz: timeZone }));
  await page.locator('.acw-message', { hasText: 'Written just now' }).waitFor();
  const rows = await page.locator('[role="log"] li').evaluateAll((items) => {
    let separator = null;
    return items.flatMap((item) => {
      const day = item.querySelector('.acw-day-label');
      if (day) {
        separator = { date: day.getAttribute('datetime'), label: day.textContent };
        return [];
      }
      const time = item.querySelector('time.acw-time');
      return time ? [{ separator, at: time.getAttribute('datetime'), shown: time.textContent }] : [];
    });
  });
  await page.close();
  return rows;
}

function localDate(instant, timeZone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(instant));
}

test('agents in zones 25 hours apart see the same messages under different days', async () => {
  const actionId = await customerWrites(product.stack.emulatorUrl, 1005, 'Written just now');
  await waitForReplica(product.stack.backendUrl, actionId, 'latest_action_id');

  const separatorsByZone = {};
  for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
    const rows = await daysShown(zone);
    assert.ok(rows.length > 0);
    for (const row of rows) {
      assert.equal(row.separator?.date, localDate(row.at, zone), `${row.at} in ${zone}`);
      const time = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeStyle: 'short' }).format(new Date(row.at));
      assert.equal(row.shown.replace(/\s/g, ' '), time.replace(/\s/g, ' '), `${row.at} in ${zone}`);
    }
    const newest = rows.at(-1);
    assert.equal(newest.separator.label, 'Today', `the message written now is today in ${zone}`);
    separatorsByZone[zone] = new Map(rows.map((row) => [row.at, row.separator.date]));
  }
  // UTC+14 and UTC−11: every instant is on a different calendar day in the two zones.
  const [kiritimati, pagoPago] = Object.values(separatorsByZone);
  const shownToBoth = [...kiritimati.keys()].filter((at) => pagoPago.has(at));
  assert.ok(shownToBoth.length > 0);
  for (const at of shownToBoth) assert.notEqual(kiritimati.get(at), pagoPago.get(at), at);
});

test('an unknown time zone shows times in UTC with a visible note', async () => {
  const page = await product.browser.newPage();
  await page.goto(product.stack.pageUrl({ conversation: 1001, lang: 'en-US', tz: 'Mars/Olympus_Mons' }));
  const note = page.locator('.acw-note[role="note"]');
  await note.waitFor();
  assert.match(await note.textContent(), /Mars\/Olympus_Mons.*UTC/);
  const time = page.locator('time.acw-time').first();
  const utc = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', timeStyle: 'short' })
    .format(new Date(await time.getAttribute('datetime')));
  assert.equal((await time.textContent()).replace(/\s/g, ' '), utc.replace(/\s/g, ' '));
  await page.close();
});
