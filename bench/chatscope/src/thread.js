// The thread page the bench serves for `?messages=N`: { conversation, viewer, items, has_older }.
export async function loadThread() {
  const messages = new URLSearchParams(location.search).get('messages');
  const response = await fetch(`/thread/${encodeURIComponent(messages)}.json`);
  if (!response.ok) throw new Error(`thread ${messages}: HTTP ${response.status}`);
  return response.json();
}
