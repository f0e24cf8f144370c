// Decodes every read-only JSON-RPC answer of a MirrorChain node with cosmjs 0.38.1's own CometBFT client,
// so a field with the wrong JSON type or a missing required field fails here, as it would in a wallet.
// Prints one PASS/FAIL line per call; exits non-zero when any fails.
//
//   MIRRORCHAIN_RPC=http://127.0.0.1:26657 node rpc-shapes.mjs
import assert from "node:assert/strict";

import { connectComet, isComet38Client } from "@cosmjs/tendermint-rpc";
import { QueryBalanceRequest, QueryBalanceResponse } from "cosmjs-types/cosmos/bank/v1beta1/query";

const RPC = process.env.MIRRORCHAIN_RPC ?? "http://127.0.0.1:26657";
let failures = 0;

async function check(name, fn) {
  try {
    const value = await fn();
    console.log(`PASS ${name}`);
    return value;
  } catch (err) {
    failures++;
    console.log(`FAIL ${name}: ${err?.message ?? err}`);
    return undefined;
  }
}

console.log(`rpc-shapes: node ${RPC}`);
const client = await connectComet(RPC);
try {
  await check("status picks the Comet38 client (node_info.version 0.38.x)", () => assert.ok(isComet38Client(client)));
  const status = await check("status", () => client.status());
  const height = status?.syncInfo.latestBlockHeight ?? 0;
  await check("status has a height, non-empty hashes and a network", () => {
    assert.ok(height > 0);
    assert.ok(status.syncInfo.latestBlockHash.length > 0);
    assert.ok(status.syncInfo.latestAppHash.length > 0);
    assert.ok(status.nodeInfo.network.length > 0);
  });
  await check("health", () => client.health());
  await check("abci_info", async () => {
    const info = await client.abciInfo();
    assert.ok((info.lastBlockHeight ?? 0) > 0);
  });
  await check("abci_query bank Balance (height > 0, value decodes)", async () => {
    const data = QueryBalanceRequest.encode({ address: "terra17lmam6zguazs5q5u6z5mmx76uj63gldnse2pdp", denom: "uluna" }).finish();
    const r = await client.abciQuery({ path: "/cosmos.bank.v1beta1.Query/Balance", data });
    assert.equal(r.code ?? 0, 0, r.log);
    assert.ok((r.height ?? 0) > 0);
    const { balance } = QueryBalanceResponse.decode(r.value);
    assert.equal(balance?.denom, "uluna");
    assert.match(balance.amount, /^\d+$/);
  });
  await check("abci_query (unknown path gives an app error, not a transport error)", async () => {
    const r = await client.abciQuery({ path: "/mirrorchain.NoSuch.Query/Nothing", data: new Uint8Array([1, 2, 3]) });
    assert.equal(typeof (r.code ?? 0), "number");
  });
  await check("block (latest)", async () => {
    const b = await client.block();
    assert.ok(b.block.header.height >= height);
    assert.ok(b.blockId.hash.length > 0);
  });
  await check("block (height 1)", async () => {
    const b = await client.block(1);
    assert.equal(b.block.header.height, 1);
  });
  await check("block_results (latest)", () => client.blockResults(height));
  await check("blockchain", async () => {
    const c = await client.blockchain();
    assert.ok(c.blockMetas.length > 0 && c.blockMetas.length <= 20);
  });
  await check("num_unconfirmed_txs", () => client.numUnconfirmedTxs());
  await check("genesis", () => client.genesis());
  const search = await check("tx_search tx.height>=1", () => client.txSearch({ query: "tx.height>=1", per_page: 5, order_by: "desc" }));
  if (search && search.txs.length > 0) {
    const first = search.txs[0];
    await check("tx (by hash, with proof)", async () => {
      const tx = await client.tx({ hash: first.hash, prove: true });
      assert.deepEqual(tx.hash, first.hash);
      assert.ok(tx.proof && tx.proof.proof.total > 0);
    });
  } else {
    console.log("SKIP tx (no tx on chain yet)");
  }
  // A junk tx must come back as an ABCI rejection (a decodable answer with a non-zero code), never an RPC error.
  const junk = new TextEncoder().encode("bad junk from rpc-shapes, not a protobuf tx");
  await check("broadcast_tx_sync (junk tx is rejected with a code)", async () => {
    const r = await client.broadcastTxSync({ tx: junk });
    assert.notEqual(r.code, 0);
    assert.equal(r.hash.length, 32);
  });
  await check("broadcast_tx_async (junk tx)", () => client.broadcastTxAsync({ tx: junk }));
  await check("broadcast_tx_commit (junk tx is rejected by check_tx)", async () => {
    const r = await client.broadcastTxCommit({ tx: junk });
    assert.notEqual(r.checkTx.code, 0);
  });
  // Optional: a tx the node accepts (hex in RPC_SHAPES_ACCEPTED_TX_HEX) exercises the committed answer.
  const acceptedHex = process.env.RPC_SHAPES_ACCEPTED_TX_HEX;
  if (acceptedHex) {
    await check("broadcast_tx_commit (accepted tx is included)", async () => {
      const r = await client.broadcastTxCommit({ tx: Uint8Array.from(Buffer.from(acceptedHex, "hex")) });
      assert.equal(r.checkTx.code, 0);
      assert.equal(r.txResult?.code, 0);
      assert.ok(r.height > 0);
    });
  }
} finally {
  client.disconnect();
}

console.log(failures === 0 ? "rpc-shapes: PASS" : `rpc-shapes: FAIL (${failures} failed)`);
process.exitCode = failures === 0 ? 0 : 1;
