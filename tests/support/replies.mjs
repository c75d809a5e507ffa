// What the agent does to reply, and what Alcméon (the emulator) received: shared by the browser
// tests that send replies, whatever hosts the widget (host page, Lightning-like page, frame).
import assert from 'node:assert/strict';
import { alcmeon } from './stack.mjs';

/** Alcméon's `answer` actions carrying `text` in the conversation, and their delivery results. */
export async function answersWithText(emulatorUrl, conversationId, text) {
  const [conversation] = await alcmeon(emulatorUrl, `/actions/conversations/${conversationId}`);
  const answers = conversation.actions.filter((a) => a.type === 'answer' && a.data.answers[0].content === text);
  const deliveries = conversation.actions.filter(
    (a) => a.type === 'execute-answer' && answers.some((answer) => answer.id === a.data.answer_action_id),
  );
  return { answers, deliveries };
}

/**
 * The agent types `text` with the real keyboard into the composer and sends it with `send`; the
 * reply shows "sent" once, the composer empties, and Alcméon received it once. `widget` is where
 * the widget lives (the page, or a frame locator); the keyboard is the page's.
 */
export async function replyIsDeliveredOnce({ page, widget = page, emulatorUrl, conversationId, text, send }) {
  const box = widget.locator('.acw-composer-text');
  await box.click();
  await page.keyboard.type(text);
  assert.equal(await box.inputValue(), text, 'the keyboard typed into the composer');
  await send();
  const item = widget.locator('.acw-outbound', { hasText: text });
  await item.locator('.acw-delivery[data-state="sent"]').waitFor({ timeout: 20_000 });
  assert.equal(await item.count(), 1, 'the reply is shown once');
  assert.equal(await box.inputValue(), '', 'sending empties the composer');
  const { answers } = await answersWithText(emulatorUrl, conversationId, text);
  assert.equal(answers.length, 1, `Alcméon received "${text}" once`);
}
