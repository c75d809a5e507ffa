// Row "thread open": the newest page of a conversation (GET /v1/conversations/{id}/thread, the
// default page of 50), as many as `connections` concurrent clients get answered.
import { load } from './tool.mjs';

/** The page the URL answers, once, checked: the load must measure real pages. */
async function readPage(url, token) {
  for (;;) {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (response.status === 202) continue; // the conversation is still being fetched
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
    return response.json();
  }
}

/** { rps, p50, p99, requests, items } for the newest page of `conversationId`. */
export async function threadOpen(autocannon, { stack, conversationId, token, seconds, warmUpSeconds, connections }) {
  const url = `${stack.backendUrl}/v1/conversations/${conversationId}/thread`;
  const { items } = await readPage(url, token);
  const options = { url, connections, headers: { authorization: `Bearer ${token}` } };
  await load(autocannon, { ...options, duration: warmUpSeconds });
  return { ...(await load(autocannon, { ...options, duration: seconds })), items: items.length };
}
