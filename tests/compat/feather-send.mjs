// @terra-money/feather.js 2.0.4 end-to-end check against a MirrorChain node's REST ("LCD") API: node info, balances,
// account, createAndSignTx with a MsgSend (gas "auto" → simulate), broadcast (sync + poll txInfo), search, block,
// and exact balance bookkeeping. Prints one PASS/FAIL line per step; exits non-zero on the first failure.
//
//   MIRRORCHAIN_LCD=http://127.0.0.1:1317 node feather-send.mjs
//
// feather.js speaks only the LCD API; MIRRORCHAIN_RPC (JSON-RPC) is only echoed for the log.
// Accounts: the public LocalTerra test4/test5 keys (genesis/devnet-accounts.json), coin type 330, prefix "terra".
import assert from "node:assert/strict";

import feather from "@terra-money/feather.js";

import { devnetAccount, exitWhenDone, RPC, step } from "./lib/harness.mjs";

const { LCDClient, MnemonicKey, MsgSend } = feather;

const LCD = process.env.MIRRORCHAIN_LCD ?? "http://127.0.0.1:1317";
const CHAIN_ID = process.env.MIRRORCHAIN_CHAIN_ID ?? "mirrorchain-devnet-1";
const DENOM = "uluna";
const AMOUNT = 2345678n;

const TEST4 = devnetAccount("test4");
const TEST5 = devnetAccount("test5");


/** The uluna amount of an address, as feather's bank.balance reports it. */
async function uluna(lcd, address) {
  const [coins] = await lcd.bank.balance(address);
  const coin = coins.get(DENOM);
  return coin ? BigInt(coin.amount.toFixed()) : 0n;
}

async function main() {
  console.log(`feather-send: lcd ${LCD} (rpc ${RPC}), chain ${CHAIN_ID}`);
  const lcd = new LCDClient({
    [CHAIN_ID]: { chainID: CHAIN_ID, lcd: LCD, gasAdjustment: 1.75, gasPrices: { uluna: 0.015 }, prefix: "terra" },
  });
  const key = await step("derive test4 key (MnemonicKey, coin type 330)", () => {
    const k = new MnemonicKey({ mnemonic: TEST4.mnemonic });
    assert.equal(k.accAddress("terra"), TEST4.address, "derived address");
    return k;
  });

  await step("tendermint.nodeInfo reports the chain id and a 0.38 version", async () => {
    const info = await lcd.tendermint.nodeInfo(CHAIN_ID);
    assert.equal(info.default_node_info.network, CHAIN_ID);
    assert.match(info.default_node_info.version, /^0\.38\./);
  });

  const before4 = await step("bank.balance test4", async () => {
    const amount = await uluna(lcd, TEST4.address);
    assert.ok(amount > AMOUNT, `test4 has ${amount}uluna`);
    return amount;
  });
  const before5 = await step("bank.balance test5", () => uluna(lcd, TEST5.address));

  const account = await step("auth.accountInfo test4", async () => {
    const acc = await lcd.auth.accountInfo(TEST4.address);
    assert.equal(acc.getAccountNumber() >= 0, true);
    return acc;
  });

  const wallet = lcd.wallet(key);
  const tx = await step("wallet.createAndSignTx MsgSend (gas auto → simulate)", async () => {
    const msg = new MsgSend(TEST4.address, TEST5.address, { [DENOM]: AMOUNT.toString() });
    const signed = await wallet.createAndSignTx({ msgs: [msg], chainID: CHAIN_ID, memo: "feather-send" });
    assert.ok(signed.auth_info.fee.gas_limit > 0, "simulated gas limit");
    assert.equal(signed.auth_info.signer_infos[0].sequence, account.getSequenceNumber());
    return signed;
  });
  const fee = BigInt(tx.auth_info.fee.amount.get(DENOM)?.amount.toFixed() ?? "0");

  const result = await step("tx.broadcast (sync + poll txInfo)", async () => {
    const r = await lcd.tx.broadcast(tx, CHAIN_ID);
    assert.ok(!r.code, `code ${r.code}: ${r.raw_log}`);
    assert.ok(r.height > 0, "included at a height");
    assert.match(r.txhash, /^[0-9A-F]{64}$/);
    return r;
  });

  await step("tx.txInfo renders the MsgSend back", async () => {
    const info = await lcd.tx.txInfo(result.txhash, CHAIN_ID);
    assert.equal(info.height, result.height);
    assert.equal(info.tx.body.memo, "feather-send");
    const [msg] = info.tx.body.messages;
    assert.ok(msg instanceof MsgSend, "decoded as MsgSend");
    assert.equal(msg.to_address, TEST5.address);
    assert.equal(msg.amount.get(DENOM).amount.toFixed(), AMOUNT.toString());
    assert.ok(info.events.some((e) => e.type === "transfer"), "transfer event");
  });

  await step("tx.search by message.sender finds the tx", async () => {
    const found = await lcd.tx.search({ events: [{ key: "message.sender", value: TEST4.address }] }, CHAIN_ID);
    assert.ok(found.txs.some((t) => t.txhash === result.txhash), "tx in search results");
  });

  await step("tendermint.blockInfo at the tx height", async () => {
    const block = await lcd.tendermint.blockInfo(CHAIN_ID, result.height);
    assert.equal(block.block.header.height, String(result.height));
    assert.equal(block.block.header.chain_id, CHAIN_ID);
  });

  await step(`recipient test5 balance grew by exactly ${AMOUNT}${DENOM}`, async () => {
    assert.equal(await uluna(lcd, TEST5.address), before5 + AMOUNT);
  });
  await step(`sender test4 paid exactly ${AMOUNT}${DENOM} + fee ${fee}${DENOM}`, async () => {
    assert.equal(await uluna(lcd, TEST4.address), before4 - AMOUNT - fee);
  });
  await step("auth.accountInfo test4 sequence +1", async () => {
    const acc = await lcd.auth.accountInfo(TEST4.address);
    assert.equal(acc.getSequenceNumber(), account.getSequenceNumber() + 1);
  });
}

exitWhenDone(main);
