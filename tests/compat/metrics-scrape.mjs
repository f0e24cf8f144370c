// Prometheus scrape of a running MirrorChain node (docs/metrics.md): GET /metrics answers in the text format, its
// height follows the RPC's, and an RPC call and a refused tx show up in their counters between two scrapes.
//
//   MIRRORCHAIN_RPC=http://127.0.0.1:26657 MIRRORCHAIN_METRICS=http://127.0.0.1:26660 node metrics-scrape.mjs
//
// Without MIRRORCHAIN_METRICS it prints one SKIP line and exits 0 (the node's metrics address is not known).
// Sends nothing signed: the refused tx is four bytes that do not decode.
import assert from "node:assert/strict";

import { exitWhenDone, RPC, step } from "./lib/harness.mjs";

const METRICS = process.env.MIRRORCHAIN_METRICS;

/** Parses the text format into [{ name, labels, value }] and the # TYPE of each family. */
function parse(text) {
  const samples = [];
  const types = new Map();
  for (const line of text.split("\n")) {
    if (line.startsWith("# TYPE ")) {
      const [name, type] = line.slice(7).split(" ");
      types.set(name, type);
      continue;
    }
    if (line === "" || line.startsWith("#")) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)/.exec(line);
    assert.ok(m, `not a sample line: ${line}`);
    const labels = {};
    for (const [, k, v] of (m[2] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[k] = v.replace(/\\(.)/g, (_, c) => (c === "n" ? "\n" : c));
    }
    samples.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return { samples, types };
}

/** The value of the one sample `name` whose labels include `labels` (0 when there is none yet). */
function value(scrape, name, labels = {}) {
  const found = scrape.samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  assert.ok(found.length <= 1, `${found.length} samples of ${name} ${JSON.stringify(labels)}`);
  return found.length === 0 ? 0 : found[0].value;
}

async function scrape() {
  const res = await fetch(`${METRICS.replace(/\/$/, "")}/metrics`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type"), /^text\/plain; version=0\.0\.4/);
  return parse(await res.text());
}

async function rpc(method, params = {}) {
  const res = await fetch(RPC, { method: "POST", body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  return (await res.json()).result;
}

async function main() {
  if (!METRICS) {
    console.log("SKIP metrics-scrape: MIRRORCHAIN_METRICS is not set");
    return;
  }
  const first = await step("GET /metrics answers in the Prometheus text format with the documented families", async () => {
    const s = await scrape();
    for (const [name, type] of [
      ["cometbft_consensus_height", "gauge"],
      ["cometbft_consensus_block_interval_seconds", "histogram"],
      ["cometbft_mempool_size", "gauge"],
      ["mirrorchain_block_execution_seconds", "histogram"],
      ["mirrorchain_block_commit_seconds", "histogram"],
      ["mirrorchain_check_tx_duration_seconds", "histogram"],
      ["mirrorchain_mempool_rejected_txs_total", "counter"],
      ["mirrorchain_rpc_requests_total", "counter"],
      ["mirrorchain_store_disk_bytes", "gauge"],
      ["process_cpu_seconds_total", "counter"],
    ]) {
      assert.equal(s.types.get(name), type, name);
    }
    assert.ok(value(s, "mirrorchain_store_disk_bytes") > 0, "store size");
    return s;
  });
  await step("the scraped height is the RPC's latest height (or the next blocks')", async () => {
    const before = Number((await rpc("status")).sync_info.latest_block_height);
    const height = value(await scrape(), "cometbft_consensus_height");
    const after = Number((await rpc("status")).sync_info.latest_block_height);
    assert.ok(height >= before && height <= after, `scraped ${height}, RPC ${before}..${after}`);
  });
  await step("an RPC call and a refused tx are counted with their method, status and reason", async () => {
    await rpc("health");
    const refused = await rpc("broadcast_tx_sync", { tx: Buffer.from([1, 2, 3, 4]).toString("base64") });
    assert.notEqual(refused.code, 0);
    const s = await scrape();
    assert.ok(value(s, "mirrorchain_rpc_requests_total", { method: "health", status: "ok" }) >=
      value(first, "mirrorchain_rpc_requests_total", { method: "health", status: "ok" }) + 1, "health counted");
    const labels = { reason: "check_failed", code: String(refused.code), codespace: refused.codespace };
    assert.ok(value(s, "mirrorchain_mempool_rejected_txs_total", labels) >=
      value(first, "mirrorchain_mempool_rejected_txs_total", labels) + 1, `rejection ${JSON.stringify(labels)} counted`);
  });
}

exitWhenDone(main);
