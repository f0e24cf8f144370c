// Mirror's own SDK, @mirror-protocol/mirror.js 2.1.4 on @terra-money/terra.js 3.1.10, unchanged, against a
// MirrorChain node's REST ("LCD") API: mirror.js query wrappers (mint, oracle, Terraswap pair, staking, gov, cw20)
// and mirror.js message builders signed by terra.js (createAndSignTx → simulate, broadcast → poll txInfo):
// open_position with UST collateral, a UST → mTSLA swap, staking MIR in gov through the MIR token's send.
// Prints one PASS/FAIL line per step; exits non-zero on the first failure.
//
//   MIRRORCHAIN_LCD=http://127.0.0.1:1317 MIRRORCHAIN_CONTRACTS=~/.mirrorchain/config/contracts.json node mirrorjs.mjs
//
// Accounts: test6 (the user) and test1 (the oracle feeder), genesis/devnet-accounts.json, coin type 330.
// Fees are paid in uluna (terra.js's default fee denom off Classic), so uusd, mTSLA and MIR move only by protocol rules.
import assert from "node:assert/strict";

import terra from "@terra-money/terra.js";
import mirrorjs from "@mirror-protocol/mirror.js";

import { CONTRACTS, devnetAccount, exitWhenDone, readContracts, step } from "./lib/harness.mjs";

const { LCDClient, MnemonicKey, MsgExecuteContract } = terra;
const { Mirror, UST } = mirrorjs;

const LCD = process.env.MIRRORCHAIN_LCD ?? "http://127.0.0.1:1317";
const CHAIN_ID = process.env.MIRRORCHAIN_CHAIN_ID ?? "mirrorchain-devnet-1";

const TEST6 = devnetAccount("test6");
const TEST1 = devnetAccount("test1");


/** Signs msgs with terra.js (gas estimated by simulate) and broadcasts them; fails on a non-zero code. */
async function send(lcd, key, msgs, memo = "mirrorjs") {
  const tx = await lcd.wallet(key).createAndSignTx({ msgs, memo });
  const result = await lcd.tx.broadcast(tx);
  assert.ok(!result.code, `code ${result.code}: ${result.raw_log}`);
  assert.ok(result.height > 0, "included at a height");
  assert.equal(result.logs.length, msgs.length, "one log per message");
  return result;
}

async function uusd(lcd, address) {
  const [coins] = await lcd.bank.balance(address);
  const coin = coins.get("uusd");
  return coin ? BigInt(coin.amount.toFixed()) : 0n;
}

/**
 * The attributes one contract put in its `wasm` event, from terra.js's TxInfo.logs (terra.js 3.x keeps no other copy
 * of a tx's events): SDK ≤0.47 logs flatten all `wasm` events of a message into one, so split on _contract_address.
 */
function wasmAttrs(result, contract, msgIndex = 0) {
  const log = result.logs.find((l) => l.msg_index === msgIndex);
  assert.ok(log, `logs[${msgIndex}] in ${JSON.stringify(result.logs)}`);
  const wasm = log.events.find((e) => e.type === "wasm");
  assert.ok(wasm, "a wasm event in the message log");
  const out = {};
  let current;
  for (const a of wasm.attributes) {
    if (a.key === "_contract_address") current = a.value;
    else if (current === contract) out[a.key] = a.value;
  }
  return out;
}

async function main() {
  console.log(`mirrorjs: lcd ${LCD}, chain ${CHAIN_ID}, contracts ${CONTRACTS}`);
  const contracts = readContracts();
  const lcd = new LCDClient({ URL: LCD, chainID: CHAIN_ID, gasPrices: { uluna: 0.015 }, gasAdjustment: 1.75 });

  const [key, feederKey] = await step("derive test6 and test1 keys (terra.js MnemonicKey, coin type 330)", () => {
    const k = new MnemonicKey({ mnemonic: TEST6.mnemonic });
    const f = new MnemonicKey({ mnemonic: TEST1.mnemonic });
    assert.equal(k.accAddress, TEST6.address);
    assert.equal(f.accAddress, TEST1.address);
    return [k, f];
  });

  // contracts.json is in mirror.js's MirrorOptions shape: spread it straight in. It carries `airdrop: ""` (no airdrop
  // contract on MirrorChain; without the key mirror.js would fill in its mainnet default) and MIR among the assets.
  const OPTION_NAMES = ["factory", "gov", "mint", "oracle", "collateralOracle", "staking", "lock", "collector",
    "community", "shortReward", "mirrorToken", "terraswapFactory"];
  const mirror = await step("new Mirror({ lcd, key, ...contracts.json }) with every contract, MIR and 5 mAssets", () => {
    for (const name of OPTION_NAMES) assert.match(contracts[name] ?? "", /^terra1/, `contracts.json ${name}`);
    assert.equal(contracts.airdrop, "");
    assert.deepEqual(Object.keys(contracts.assets).sort(), ["MIR", "mAAPL", "mGOOGL", "mMSFT", "mNFLX", "mTSLA"]);
    assert.equal(contracts.assets.MIR.token, contracts.mirrorToken);
    for (const [sym, a] of Object.entries(contracts.assets)) {
      assert.deepEqual(Object.keys(a).sort(), ["lpToken", "name", "pair", "symbol", "token"], `assets.${sym} fields`);
      assert.equal(a.symbol, sym);
    }
    const m = new Mirror({ ...contracts, lcd, key });
    for (const name of OPTION_NAMES) assert.equal(m[name].contractAddress, contracts[name], name);
    assert.equal(m.assets.mTSLA.token.contractAddress, contracts.assets.mTSLA.token);
    assert.equal(m.assets.mTSLA.pair.contractAddress, contracts.assets.mTSLA.pair);
    assert.equal(m.assets.mTSLA.lpToken.contractAddress, contracts.assets.mTSLA.lpToken);
    assert.equal(m.assets.mTSLA.name, "Tesla, Inc.");
    return m;
  });
  const mTSLA = mirror.assets.mTSLA;
  const tslaAddr = mTSLA.token.contractAddress;

  await step("mint.getConfig: owner factory, oracle, base denom uusd, protocol fee 1.5%", async () => {
    const c = await mirror.mint.getConfig();
    assert.equal(c.owner, contracts.factory);
    assert.equal(c.oracle, contracts.oracle);
    assert.equal(c.collector, contracts.collector);
    assert.equal(c.collateral_oracle, contracts.collateralOracle);
    assert.equal(c.staking, contracts.staking);
    assert.equal(c.terraswap_factory, contracts.terraswapFactory);
    assert.equal(c.lock, contracts.lock);
    assert.equal(c.base_denom, "uusd");
    assert.equal(c.protocol_fee_rate, "0.015");
  });

  await step("mint.getAssetConfig mTSLA: min collateral ratio 1.5, auction discount 0.2", async () => {
    const a = await mirror.mint.getAssetConfig(tslaAddr);
    assert.equal(a.token, tslaAddr);
    assert.equal(a.min_collateral_ratio, "1.5");
    assert.equal(a.auction_discount, "0.2");
  });

  await step("feeder test1 posts mTSLA = 670 (terra.js MsgExecuteContract feed_price)", async () => {
    const msg = new MsgExecuteContract(TEST1.address, contracts.oracle, { feed_price: { prices: [[tslaAddr, "670"]] } });
    const r = await send(lcd, feederKey, [msg], "feed");
    assert.equal(wasmAttrs(r, contracts.oracle).action, "price_feed");
  });

  await step("oracle.getPrice(mTSLA, uusd) = 670, fresh", async () => {
    const p = await mirror.oracle.getPrice(tslaAddr, "uusd");
    assert.equal(p.rate, "670");
    const now = Math.floor(Date.now() / 1000);
    assert.ok(Math.abs(now - p.last_updated_base) < 60, `last_updated_base ${p.last_updated_base} vs now ${now}`);
    assert.equal(p.last_updated_quote, 18446744073709551615); // uusd is the base asset: u64::MAX
  });

  // other scripts of the suite may have traded on this pair already: compare with the chain's own pool balances
  const pool0 = await step("mTSLA pair getPool (mirror.js TerraswapPair) equals the pair's balances on chain", async () => {
    const pool = await mTSLA.pair.getPool();
    assert.equal(pool.assets.length, 2);
    const tsla = pool.assets.find((a) => a.info.token?.contract_addr === tslaAddr);
    const ust = pool.assets.find((a) => a.info.native_token?.denom === "uusd");
    assert.ok(tsla && ust, JSON.stringify(pool));
    const held = await lcd.wasm.contractQuery(tslaAddr, { balance: { address: contracts.assets.mTSLA.pair } });
    assert.equal(tsla.amount, held.balance);
    const [coins] = await lcd.bank.balance(contracts.assets.mTSLA.pair);
    assert.equal(ust.amount, coins.get("uusd").amount.toString());
    assert.ok(BigInt(pool.total_share) > 0n);
    return { tsla: BigInt(tsla.amount), ust: BigInt(ust.amount) };
  });

  await step("mTSLA pair getPair: asset infos, LP token", async () => {
    const pair = await mTSLA.pair.getPair();
    assert.equal(pair.contract_addr, contracts.assets.mTSLA.pair);
    assert.equal(pair.liquidity_token, contracts.assets.mTSLA.lpToken);
  });

  await step("staking.getConfig and getPoolInfo(mTSLA)", async () => {
    const c = await mirror.staking.getConfig();
    assert.equal(c.owner, contracts.factory);
    assert.equal(c.mirror_token, contracts.mirrorToken);
    assert.equal(c.mint_contract, contracts.mint);
    assert.equal(c.oracle_contract, contracts.oracle);
    assert.equal(c.terraswap_factory, contracts.terraswapFactory);
    assert.equal(c.base_denom, "uusd");
    const info = await mirror.staking.getPoolInfo(tslaAddr);
    assert.equal(info.asset_token, tslaAddr);
    assert.equal(info.staking_token, contracts.assets.mTSLA.lpToken);
    assert.match(info.total_bond_amount, /^\d+$/);
    assert.match(info.reward_index, /^\d+(\.\d+)?$/);
  });

  await step("gov.getConfig and getState", async () => {
    const c = await mirror.gov.getConfig();
    assert.equal(c.mirror_token, contracts.mirrorToken);
    assert.equal(c.default_poll_config.proposal_deposit, "100000000");
    assert.equal(c.default_poll_config.quorum, "0.1");
    assert.equal(c.default_poll_config.threshold, "0.5");
    const s = await mirror.gov.getState();
    assert.match(s.total_share, /^\d+$/);
    assert.match(s.total_deposit, /^\d+$/);
    assert.equal(typeof s.poll_count, "number");
  });

  const mir0 = await step("mirrorToken.getBalance(test6) = 1,000,000 MIR (cw20 wrapper)", async () => {
    const { balance } = await mirror.mirrorToken.getBalance(); // defaults to the key's address
    assert.equal(balance, "1000000000000");
    const info = await mirror.mirrorToken.getTokenInfo();
    assert.equal(info.symbol, "MIR");
    assert.equal(info.decimals, 6);
    return BigInt(balance);
  });

  // --- transactions: mirror.js builders, terra.js signing ---
  const collateral = 1_340_000_000n; // 1,340 UST at 200% ≈ 1 mTSLA at 670
  const uusd0 = await uusd(lcd, TEST6.address);
  const positions0 = (await mirror.mint.getPositions()).positions;
  const next = (await mirror.mint.getNextPositionIdx()).next_position_idx;

  await step("mint.openPosition(1340 UST, mTSLA, 2): createAndSignTx + broadcast", async () => {
    const msg = mirror.mint.openPosition({ info: UST, amount: collateral.toString() }, { token: { contract_addr: tslaAddr } }, "2");
    assert.equal(msg.sender, TEST6.address);
    assert.equal(msg.contract, contracts.mint);
    assert.equal(msg.coins.get("uusd").amount.toFixed(), collateral.toString());
    const r = await send(lcd, key, [msg], "open_position");
    const a = wasmAttrs(r, contracts.mint);
    assert.equal(a.action, "open_position");
    assert.equal(a.position_idx, next);
    assert.equal(a.collateral_amount, `${collateral}uusd`);
  });

  await step("mint.getPositions(test6) lists the new position with exactly 1340 UST collateral", async () => {
    const { positions } = await mirror.mint.getPositions();
    assert.equal(positions.length, positions0.length + 1);
    const p = positions.find((x) => x.idx === next);
    assert.ok(p, `position ${next} in ${JSON.stringify(positions)}`);
    assert.equal(p.owner, TEST6.address);
    assert.deepEqual(p.collateral, { info: { native_token: { denom: "uusd" } }, amount: collateral.toString() });
    assert.deepEqual(p.asset.info, { token: { contract_addr: tslaAddr } });
    // minted = ⌊collateral × (1 / 670 truncated) / 2⌋ — just under 1 mTSLA
    assert.ok(BigInt(p.asset.amount) > 999_000n && BigInt(p.asset.amount) <= 1_000_000n, p.asset.amount);
    assert.equal(p.is_short, false);
    const single = await mirror.mint.getPosition(next);
    assert.deepEqual(single, p);
    const bal = await mTSLA.token.getBalance();
    assert.equal(bal.balance, p.asset.amount);
  });

  await step("test6 paid exactly 1340 UST (fees in uluna)", async () => {
    assert.equal(uusd0 - (await uusd(lcd, TEST6.address)), collateral);
  });

  const offer = 100_000_000n; // 100 UST
  const tsla0 = BigInt((await mTSLA.token.getBalance()).balance);
  const sim = await step("mTSLA pair getSimulation(100 UST)", async () => {
    const s = await mTSLA.pair.getSimulation({ info: UST, amount: offer.toString() });
    // constant product: return = pool_tsla − ⌈k / (pool_ust + offer)⌉ ... minus 0.3% commission
    const k = pool0.tsla * pool0.ust;
    const gross = pool0.tsla - (k + pool0.ust + offer - 1n) / (pool0.ust + offer);
    assert.ok(BigInt(s.return_amount) + BigInt(s.commission_amount) >= gross - 1n, JSON.stringify(s));
    assert.ok(BigInt(s.return_amount) > 0n);
    return s;
  });

  await step("mTSLA pair swap 100 UST → mTSLA (mirror.js TerraswapPair.swap)", async () => {
    const msg = mTSLA.pair.swap({ info: UST, amount: offer.toString() }, { belief_price: "670", max_spread: "0.05" });
    assert.equal(msg.contract, contracts.assets.mTSLA.pair);
    assert.equal(msg.coins.get("uusd").amount.toFixed(), offer.toString());
    const r = await send(lcd, key, [msg], "swap");
    const a = wasmAttrs(r, contracts.assets.mTSLA.pair);
    assert.equal(a.action, "swap");
    assert.equal(a.offer_amount, offer.toString());
    assert.equal(a.return_amount, sim.return_amount);
  });

  await step("test6 received exactly the simulated mTSLA", async () => {
    const tsla1 = BigInt((await mTSLA.token.getBalance()).balance);
    assert.equal(tsla1 - tsla0, BigInt(sim.return_amount));
    const pool = await mTSLA.pair.getPool();
    const ust = pool.assets.find((a) => a.info.native_token?.denom === "uusd");
    assert.equal(BigInt(ust.amount), pool0.ust + offer);
  });

  const stake = 12_345_000_000n; // 12,345 MIR
  const staker0 = await mirror.gov.getStaker(TEST6.address);
  const state0 = await mirror.gov.getState();
  await step("gov.stakeVotingTokens(MIR, 12,345): the MIR token's cw20 send to gov", async () => {
    const msg = mirror.gov.stakeVotingTokens(mirror.mirrorToken, stake.toString());
    assert.equal(msg.contract, contracts.mirrorToken);
    assert.equal(msg.execute_msg.send.contract, contracts.gov);
    assert.equal(msg.execute_msg.send.amount, stake.toString());
    assert.deepEqual(JSON.parse(Buffer.from(msg.execute_msg.send.msg, "base64").toString()), { stake_voting_tokens: {} });
    const r = await send(lcd, key, [msg], "stake");
    const a = wasmAttrs(r, contracts.gov);
    assert.equal(a.action, "staking");
    assert.equal(a.amount, stake.toString());
  });

  await step("gov.getStaker(test6): balance grew by 12,345 MIR (share-rounded); share and total_share too", async () => {
    const s = await mirror.gov.getStaker(TEST6.address);
    // Gov stakes are shares: balance = ⌊share × staked / total_share⌋. On a fresh chain a share is 1 MIR and the
    // growth is exact; once rewards were deposited (other scripts of the suite), each floor may cost 1 unit.
    const grown = BigInt(s.balance) - BigInt(staker0.balance);
    assert.ok(grown === stake || grown === stake - 1n, `grew by ${grown}`);
    assert.ok(BigInt(s.share) > BigInt(staker0.share));
    const state = await mirror.gov.getState();
    assert.equal(BigInt(state.total_share) - BigInt(state0.total_share), BigInt(s.share) - BigInt(staker0.share));
  });

  await step("mirrorToken.getBalance(test6) fell by exactly 12,345 MIR", async () => {
    const { balance } = await mirror.mirrorToken.getBalance(TEST6.address);
    assert.equal(mir0 - BigInt(balance), stake);
  });
}

exitWhenDone(main);
