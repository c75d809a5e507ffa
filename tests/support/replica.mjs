// Waits until the backend's replica has read every action the emulator holds.
import { alcmeon } from './stack.mjs';

export async function highestActionId(emulatorUrl) {
  let highest = 0;
  for (;;) {
    const page = await alcmeon(emulatorUrl, `/actions?min_action_id=${highest}`);
    if (page.length === 0) return highest;
    highest = Math.max(...page.map((action) => action.id));
    if (page.length < 10) return highest;
  }
}

// `field` is `actions_read_through` (the backfill reached it) or `latest_action_id` (any path did).
export async function waitForReplica(backendUrl, actionId, field = 'actions_read_through', timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = await (await fetch(`${backendUrl}/health`)).json();
    if (health.replica[field] >= actionId) return;
    if (Date.now() > deadline) throw new Error(`replica stuck at ${JSON.stringify(health)}; wanted ${actionId}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
