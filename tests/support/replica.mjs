// Waits until the backend's replica has read every action the emulator holds.
// The emulator's control endpoint, not Alcméon's API: reading it must not spend the rate-limit
// budget the backend shares with the tests' Alcméon credentials.
export async function highestActionId(emulatorUrl) {
  const health = await (await fetch(`${emulatorUrl}/_emulator/health`)).json();
  return health.latest_action_id;
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
