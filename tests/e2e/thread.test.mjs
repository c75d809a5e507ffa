// The walking skeleton end to end: the emulator holds conversations, the backend learns them,
// and the widget, mounted by the real LWC on the Lightning-like record page, shows their messages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { customerWrites, useRunningProduct } from '../support/product.mjs';
import { waitForReplica } from '../support/replica.mjs';
import { alcmeon } from '../support/stack.mjs';

const product = useRunningProduct();

// "3:29 PM"-style hour and minute of a UTC date+time in a zone with a fixed offset.
function localClock(date, time, offsetMinutes) {
  const at = new Date(`${date}T${time}Z`).getTime() + offsetMinutes * 60_000;
  const local = new Date(at);
  const hours = local.getUTCHours() % 12 || 12;
  return `${hours}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
}

test('the widget shows a seeded conversation: each message with its author and local time', async () => {
  const [conversation] = await alcmeon(product.stack.emulatorUrl, '/actions/conversations/1001');
  const inbound = conversation.actions.filter((action) => action.type === 'task-create');
  const answers = conversation.actions.filter((action) => action.type === 'answer');
  assert.ok(inbound.length > 0 && answers.length > 0, 'the seed has customer messages and agent replies');

  const page = await product.browser.newPage();
  await page.goto(product.stack.pageUrl({ conversation: 1001, lang: 'en-US', tz: 'Asia/Kolkata' }));
  const messages = page.locator('.acw-message');
  await messages.first().waitFor();
  assert.equal(await messages.count(), inbound.length + answers.length);

  const first = inbound[0];
  const shown = page.locator('.acw-inbound', { hasText: first.task.message.content }).first();
  assert.equal(await shown.locator('.acw-bubble').textContent(), first.task.message.content);
  assert.equal(await shown.locator('.acw-author').textContent(), first.task.message.author.name);
  const time = await shown.locator('.acw-time').textContent();
  const clock = localClock(first.task.message.date, first.task.message.time, 330);
  assert.ok(time.includes(clock), `"${time}" shows ${clock}, the Asia/Kolkata time`);

  const reply = answers[0];
  const shownReply = page.locator('.acw-outbound', { hasText: reply.data.answers[0].content }).first();
  assert.equal(await shownReply.locator('.acw-author').textContent(), reply.user.name);
  assert.equal(await page.locator('[role="log"]').count(), 1);
  await page.close();
});

test('a message that reaches the backend by webhook shows as inert text, never as HTML', async () => {
  const hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script> &amp; <b>bold</b>';
  const actionId = await customerWrites(product.stack.emulatorUrl, 1002, hostile);
  await waitForReplica(product.stack.backendUrl, actionId, 'latest_action_id');

  const page = await product.browser.newPage();
  await page.goto(product.stack.pageUrl({ conversation: 1002 }));
  const bubble = page.locator('.acw-bubble', { hasText: 'onerror' });
  await bubble.waitFor();
  assert.equal(await bubble.textContent(), hostile);
  assert.equal(await bubble.locator('img, script, b').count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await page.close();
});

test('the widget speaks the agent’s Salesforce language', async () => {
  const page = await product.browser.newPage();
  await page.goto(product.stack.pageUrl({ conversation: 1005, lang: 'fr', tz: 'Europe/Paris' }));
  const header = page.locator('.acw-header');
  await header.waitFor();
  assert.equal(await page.locator('.acw').getAttribute('lang'), 'fr');
  // Fluent isolates each placeable (U+2068…U+2069) so RTL names cannot reorder a sentence.
  const visible = (await header.textContent()).replace(/[\u2068\u2069]/g, '');
  assert.match(visible, /\d+ messages?/);
  assert.equal(await page.locator('.acw-channel').textContent(), 'Avis Google');
  await page.close();
});

test('the agent’s locale file comes from the static resource; without it the widget reads English', async () => {
  const fetched = [];
  const french = await product.browser.newPage();
  french.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await french.goto(product.stack.pageUrl({ conversation: 1005, lang: 'fr_FR', tz: 'Europe/Paris' }));
  await french.locator('.acw-header').waitFor();
  assert.ok(fetched.includes('/resource/alcmeonWidget/locales/fr.ftl'), fetched.join(' '));
  assert.equal((await french.locator('.acw-send').textContent()).trim(), 'Envoyer');
  await french.close();

  const offline = await product.browser.newPage();
  await offline.route('**/locales/*.ftl', (route) => route.abort());
  await offline.goto(product.stack.pageUrl({ conversation: 1005, lang: 'fr', tz: 'Europe/Paris' }));
  await offline.locator('.acw-header').waitFor();
  assert.equal(await offline.locator('.acw').getAttribute('lang'), 'en');
  assert.equal((await offline.locator('.acw-send').textContent()).trim(), 'Send');
  await offline.close();
});

test('in Arabic and in Kathmandu time the widget reads right to left and shows local times', async () => {
  const page = await product.browser.newPage();
  await page.goto(product.stack.pageUrl({ conversation: 1001, lang: 'ar', tz: 'Asia/Kathmandu' }));
  await page.locator('.acw-message').first().waitFor();
  const root = page.locator('.acw');
  assert.equal(await root.getAttribute('lang'), 'ar');
  assert.equal(await root.getAttribute('dir'), 'rtl');
  assert.equal((await page.locator('.acw-send').textContent()).trim(), 'إرسال');
  assert.equal(await page.locator('.acw-bubble').first().getAttribute('dir'), 'auto');
  // Kathmandu is UTC+5:45: the shown time is the UTC instant moved by 5 h 45 min, in Arabic.
  const time = page.locator('time.acw-time').first();
  const instant = new Date(await time.getAttribute('datetime'));
  const spaces = (text) => text.replace(/[\s\u202f]+/g, ' ').trim();
  const expected = spaces(new Intl.DateTimeFormat('ar', { timeZone: 'Asia/Kathmandu', timeStyle: 'short' }).format(instant));
  assert.equal(spaces(await time.textContent()), expected);
  const kathmanduMinute = (instant.getUTCMinutes() + 45) % 60;
  const latinDigits = expected.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660));
  assert.ok(latinDigits.includes(String(kathmanduMinute).padStart(2, '0')), `${expected} shows minute ${kathmanduMinute}`);
  await page.close();
});

test('an unknown conversation shows a clear message instead of an empty widget', async () => {
  const page = await product.browser.newPage();
  await page.goto(product.stack.pageUrl({ conversation: 999999 }));
  const alert = page.locator('.acw-error[role="alert"]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /not available yet/);
  await page.close();
});
