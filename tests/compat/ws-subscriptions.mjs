// WebSocket subscriptions against a MirrorChain node, with the clients dapps use: cosmjs 0.38.1 Comet38Client over
// ws:// (methods, subscribeNewBlock, subscribeNewBlockHeader, subscribeTx with an attribute query) and the
// WebSocketClient of terra.js 3.1.10 and feather.js 2.0.4 (NewBlock, and Tx filtered by message.sender).
// Prints one PASS/FAIL line per step; exits non-zero on any failure.
//
//   MIRRORCHAIN_RPC=http://127.0.0.1:26657 node ws-subscriptions.mjs
//
// Sends test9 → test10 (accounts no other compat script uses), so it can run after the others on the same devnet.
import assert from "node:assert/strict";

import { toHex } from "@cosmjs/encoding";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { GasPrice, SigningStargateClient } from "@cosmjs/stargate";
import { Comet38Client } from "@cosmjs/tendermint-rpc";
import feather from "@terra-money/feather.js";
import terra from "@terra-money/terra.js";

import { devnetAccount, exitWhenDone, HD_PATH, RPC, step } from "./lib/harness.mjs";

const WS = RPC.replace(/^http/, "ws").replace(/\/$/, "");
const SENDER = devnetAccount("test9");
const RECIPIENT = devnetAccount("test10");
const TIMEOUT_MS = 30_000;

/** Resolves with the first `count` events of an xstream Stream (then stops listening, which unsubscribes). */
function take(stream, count, what) {
  return new Promise((resolve, reject) => {
    const events = [];
    const timer = setTimeout(() => {
      stream.removeListener(listener);
      reject(new Error(`timed out waiting for ${what} (${events.length}/${count})`));
    }, TIMEOUT_MS);
    const listener = {
      next: (event) => {
        events.push(event);
        if (events.length === count) {
          clearTimeout(timer);
          stream.removeListener(listener);
          resolve(events);
        }
      },
      error: (err) => {
        clearTimeout(timer);
        reject(new Error(`${what}: ${typeof err === "string" ? err : err?.message ?? err}`));
      },
      complete: () => {
        clearTimeout(timer);
        reject(new Error(`${what}: stream completed early`));
      },
    };
    stream.addListener(listener);
  });
}

/** A bank send of 1uluna from SENDER to RECIPIENT over HTTP; returns the upper-case tx hash. */
async function send(memo) {
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(SENDER.mnemonic, { prefix: "terra", hdPaths: [HD_PATH] });
  const client = await SigningStargateClient.connectWithSigner(RPC, wallet, { gasPrice: GasPrice.fromString("0.015uluna") });
  try {
    const result = await client.sendTokens(SENDER.address, RECIPIENT.address, [{ denom: "uluna", amount: "1" }], "auto", memo);
    assert.equal(result.code, 0, `send ${memo}: ${result.rawLog}`);
    return result.transactionHash.toUpperCase();
  } finally {
    client.disconnect();
  }
}

/**
 * terra.js / feather.js WebSocketClient: subscribes (terra.js: before connecting, its API; feather.js: once connected,
 * with a TendermintQuery), calls `onSubscribed` shortly after, and resolves with the data of the first event.
 */
function firstEvent(name, lib, event, conditions, onSubscribed = () => {}) {
  const client = new lib.WebSocketClient(`${WS}/websocket`);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.destroy();
      reject(new Error("timed out waiting for an event"));
    }, TIMEOUT_MS);
    const callback = (data) => {
      clearTimeout(timer);
      client.destroy();
      resolve(data);
    };
    const subscribe = (c) => (event === "Tx" ? c.subscribeTx(conditions, callback) : c.subscribe(event, conditions, callback));
    if (name === "terra.js") {
      subscribe(client);
    }
    client.on("connect", () => {
      if (name !== "terra.js") {
        subscribe(client);
      }
      setTimeout(() => Promise.resolve(onSubscribed()).catch(reject), 300);
    });
    client.start();
  });
}

/** The conditions argument each library's subscribe takes: a plain object (terra.js) or a TendermintQuery (feather.js). */
function conditions(name, lib, exact) {
  if (name === "terra.js") return exact;
  const query = new lib.TendermintQuery();
  for (const [key, value] of Object.entries(exact)) query.exact(key, value);
  return query;
}

async function main() {
  console.log(`ws-subscriptions: node ${WS}/websocket`);
  const comet = await step("cosmjs Comet38Client.connect(ws://…) (status over the socket)", () => Comet38Client.connect(WS));
  try {
    await step("methods answer over the socket (status, block, abci_info)", async () => {
      const status = await comet.status();
      assert.ok(status.syncInfo.latestBlockHeight > 0);
      const block = await comet.block(status.syncInfo.latestBlockHeight);
      assert.equal(block.block.header.height, status.syncInfo.latestBlockHeight);
      await comet.abciInfo();
    });

    await step("subscribeNewBlock: two consecutive blocks, decoded by cosmjs", async () => {
      const [a, b] = await take(comet.subscribeNewBlock(), 2, "NewBlock");
      assert.equal(b.header.height, a.header.height + 1);
      assert.equal(a.header.chainId, b.header.chainId);
      assert.ok(a.header.time instanceof Date);
    });

    await step("subscribeNewBlockHeader: one header", async () => {
      const [header] = await take(comet.subscribeNewBlockHeader(), 1, "NewBlockHeader");
      assert.ok(header.height > 0);
      assert.equal(header.appHash.length, 32);
    });

    await step(`subscribeTx(message.sender='${SENDER.address}'): gets the sent tx, decoded by cosmjs`, async () => {
      const txs = take(comet.subscribeTx(`message.sender='${SENDER.address}'`), 1, "Tx");
      const other = comet.subscribeTx(`message.sender='${RECIPIENT.address}'`);
      let otherFired = false;
      const otherListener = { next: () => { otherFired = true; }, error: () => {}, complete: () => {} };
      other.addListener(otherListener);
      await new Promise((r) => setTimeout(r, 300)); // let the subscribe requests reach the node
      const hash = await send("ws-subscriptions cosmjs");
      const [tx] = await txs;
      assert.equal(toHex(tx.hash).toUpperCase(), hash);
      assert.equal(tx.result.code, 0);
      assert.ok(tx.height > 0);
      assert.ok(tx.result.events.some((e) => e.type === "message" && e.attributes.some((a) => a.key === "sender" && a.value === SENDER.address)));
      await take(comet.subscribeNewBlock(), 1, "the next block");
      other.removeListener(otherListener);
      assert.equal(otherFired, false, "a Tx subscription for another sender fired");
    });
  } finally {
    comet.disconnect();
  }

  for (const [name, lib] of [["terra.js", terra], ["feather.js", feather]]) {
    await step(`${name} WebSocketClient subscribe('NewBlock')`, async () => {
      const data = await firstEvent(name, lib, "NewBlock", conditions(name, lib, {}));
      assert.equal(data.type, "tendermint/event/NewBlock");
      assert.match(data.value.block.header.height, /^\d+$/);
      assert.ok(Array.isArray(data.value.result_finalize_block.tx_results));
    });
    await step(`${name} WebSocketClient subscribeTx({ 'message.sender': test9 })`, async () => {
      let sent;
      const data = await firstEvent(name, lib, "Tx", conditions(name, lib, { "message.sender": SENDER.address }), () => {
        sent = send(`ws-subscriptions ${name}`);
        return sent;
      });
      const tx = data.value.TxResult;
      assert.equal(data.type, "tendermint/event/Tx");
      assert.equal(tx.result.code ?? 0, 0);
      assert.equal(tx.txhash.toUpperCase(), await sent);
    });
  }
}

exitWhenDone(main);
