// cosmjs 0.38.1 end-to-end check against a MirrorChain node: connect, read, bank send (fee "auto"), getTx,
// and exact balance bookkeeping. Prints one PASS/FAIL line per step; exits non-zero on the first failure.
//
//   MIRRORCHAIN_RPC=http://127.0.0.1:26657 node bank-send.mjs
//
// Accounts: the public LocalTerra test2/test3 keys (terra-money/LocalTerra README), coin type 330, prefix "terra".
import assert from "node:assert/strict";

import { decodeTxRaw, DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { assertIsDeliverTxSuccess, GasPrice, SigningStargateClient } from "@cosmjs/stargate";

import { devnetAccount, HD_PATH, RPC, step } from "./lib/harness.mjs";

const CHAIN_ID = process.env.MIRRORCHAIN_CHAIN_ID ?? "mirrorchain-devnet-1";
const DENOM = "uluna";
const AMOUNT = 1234567n;

const TEST2 = devnetAccount("test2");
const TEST3 = devnetAccount("test3");

async function wallet(account) {
  const w = await DirectSecp256k1HdWallet.fromMnemonic(account.mnemonic, { prefix: "terra", hdPaths: [HD_PATH] });
  const [{ address }] = await w.getAccounts();
  assert.equal(address, account.address, "derived address");
  return w;
}

/** The uluna fee the tx paid, read from its AuthInfo (fee "auto" is computed inside cosmjs). */
function feeOf(txBytes) {
  const { authInfo } = decodeTxRaw(txBytes);
  assert.ok(authInfo.fee, "tx has a fee");
  return authInfo.fee.amount.filter((c) => c.denom === DENOM).reduce((sum, c) => sum + BigInt(c.amount), 0n);
}

async function main() {
  console.log(`bank-send: node ${RPC}, chain ${CHAIN_ID}`);
  const signer = await step("derive test2 wallet (m/44'/330'/0'/0/0, prefix terra)", () => wallet(TEST2));
  await step("derive test3 address", () => wallet(TEST3));

  const client = await step("connect (SigningStargateClient, gasPrice 0.015uluna)", () =>
    SigningStargateClient.connectWithSigner(RPC, signer, {
      gasPrice: GasPrice.fromString("0.015uluna"),
      broadcastPollIntervalMs: 300,
    }),
  );
  try {
    await step(`getChainId() is ${CHAIN_ID}`, async () => assert.equal(await client.getChainId(), CHAIN_ID));
    await step("getHeight() > 0", async () => {
      const h = await client.getHeight();
      assert.ok(Number.isInteger(h) && h > 0, `height ${h}`);
    });

    const balance = async (address) => {
      const coin = await client.getBalance(address, DENOM);
      assert.equal(coin.denom, DENOM);
      assert.match(coin.amount, /^\d+$/);
      return BigInt(coin.amount);
    };
    const before2 = await step("getBalance(test2, uluna)", async () => {
      const b = await balance(TEST2.address);
      assert.ok(b > AMOUNT, `test2 has ${b}${DENOM}, needs more than ${AMOUNT}`);
      return b;
    });
    const before3 = await step("getBalance(test3, uluna)", () => balance(TEST3.address));

    const result = await step(`sendTokens ${AMOUNT}${DENOM} test2 -> test3, fee "auto"`, async () => {
      const r = await client.sendTokens(TEST2.address, TEST3.address, [{ denom: DENOM, amount: AMOUNT.toString() }], "auto", "mirrorchain compat bank-send");
      assertIsDeliverTxSuccess(r);
      assert.equal(r.code, 0);
      assert.match(r.transactionHash, /^[0-9A-F]{64}$/);
      assert.ok(r.height > 0, `height ${r.height}`);
      return r;
    });

    const indexed = await step("getTx(hash) finds it at the same height with code 0", async () => {
      const tx = await client.getTx(result.transactionHash);
      assert.ok(tx, `tx ${result.transactionHash} not found`);
      assert.equal(tx.hash, result.transactionHash);
      assert.equal(tx.height, result.height);
      assert.equal(tx.code, 0);
      return tx;
    });

    const fee = await step("fee paid in uluna is positive", () => {
      const f = feeOf(indexed.tx);
      assert.ok(f > 0n, `fee ${f}`);
      return f;
    });

    await step(`test3 balance grew by exactly ${AMOUNT}`, async () => {
      assert.equal(await balance(TEST3.address), before3 + AMOUNT);
    });
    await step(`test2 balance fell by exactly ${AMOUNT} + fee`, async () => {
      assert.equal(await balance(TEST2.address), before2 - AMOUNT - fee);
    });
  } finally {
    client.disconnect();
  }
}

try {
  await main();
  console.log("bank-send: PASS");
} catch {
  console.log("bank-send: FAIL");
  process.exitCode = 1;
}
