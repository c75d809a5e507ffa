// The load of the fixed-rate rows: requests sent evenly spaced at a set rate, whatever the
// answers do (an open loop), over at most `connections` kept-alive connections, and each latency
// counted from the moment its request was due, so a backend that falls behind pays for its queue.
//
// Not autocannon's `overallRate`: it gives each connection its share per second and lets every
// connection send that share at the top of each second, so "1,000/s over 250 connections" arrives
// as bursts of 250 at once; its latency correction then assumes a request every ceil(1 / rate)
// = 1 ms per connection. The rows measured that burst's queue, not a steady rate.
import http from 'node:http';

/**
 * Sends `rate` requests a second for `seconds`; `next()` gives each `{ method, path, headers,
 * body }`. Any answer other than `status` fails the run. Resolves to { rps (answered per second
 * over the whole run), p50, p99 (ms, from each request's due time to its answer), requests }.
 */
export async function fixedRate({ url, rate, seconds, connections, next, status }) {
  const { hostname, port } = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const total = Math.round(rate * seconds);
  const latencies = [];
  const answers = [];
  const start = performance.now();
  const dueAt = (index) => start + (index * 1000) / rate;
  let sent = 0;
  try {
    await new Promise((allSent) => {
      const sendWhatIsDue = () => {
        const now = performance.now();
        for (; sent < total && dueAt(sent) <= now; sent += 1) {
          const due = dueAt(sent);
          answers.push(send(agent, { hostname, port, ...next() }).then((answered) => {
            if (answered !== status) throw new Error(`${url}: answered ${answered} (wanted ${status})`);
            latencies.push(performance.now() - due);
          }));
        }
        if (sent < total) setTimeout(sendWhatIsDue, Math.max(0, dueAt(sent) - now));
        else allSent();
      };
      sendWhatIsDue();
    });
    await Promise.all(answers);
  } finally {
    agent.destroy();
  }
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (share) => latencies[Math.min(latencies.length - 1, Math.ceil(share * latencies.length) - 1)];
  return { rps: total / elapsed, p50: at(0.5), p99: at(0.99), requests: total };
}

function send(agent, { hostname, port, method, path, headers, body }) {
  return new Promise((answered, failed) => {
    const request = http.request({ hostname, port, method, path, headers, agent }, (response) => {
      response.resume();
      response.on('end', () => answered(response.statusCode));
      response.on('error', failed);
    });
    request.on('error', failed);
    request.end(body);
  });
}
