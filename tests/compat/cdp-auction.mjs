// Mirror on MirrorChain through unmodified cosmjs 0.38.1: test2 opens a CDP on mTSLA, the oracle feeder (test1)
// moves the price so the position falls below its minimum C-ratio, and test3 liquidates part of it in an auction.
// Every balance is checked against the v2.1.4 formulas (Mirror v2.1.4 contracts/mirror_mint/src/positions.rs
// `auction`). Prints PASS/FAIL lines.
//
//   MIRRORCHAIN_RPC=http://127.0.0.1:26657 MIRRORCHAIN_CONTRACTS=~/.mirrorchain/config/contracts.json node cdp-auction.mjs
import assert from "node:assert/strict";

import { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { GasPrice } from "@cosmjs/stargate";

import { b64, devnetAccount, exitWhenDone, HD_PATH, readContracts, RPC, step } from "./lib/harness.mjs";

// Fees are paid in uluna, so every uusd and mAsset balance below moves only by the protocol's own rules.
const GAS_PRICE = GasPrice.fromString("0.015uluna");

async function connect(name) {
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(devnetAccount(name).mnemonic, { prefix: "terra", hdPaths: [HD_PATH] });
  const [account] = await wallet.getAccounts();
  const client = await SigningCosmWasmClient.connectWithSigner(RPC, wallet, { gasPrice: GAS_PRICE, broadcastPollIntervalMs: 300 });
  return { address: account.address, client };
}

async function main() {
  const contracts = readContracts();
  const { mint, oracle, collector } = contracts;
  const mTSLA = contracts.assets.mTSLA;
  const [feeder, owner, liquidator] = await Promise.all([connect("test1"), connect("test2"), connect("test3")]);
  const q = feeder.client;
  const uusd = async (addr) => BigInt((await q.getBalance(addr, "uusd")).amount);
  const tsla = async (addr) => BigInt((await q.queryContractSmart(mTSLA.token, { balance: { address: addr } })).balance);
  const feed = (price) => feeder.client.execute(feeder.address, oracle, { feed_price: { prices: [[mTSLA.token, price]] } }, "auto");

  await step("contracts.json names mint, oracle and the mTSLA token/pair", () => {
    assert.match(mint, /^terra1/);
    assert.match(mTSLA.token, /^terra1/);
    assert.match(mTSLA.pair, /^terra1/);
  });

  await step("feeder (test1) posts mTSLA = 670", async () => {
    await feed("670");
    const price = await q.queryContractSmart(oracle, { price: { base_asset: mTSLA.token, quote_asset: "uusd" } });
    assert.equal(price.rate, "670");
  });

  const collateral = 1_340_000_000n; // 1,340 UST at 200%: 1 mTSLA at 670
  const positionIdx = await step("test2 opens a 200% CDP with 1340 UST", async () => {
    const next = (await q.queryContractSmart(mint, { next_position_idx: {} })).next_position_idx;
    await owner.client.execute(owner.address, mint, {
      open_position: {
        collateral: { info: { native_token: { denom: "uusd" } }, amount: collateral.toString() },
        asset_info: { token: { contract_addr: mTSLA.token } },
        collateral_ratio: "2",
      },
    }, "auto", "", [{ denom: "uusd", amount: collateral.toString() }]);
    return next;
  });

  const position = await step("the position holds 1340 UST against ~1 mTSLA", async () => {
    const p = await q.queryContractSmart(mint, { position: { position_idx: positionIdx } });
    assert.equal(p.owner, owner.address);
    assert.equal(BigInt(p.collateral.amount), collateral);
    // minted = ⌊collateral × (1 / 670 truncated to 9 dp) / 2⌋: just under 1 mTSLA
    assert.ok(BigInt(p.asset.amount) > 999_000n && BigInt(p.asset.amount) <= 1_000_000n, p.asset.amount);
    return p;
  });

  await step("test3 buys mTSLA on the Terraswap pair", async () => {
    await liquidator.client.execute(liquidator.address, mTSLA.pair, {
      swap: { offer_asset: { info: { native_token: { denom: "uusd" } }, amount: "1000000000" }, max_spread: "0.5" },
    }, "auto", "", [{ denom: "uusd", amount: "1000000000" }]);
    assert.ok((await tsla(liquidator.address)) >= 500_000n);
  });

  await step("a safe position cannot be auctioned", async () => {
    await assert.rejects(
      liquidator.client.execute(liquidator.address, mTSLA.token, {
        send: { contract: mint, amount: "1000", msg: b64({ auction: { position_idx: positionIdx } }) },
      }, "auto"),
      /Cannot liquidate a safely collateralized position/);
  });

  await step("feeder moves mTSLA to 1000: the position is now at 134% (< 150%)", async () => {
    await feed("1000");
  });

  const amount = 500_000n;
  const before = { uusd: await uusd(liquidator.address), tsla: await tsla(liquidator.address), collector: collector ? await uusd(collector) : 0n };
  const result = await step("test3 liquidates 0.5 mTSLA through an auction", () =>
    liquidator.client.execute(liquidator.address, mTSLA.token, {
      send: { contract: mint, amount: amount.toString(), msg: b64({ auction: { position_idx: positionIdx } }) },
    }, "auto"));

  // discount = min(0.2, 1.5 − 1) = 0.2; discounted price = 1000 / 0.8 = 1250 uusd per mTSLA;
  // value = 500000 × 1250 = 625,000,000 uusd ≤ collateral, so nothing is refunded;
  // protocol fee = ⌊⌊500000 × 1000⌋ × 0.015⌋ = 7,500,000 uusd; test3 receives 625,000,000 − 7,500,000.
  const value = 625_000_000n;
  const fee = 7_500_000n;
  await step("test3 receives 617.5 UST and paid exactly 0.5 mTSLA", async () => {
    assert.equal((await uusd(liquidator.address)) - before.uusd, value - fee);
    assert.equal(before.tsla - (await tsla(liquidator.address)), amount);
  });
  await step("the auction attributes match", () => {
    // the mint contract's own wasm event (the cw20 send and burn have theirs)
    const attrs = result.events
      .filter((e) => e.type === "wasm" && e.attributes[0]?.key === "_contract_address" && e.attributes[0].value === mint)
      .flatMap((e) => e.attributes);
    const get = (k) => attrs.find((a) => a.key === k)?.value;
    assert.equal(get("action"), "auction");
    assert.equal(get("return_collateral_amount"), `${value - fee}uusd`);
    assert.equal(get("liquidated_amount"), `${amount}${mTSLA.token}`);
    assert.equal(get("protocol_fee"), `${fee}uusd`);
  });
  await step("the position keeps the rest: collateral − 625 UST, debt − 0.5 mTSLA", async () => {
    const p = await q.queryContractSmart(mint, { position: { position_idx: positionIdx } });
    assert.equal(BigInt(p.collateral.amount), collateral - value);
    assert.equal(BigInt(p.asset.amount), BigInt(position.asset.amount) - amount);
  });
}

exitWhenDone(main);
