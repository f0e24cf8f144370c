// The Mirror lifecycle end to end through signed transactions only (unmodified cosmjs 0.38.1), against the devnet
// genesis (gov profile: voting period 30 s, effective delay 10 s, snapshot 5 s, quorum 10%, threshold 50%, deposit
// 100 MIR):
//   1. test2-4 stake MIR in gov; test2 proposes whitelisting mXYZ (v2.1.4 execute_msg to the factory); the stakers
//      vote yes; end_poll (passed, deposit refunded) and execute_poll after the effective delay create mXYZ, its
//      Terraswap pair and LP token. While the poll runs, an mAAPL auction puts a protocol fee into the collector.
//   2. test1 feeds mXYZ; test5 mints mXYZ in a CDP and provides liquidity; test6 buys mXYZ (exact compute_swap).
//   3. test5 bonds its LP in staking; factory distribute pays the pool; test5 withdraws exactly its pending MIR.
//   4. test1 (the feeder) revokes mXYZ with an end price; test6 burns its mXYZ into test5's position and is refunded
//      min(burn × end_price, burn × collateral/asset) minus the 1.5% fee.
//   5. The collector converts its UST fees into MIR on the MIR/UST pair (exact compute_swap) and distributes them
//      to gov, whose MIR balance grows by exactly that amount.
//   6. Governance owns itself: the validator's (public) key cannot change gov's config ("unauthorized"), the
//      protocol's contracts have the admin manager as wasm admin, and an auth-admin poll (update_config, run
//      alongside the whitelist poll) changes gov's snapshot period.
// Every amount the formulas determine is asserted exactly (BigInt). Fees are paid in uluna, so uusd, MIR and mAsset
// balances move only by the protocol's rules. Waits use the chain's block time, never the wall clock.
// Prints PASS/FAIL lines; exits non-zero on the first failure.
//
//   MIRRORCHAIN_RPC=http://127.0.0.1:26657 MIRRORCHAIN_CONTRACTS=~/.mirrorchain/config/contracts.json node gov-lifecycle.mjs
import assert from "node:assert/strict";

import { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { GasPrice } from "@cosmjs/stargate";

import { b64, devnetAccount, exitWhenDone, HD_PATH, readContracts, RPC, softStep, step } from "./lib/harness.mjs";

const GAS_PRICE = GasPrice.fromString("0.015uluna");
const MIR = 1_000_000n; // micro-units per MIR / UST / mAsset


async function connect(name) {
  const { mnemonic } = devnetAccount(name);
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(mnemonic, { prefix: "terra", hdPaths: [HD_PATH] });
  const [account] = await wallet.getAccounts();
  const client = await SigningCosmWasmClient.connectWithSigner(RPC, wallet, { gasPrice: GAS_PRICE, broadcastPollIntervalMs: 200 });
  const exec = (contract, msg, funds = []) => client.execute(account.address, contract, msg, "auto", "", funds);
  return { name, address: account.address, client, exec };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const native = (denom) => ({ native_token: { denom } });
const token = (addr) => ({ token: { contract_addr: addr } });

// ---- cosmwasm Decimal (18 digits) and Mirror's 9-digit helpers, as BigInt atomics ----
const E18 = 10n ** 18n;
const E9 = 10n ** 9n;
const dec = (s) => {
  const [i, f = ""] = String(s).split(".");
  return BigInt(i) * E18 + BigInt((f + "0".repeat(18)).slice(0, 18));
};
const fromRatio = (n, d) => (n * E18) / d;
const mulDec = (u, d) => (u * d) / E18; // Uint128 × Decimal, floored
const t9 = (d) => (d * E9) / E18; // Mirror's truncation to 9 decimals (as an integer)
const decimalDivision = (a, b) => fromRatio(t9(a), t9(b));
const reverseDecimal = (d) => fromRatio(E9, t9(d));
const isqrt = (n) => {
  if (n < 2n) return n;
  let x = n, y = (x + 1n) / 2n;
  while (y < x) { x = y; y = (x + n / x) / 2n; }
  return x;
};

/** Terraswap 2.4 compute_swap: R = ⌊P_a − from_ratio256(P_o·P_a, P_o + x)⌋, C = ⌊R·0.003⌋, N = R − C. */
function computeSwap(offerPool, askPool, offer) {
  const cp = offerPool * askPool;
  const q = (cp * E18) / (offerPool + offer);
  const gross = (askPool * E18 - q) / E18;
  const commission = (gross * 3n) / 1000n;
  const spreadBase = mulDec(offer, fromRatio(askPool, offerPool));
  const spread = spreadBase > gross ? spreadBase - gross : 0n;
  return { ret: gross - commission, commission, spread };
}

/** Attributes of every wasm event emitted by `contract` in a tx result, merged; `get(key)` returns the first value. */
function wasmAttrs(result, contract) {
  const attrs = result.events
    .filter((e) => e.type === "wasm" && e.attributes.some((a) => a.key === "_contract_address" && a.value === contract))
    .flatMap((e) => e.attributes);
  return { all: attrs, get: (k) => attrs.find((a) => a.key === k)?.value };
}
/** Every value of `key` across all wasm events of a tx. */
const anyAttr = (result, key) =>
  result.events.filter((e) => e.type.startsWith("wasm")).flatMap((e) => e.attributes).filter((a) => a.key === key).map((a) => a.value);

function rfc3339Seconds(t) {
  if (t instanceof Date) return Math.floor(t.getTime() / 1000);
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?Z$/.exec(t);
  assert.ok(m, `unexpected block time ${t}`);
  return Math.floor(Date.parse(`${m[1]}Z`) / 1000);
}

async function main() {
  const contracts = readContracts();
  const { factory, gov, mint, oracle, staking, collector, mirrorToken, terraswapFactory, adminManager } = contracts;
  const mAAPL = contracts.assets.mAAPL;
  const names = ["test1", "test2", "test3", "test4", "test5", "test6", "test7", "test8"];
  const [feeder, t2, t3, t4, t5, t6, t7, t8] = await Promise.all(names.map(connect));
  const validator = await connect("validator");
  const q = feeder.client;
  const smart = (addr, msg) => q.queryContractSmart(addr, msg);
  const uusd = async (addr) => BigInt((await q.getBalance(addr, "uusd")).amount);
  const cw20 = async (tokenAddr, addr) => BigInt((await smart(tokenAddr, { balance: { address: addr } })).balance);
  const mir = (addr) => cw20(mirrorToken, addr);
  const blockTime = async (height) => rfc3339Seconds((await q.getBlock(height)).header.time);
  const waitBlockTime = async (target) => {
    while ((await blockTime()) < target) await sleep(200);
  };
  const pool = async (pair) => {
    const p = await smart(pair, { pool: {} });
    const find = (pred) => BigInt(p.assets.find((a) => pred(a.info)).amount);
    return { native: find((i) => i.native_token), token: find((i) => i.token), totalShare: BigInt(p.total_share) };
  };
  const feed = (prices) => feeder.exec(oracle, { feed_price: { prices } });

  await step("contracts.json names factory, gov, mint, oracle, staking, collector and MIR", () => {
    for (const a of [factory, gov, mint, oracle, staking, collector, mirrorToken, terraswapFactory]) assert.match(a, /^terra1/);
  });

  // ---------------------------------------------------------------------------------------------------------------
  // 1a. Gov staking
  // ---------------------------------------------------------------------------------------------------------------
  const govConfig = await smart(gov, { config: {} });
  const pollConfig = govConfig.default_poll_config;
  const deposit = BigInt(pollConfig.proposal_deposit);
  await step("gov profile: deposit 100 MIR, voting period 30 s, effective delay 10 s, quorum 0.1, threshold 0.5", () => {
    assert.equal(deposit, 100n * MIR);
    assert.equal(pollConfig.voting_period, 30);
    assert.equal(govConfig.effective_delay, 10);
    assert.equal(pollConfig.quorum, "0.1");
    assert.equal(pollConfig.threshold, "0.5");
  });

  const stakes = [[t2, 10_000n * MIR], [t3, 20_000n * MIR], [t4, 30_000n * MIR]];
  const stateBefore = await smart(gov, { state: {} });
  const govMirBefore = await mir(gov);
  // staked MIR = gov's balance − (deposits + pending voting rewards); shares are 1:1 while total_share = staked
  const stakedBefore = govMirBefore - BigInt(stateBefore.total_deposit) - BigInt(stateBefore.pending_voting_rewards);
  const oneToOne = BigInt(stateBefore.total_share) === stakedBefore;
  await step("test2, test3, test4 stake 10k / 20k / 30k MIR in gov (cw20 send, stake_voting_tokens)", async () => {
    const before = await Promise.all(stakes.map(([w]) => mir(w.address)));
    const results = await Promise.all(stakes.map(([w, amount]) =>
      w.exec(mirrorToken, { send: { contract: gov, amount: amount.toString(), msg: b64({ stake_voting_tokens: {} }) } })));
    for (let i = 0; i < stakes.length; i++) {
      const [w, amount] = stakes[i];
      const a = wasmAttrs(results[i], gov);
      assert.equal(a.get("action"), "staking");
      assert.equal(a.get("amount"), amount.toString());
      if (oneToOne) assert.equal(a.get("share"), amount.toString());
      assert.equal(before[i] - (await mir(w.address)), amount);
      const staker = await smart(gov, { staker: { address: w.address } });
      if (oneToOne) assert.equal(BigInt(staker.balance), amount);
      else assert.ok(BigInt(staker.balance) >= amount - 1n, staker.balance);
    }
    assert.equal((await mir(gov)) - govMirBefore, 60_000n * MIR);
  });

  // ---------------------------------------------------------------------------------------------------------------
  // 1b. The whitelist poll
  // ---------------------------------------------------------------------------------------------------------------
  const whitelistMsg = {
    whitelist: {
      name: "XYZ Corporation",
      symbol: "mXYZ",
      oracle_feeder: feeder.address,
      params: { auction_discount: "0.2", min_collateral_ratio: "1.5" },
    },
  };
  const executeMsg = { contract: factory, msg: b64(whitelistMsg) };
  const t2MirBeforePoll = await mir(t2.address);
  const { pollId, endTime } = await step("test2 creates the whitelist poll with a 100 MIR deposit (create_poll, execute_msg → factory)", async () => {
    const result = await t2.exec(mirrorToken, {
      send: {
        contract: gov,
        amount: deposit.toString(),
        msg: b64({
          create_poll: {
            title: "Whitelist XYZ Corporation",
            description: "Lists mXYZ: auction discount 20%, minimum collateral ratio 150%, fed by test1.",
            link: "https://mirror.finance/gov/mXYZ",
            execute_msg: executeMsg,
          },
        }),
      },
    });
    const a = wasmAttrs(result, gov);
    assert.equal(a.get("action"), "create_poll");
    assert.equal(a.get("creator"), t2.address);
    const id = Number(a.get("poll_id"));
    const end = Number(a.get("end_time"));
    assert.equal(end, (await blockTime(result.height)) + pollConfig.voting_period);
    const poll = await smart(gov, { poll: { poll_id: id } });
    assert.equal(poll.status, "in_progress");
    assert.equal(poll.end_time, end);
    assert.equal(poll.deposit_amount, deposit.toString());
    assert.deepEqual(poll.execute_data, executeMsg);
    assert.equal(t2MirBeforePoll - (await mir(t2.address)), deposit);
    return { pollId: id, endTime: end };
  });

  const votes = await step("test2, test3, test4 vote yes with their whole stake (cast_vote)", async () => {
    const amounts = await Promise.all(stakes.map(async ([w]) => BigInt((await smart(gov, { staker: { address: w.address } })).balance)));
    const results = await Promise.all(stakes.map(([w], i) =>
      w.exec(gov, { cast_vote: { poll_id: pollId, vote: "yes", amount: amounts[i].toString() } })));
    results.forEach((r, i) => {
      const a = wasmAttrs(r, gov);
      assert.equal(a.get("action"), "cast_vote");
      assert.equal(a.get("vote_option"), "yes");
      assert.equal(a.get("amount"), amounts[i].toString());
    });
    const poll = await smart(gov, { poll: { poll_id: pollId } });
    const yes = amounts.reduce((s, x) => s + x, 0n);
    assert.equal(BigInt(poll.yes_votes), yes);
    assert.equal(poll.no_votes, "0");
    return yes;
  });

  // ---------------------------------------------------------------------------------------------------------------
  // 6a. Governance owns itself; an admin poll runs alongside the whitelist poll
  // ---------------------------------------------------------------------------------------------------------------
  await step("the validator key cannot change gov's config directly: update_config → unauthorized", async () => {
    await assert.rejects(
      validator.exec(gov, { update_config: { default_poll_config: { proposal_deposit: "1", voting_period: 1, quorum: "0.000001", threshold: "0.000001" } } }),
      /unauthorized/);
    assert.equal((await smart(gov, { config: {} })).owner, gov);
  });

  await step("gov owns itself and its admin_manager is the admin manager contract, owned by gov", async () => {
    assert.match(adminManager ?? "", /^terra1/);
    assert.equal(govConfig.owner, gov);
    assert.equal(govConfig.admin_manager, adminManager);
    assert.equal((await smart(adminManager, { config: {} })).owner, gov);
  });

  await step("the admin manager is the wasm admin of gov, factory, mint, oracle, staking, collector and the MIR token", async () => {
    for (const addr of [gov, factory, mint, oracle, staking, collector, mirrorToken]) {
      assert.equal((await q.getContract(addr)).admin, adminManager, addr);
    }
  });

  const authAdmin = govConfig.auth_admin_poll_config;
  const newSnapshotPeriod = govConfig.snapshot_period + 1;
  const adminPoll = await step("test2 creates an auth-admin poll (admin_action update_config: snapshot period + 1 s); the stakers vote yes", async () => {
    const result = await t2.exec(mirrorToken, {
      send: {
        contract: gov,
        amount: authAdmin.proposal_deposit,
        msg: b64({ create_poll: { title: "Snapshot period", description: "gov update_config by poll",
          admin_action: { update_config: { snapshot_period: newSnapshotPeriod } } } }),
      },
    });
    const a = wasmAttrs(result, gov);
    const id = Number(a.get("poll_id"));
    const end = Number(a.get("end_time"));
    assert.equal(end, (await blockTime(result.height)) + authAdmin.voting_period);
    await Promise.all(stakes.map(async ([w]) => {
      const balance = (await smart(gov, { staker: { address: w.address } })).balance;
      await w.exec(gov, { cast_vote: { poll_id: id, vote: "yes", amount: balance } });
    }));
    return { id, end };
  });

  // ---------------------------------------------------------------------------------------------------------------
  // 5a. While the poll runs: an mAAPL auction puts a protocol fee into the collector
  // ---------------------------------------------------------------------------------------------------------------
  const collectorUusdStart = await uusd(collector);
  let feesToCollector = 0n;
  const aaplCollateral = 3_000n * MIR;
  const aaplPosition = await step("test1 feeds mAAPL = 150; test7 opens a 160% mAAPL CDP with 3,000 UST", async () => {
    await feed([[mAAPL.token, "150"]]);
    const result = await t7.exec(mint, {
      open_position: { collateral: { info: native("uusd"), amount: aaplCollateral.toString() }, asset_info: token(mAAPL.token), collateral_ratio: "1.6" },
    }, [{ denom: "uusd", amount: aaplCollateral.toString() }]);
    const a = wasmAttrs(result, mint);
    const idx = a.get("position_idx");
    // mint = ⌊⌊collateral × decimal_division(1, 150)⌋ × reverse_decimal(1.6)⌋
    const minted = mulDec(mulDec(aaplCollateral, decimalDivision(dec("1"), dec("150"))), reverseDecimal(dec("1.6")));
    assert.equal(a.get("mint_amount"), `${minted}${mAAPL.token}`);
    const p = await smart(mint, { position: { position_idx: idx } });
    assert.equal(BigInt(p.asset.amount), minted);
    assert.equal(BigInt(p.collateral.amount), aaplCollateral);
    return { idx, minted };
  });

  await step("test8 buys mAAPL on its pair; test1 moves mAAPL to 170 (the position falls to ~141% < 150%)", async () => {
    const offer = 1_500n * MIR;
    await t8.exec(mAAPL.pair, { swap: { offer_asset: { info: native("uusd"), amount: offer.toString() }, max_spread: "0.5" } },
      [{ denom: "uusd", amount: offer.toString() }]);
    assert.ok((await cw20(mAAPL.token, t8.address)) >= 5n * MIR);
    await feed([[mAAPL.token, "170"]]);
  });

  await step("test8 liquidates 5 mAAPL of test7's position (auction): 1,062.5 UST − 12.75 UST fee, fee → collector", async () => {
    const amount = 5n * MIR;
    const before = { uusd: await uusd(t8.address), collector: await uusd(collector) };
    const result = await t8.exec(mAAPL.token, {
      send: { contract: mint, amount: amount.toString(), msg: b64({ auction: { position_idx: aaplPosition.idx } }) },
    });
    // discount = min(0.2, 1.5 − 1); discounted price = decimal_division(170, 0.8) = 212.5
    const value = mulDec(amount, decimalDivision(dec("170"), dec("0.8")));
    const fee = mulDec(mulDec(amount, decimalDivision(dec("170"), dec("1"))), dec("0.015"));
    assert.equal(value, 1_062_500_000n);
    assert.equal(fee, 12_750_000n);
    const a = wasmAttrs(result, mint);
    assert.equal(a.get("action"), "auction");
    assert.equal(a.get("return_collateral_amount"), `${value - fee}uusd`);
    assert.equal(a.get("protocol_fee"), `${fee}uusd`);
    assert.equal((await uusd(t8.address)) - before.uusd, value - fee);
    assert.equal((await uusd(collector)) - before.collector, fee);
    const p = await smart(mint, { position: { position_idx: aaplPosition.idx } });
    assert.equal(BigInt(p.collateral.amount), aaplCollateral - value);
    assert.equal(BigInt(p.asset.amount), aaplPosition.minted - amount);
    feesToCollector += fee;
  });

  // ---------------------------------------------------------------------------------------------------------------
  // 1c. End and execute the poll
  // ---------------------------------------------------------------------------------------------------------------
  await step(`end_poll is refused before end_time (${endTime}, block time)`, async () => {
    if ((await blockTime()) + 2 < endTime) {
      await assert.rejects(t3.exec(gov, { end_poll: { poll_id: pollId } }), /Voting period has not expired/);
    }
  });

  await waitBlockTime(endTime);
  await step("after end_time: end_poll → passed (quorum and threshold), deposit refunded to test2", async () => {
    const t2Before = await mir(t2.address);
    const pollBefore = await smart(gov, { poll: { poll_id: pollId } });
    const state = await smart(gov, { state: {} });
    const staked = (await mir(gov)) - BigInt(state.total_deposit) - BigInt(state.pending_voting_rewards);
    const weight = pollBefore.staked_amount !== null ? BigInt(pollBefore.staked_amount) : staked;
    const result = await t3.exec(gov, { end_poll: { poll_id: pollId } });
    const a = wasmAttrs(result, gov);
    assert.equal(a.get("action"), "end_poll");
    assert.equal(a.get("passed"), "true");
    assert.equal(a.get("rejected_reason"), "");
    // quorum = tallied / staked ≥ 0.1; yes / (yes + no) > 0.5
    assert.ok(fromRatio(votes, weight) >= dec(pollConfig.quorum), `quorum ${votes}/${weight}`);
    assert.ok(fromRatio(votes, votes) > dec(pollConfig.threshold));
    const poll = await smart(gov, { poll: { poll_id: pollId } });
    assert.equal(poll.status, "passed");
    assert.equal(BigInt(poll.total_balance_at_end_poll), weight);
    assert.equal((await mir(t2.address)) - t2Before, deposit);
  });

  await step("execute_poll is refused during the effective delay", async () => {
    if ((await blockTime()) + 2 < endTime + govConfig.effective_delay) {
      await assert.rejects(t3.exec(gov, { execute_poll: { poll_id: pollId } }), /Effective delay has not expired/);
    }
  });

  await waitBlockTime(endTime + govConfig.effective_delay);
  const xyz = await step("after the effective delay: execute_poll → executed; the factory whitelists mXYZ", async () => {
    const result = await t3.exec(gov, { execute_poll: { poll_id: pollId } });
    assert.equal(wasmAttrs(result, gov).get("action"), "execute_poll");
    assert.equal(wasmAttrs(result, factory).get("action"), "whitelist");
    assert.equal(wasmAttrs(result, factory).get("symbol"), "mXYZ");
    const [tokenAddr] = anyAttr(result, "asset_token_addr");
    const [pair] = anyAttr(result, "pair_contract_addr");
    const [lpToken] = anyAttr(result, "liquidity_token_addr");
    for (const x of [tokenAddr, pair, lpToken]) assert.match(x ?? "", /^terra1/);
    const poll = await smart(gov, { poll: { poll_id: pollId } });
    assert.equal(poll.status, "executed");
    return { token: tokenAddr, pair, lpToken };
  });

  await step("mXYZ is registered everywhere: token info, Terraswap pair, mint, oracle feeder, staking, weight 30", async () => {
    const info = await smart(xyz.token, { token_info: {} });
    assert.equal(info.symbol, "mXYZ");
    assert.equal(info.name, "XYZ Corporation");
    assert.equal(info.total_supply, "0");
    const pair = await smart(terraswapFactory, { pair: { asset_infos: [native("uusd"), token(xyz.token)] } });
    assert.equal(pair.contract_addr, xyz.pair);
    assert.equal(pair.liquidity_token, xyz.lpToken);
    const assetConfig = await smart(mint, { asset_config: { asset_token: xyz.token } });
    assert.equal(assetConfig.auction_discount, "0.2");
    assert.equal(assetConfig.min_collateral_ratio, "1.5");
    assert.equal(assetConfig.end_price, null);
    assert.equal((await smart(oracle, { feeder: { asset_token: xyz.token } })).feeder, feeder.address);
    assert.equal((await smart(staking, { pool_info: { asset_token: xyz.token } })).staking_token, xyz.lpToken);
    const dist = await smart(factory, { distribution_info: {} });
    assert.deepEqual(dist.weights.find(([a]) => a === xyz.token), [xyz.token, 30]);
  });

  // ---------------------------------------------------------------------------------------------------------------
  // 2. mXYZ is mintable and tradable
  // ---------------------------------------------------------------------------------------------------------------
  const xyzCollateral = 20_000n * MIR;
  const xyzPosition = await step("test1 feeds mXYZ = 100; test5 opens a 200% CDP with 20,000 UST → 100 mXYZ", async () => {
    await feed([[xyz.token, "100"]]);
    assert.equal((await smart(oracle, { price: { base_asset: xyz.token, quote_asset: "uusd" } })).rate, "100");
    const result = await t5.exec(mint, {
      open_position: { collateral: { info: native("uusd"), amount: xyzCollateral.toString() }, asset_info: token(xyz.token), collateral_ratio: "2" },
    }, [{ denom: "uusd", amount: xyzCollateral.toString() }]);
    const a = wasmAttrs(result, mint);
    const minted = mulDec(mulDec(xyzCollateral, decimalDivision(dec("1"), dec("100"))), reverseDecimal(dec("2")));
    assert.equal(minted, 100n * MIR);
    assert.equal(a.get("mint_amount"), `${minted}${xyz.token}`);
    assert.equal(await cw20(xyz.token, t5.address), minted);
    return { idx: a.get("position_idx"), minted };
  });

  const lp = await step("test5 provides 50 mXYZ + 5,000 UST to the mXYZ pair and receives isqrt(product) LP", async () => {
    const assetAmount = 50n * MIR;
    const ustAmount = 5_000n * MIR;
    const before = await pool(xyz.pair);
    assert.equal(before.totalShare, 0n);
    await t5.exec(xyz.token, { increase_allowance: { spender: xyz.pair, amount: assetAmount.toString() } });
    await t5.exec(xyz.pair, {
      provide_liquidity: { assets: [{ info: token(xyz.token), amount: assetAmount.toString() }, { info: native("uusd"), amount: ustAmount.toString() }] },
    }, [{ denom: "uusd", amount: ustAmount.toString() }]);
    const share = isqrt(assetAmount * ustAmount);
    assert.equal(await cw20(xyz.lpToken, t5.address), share);
    const after = await pool(xyz.pair);
    assert.equal(after.token, assetAmount);
    assert.equal(after.native, ustAmount);
    return share;
  });

  const boughtXyz = await step("test6 swaps 500 UST → mXYZ: return = compute_swap(pool) exactly (0.3% commission)", async () => {
    const offer = 500n * MIR;
    const p = await pool(xyz.pair);
    const expected = computeSwap(p.native, p.token, offer);
    const before = await cw20(xyz.token, t6.address);
    const result = await t6.exec(xyz.pair, { swap: { offer_asset: { info: native("uusd"), amount: offer.toString() }, max_spread: "0.5" } },
      [{ denom: "uusd", amount: offer.toString() }]);
    const a = wasmAttrs(result, xyz.pair);
    assert.equal(a.get("return_amount"), expected.ret.toString());
    assert.equal(a.get("commission_amount"), expected.commission.toString());
    assert.equal(a.get("spread_amount"), expected.spread.toString());
    const got = (await cw20(xyz.token, t6.address)) - before;
    assert.equal(got, expected.ret);
    return got;
  });

  // ---------------------------------------------------------------------------------------------------------------
  // 3. LP earns MIR
  // ---------------------------------------------------------------------------------------------------------------
  await step("test5 bonds its LP in staking (LP send, bond)", async () => {
    await t5.exec(xyz.lpToken, { send: { contract: staking, amount: lp.toString(), msg: b64({ bond: { asset_token: xyz.token } }) } });
    const info = await smart(staking, { reward_info: { staker_addr: t5.address, asset_token: xyz.token } });
    assert.equal(info.reward_infos.length, 1);
    assert.equal(BigInt(info.reward_infos[0].bond_amount), lp);
    assert.equal(info.reward_infos[0].pending_reward, "0");
  });

  const pending = await softStep("factory distribute pays the mXYZ pool its emission share; test5's pending MIR matches", async () => {
    const fconfig = await smart(factory, { config: {} });
    const dist = await smart(factory, { distribution_info: {} });
    await waitBlockTime(dist.last_distributed + 60);
    const poolBefore = await smart(staking, { pool_info: { asset_token: xyz.token } });
    const result = await t6.exec(factory, { distribute: {} });
    const now = BigInt(await blockTime(result.height));
    // target = Σ ⌊from_ratio(amount, s1 − s0) × (min(s1, now − genesis) − max(s0, last − genesis))⌋ over overlapping slots
    const elapsed = now - BigInt(fconfig.genesis_time);
    const lastElapsed = BigInt(dist.last_distributed) - BigInt(fconfig.genesis_time);
    let target = 0n;
    for (const [s0, s1, amount] of fconfig.distribution_schedule.map(([a, b, c]) => [BigInt(a), BigInt(b), BigInt(c)])) {
      if (s0 > elapsed || s1 < lastElapsed) continue;
      const duration = (s1 < elapsed ? s1 : elapsed) - (s0 > lastElapsed ? s0 : lastElapsed);
      target += mulDec(duration, fromRatio(amount, s1 - s0));
    }
    const totalWeight = dist.weights.reduce((s, [, w]) => s + BigInt(w), 0n);
    const shares = dist.weights.map(([, w]) => (target * BigInt(w)) / totalWeight);
    const xyzReward = (target * 30n) / totalWeight;
    assert.equal(wasmAttrs(result, factory).get("distribution_amount"), shares.reduce((s, x) => s + x, 0n).toString());
    // staking: normal = amount − ⌊amount × short_reward_weight⌋; index += from_ratio(normal + pending, total_bond)
    const normal = xyzReward - mulDec(xyzReward, dec(poolBefore.short_reward_weight)) + BigInt(poolBefore.pending_reward);
    const index0 = dec(poolBefore.reward_index);
    const index1 = index0 + fromRatio(normal, BigInt(poolBefore.total_bond_amount));
    assert.equal(BigInt(poolBefore.total_bond_amount), lp);
    const expected = mulDec(lp, index1) - mulDec(lp, index0);
    const info = await smart(staking, { reward_info: { staker_addr: t5.address, asset_token: xyz.token } });
    const got = BigInt(info.reward_infos[0].pending_reward);
    assert.equal(got, expected);
    const slots = fconfig.distribution_schedule.map(([a, b]) => `[${a}, ${b}]`).join(" ");
    assert.ok(target > 0n, `the factory emitted nothing: the window [${lastElapsed}, ${elapsed}] s after genesis_time ` +
      `${fconfig.genesis_time} overlaps no slot of the distribution_schedule ${slots} (slots are seconds relative to genesis_time)`);
    assert.ok(got > 0n, "test5 has no pending MIR");
    return got;
  });

  await softStep("test5 withdraws: its MIR balance grows by exactly the pending reward", async () => {
    assert.ok(pending !== undefined, "skipped: no pending reward to withdraw (previous step failed)");
    const before = await mir(t5.address);
    const result = await t5.exec(staking, { withdraw: { asset_token: xyz.token } });
    assert.equal(wasmAttrs(result, staking).get("amount"), pending.toString());
    assert.equal((await mir(t5.address)) - before, pending);
    const info = await smart(staking, { reward_info: { staker_addr: t5.address, asset_token: xyz.token } });
    assert.equal(info.reward_infos[0].pending_reward, "0");
  });

  // ---------------------------------------------------------------------------------------------------------------
  // 4. Delisting by the feeder
  // ---------------------------------------------------------------------------------------------------------------
  const endPrice = "123.456";
  await step("only the feeder may revoke with an end price: test6 is refused", async () => {
    await assert.rejects(t6.exec(factory, { revoke_asset: { asset_token: xyz.token, end_price: endPrice } }), /unauthorized/i);
  });

  await step(`test1 (feeder) revokes mXYZ at end_price ${endPrice}: mint records it, the weight is gone`, async () => {
    const result = await feeder.exec(factory, { revoke_asset: { asset_token: xyz.token, end_price: endPrice } });
    const a = wasmAttrs(result, factory);
    assert.equal(a.get("action"), "revoke_asset");
    assert.equal(a.get("end_price"), endPrice);
    assert.equal(a.get("asset_token"), xyz.token);
    assert.equal((await smart(mint, { asset_config: { asset_token: xyz.token } })).end_price, endPrice);
    const dist = await smart(factory, { distribution_info: {} });
    assert.equal(dist.weights.find(([x]) => x === xyz.token), undefined);
  });

  await step("test6 burns its mXYZ into test5's position: refund = min(⌊b×end⌋, ⌊b×C/A⌋) − ⌊⌊b×end⌋×1.5%⌋", async () => {
    const burn = boughtXyz;
    const p = await smart(mint, { position: { position_idx: xyzPosition.idx } });
    const C = BigInt(p.collateral.amount);
    const A = BigInt(p.asset.amount);
    const byPrice = mulDec(burn, decimalDivision(dec(endPrice), dec("1")));
    const byShare = mulDec(burn, fromRatio(C, A));
    const refund = byPrice < byShare ? byPrice : byShare;
    const fee = mulDec(byPrice, dec("0.015"));
    const before = { uusd: await uusd(t6.address), collector: await uusd(collector), supply: BigInt((await smart(xyz.token, { token_info: {} })).total_supply) };
    const result = await t6.exec(xyz.token, {
      send: { contract: mint, amount: burn.toString(), msg: b64({ burn: { position_idx: xyzPosition.idx } }) },
    });
    const a = wasmAttrs(result, mint);
    assert.equal(a.get("action"), "burn");
    assert.equal(a.get("burn_amount"), `${burn}${xyz.token}`);
    assert.equal(a.get("protocol_fee"), `${fee}uusd`);
    assert.equal(a.get("refund_collateral_amount"), `${refund - fee}uusd`);
    assert.equal((await uusd(t6.address)) - before.uusd, refund - fee);
    assert.equal((await uusd(collector)) - before.collector, fee);
    assert.equal(await cw20(xyz.token, t6.address), 0n);
    assert.equal(before.supply - BigInt((await smart(xyz.token, { token_info: {} })).total_supply), burn);
    const after = await smart(mint, { position: { position_idx: xyzPosition.idx } });
    assert.equal(BigInt(after.collateral.amount), C - refund);
    assert.equal(BigInt(after.asset.amount), A - burn);
    feesToCollector += fee;
  });

  // ---------------------------------------------------------------------------------------------------------------
  // 5b. Fees → MIR → gov stakers
  // ---------------------------------------------------------------------------------------------------------------
  const mirPair = (await smart(terraswapFactory, { pair: { asset_infos: [native("uusd"), token(mirrorToken)] } })).contract_addr;
  const bought = await step("collector convert {MIR}: its whole UST balance buys MIR on MIR/UST, exactly compute_swap", async () => {
    const balance = await uusd(collector);
    assert.equal(balance - collectorUusdStart, feesToCollector);
    const mirBefore = await mir(collector);
    const p = await pool(mirPair);
    const expected = computeSwap(p.native, p.token, balance);
    const result = await t3.exec(collector, { convert: { asset_token: mirrorToken } });
    assert.equal(wasmAttrs(result, collector).get("action"), "convert");
    assert.equal(wasmAttrs(result, mirPair).get("return_amount"), expected.ret.toString());
    assert.equal(await uusd(collector), 0n);
    const got = (await mir(collector)) - mirBefore;
    assert.equal(got, expected.ret);
    assert.ok(got > 0n);
    return got;
  });

  await step("collector distribute: gov's MIR balance grows by exactly the MIR the collector holds (bought)", async () => {
    const held = await mir(collector);
    assert.equal(held, bought);
    const before = await mir(gov);
    const result = await t3.exec(collector, { distribute: {} });
    assert.equal(wasmAttrs(result, collector).get("amount"), held.toString());
    assert.equal((await mir(gov)) - before, bought);
    assert.equal(await mir(collector), 0n);
  });

  // ---------------------------------------------------------------------------------------------------------------
  // 6b. The admin poll executes: gov sends update_config to itself, as its own owner
  // ---------------------------------------------------------------------------------------------------------------
  await waitBlockTime(adminPoll.end);
  await step("the auth-admin poll passes (quorum 30%, threshold 70%)", async () => {
    const result = await t3.exec(gov, { end_poll: { poll_id: adminPoll.id } });
    assert.equal(wasmAttrs(result, gov).get("passed"), "true");
  });
  await waitBlockTime(adminPoll.end + govConfig.effective_delay);
  await step("execute_poll → executed: gov's snapshot period changed, gov still owns itself", async () => {
    const result = await t3.exec(gov, { execute_poll: { poll_id: adminPoll.id } });
    // the update_config sub-message succeeded (no failed_poll reply) and was gov executing itself
    const actions = wasmAttrs(result, gov).all.filter((x) => x.key === "action").map((x) => x.value);
    assert.deepEqual(actions, ["execute_poll"]);
    assert.ok(result.events.some((e) => e.type === "execute" && e.attributes.some((x) => x.key === "_contract_address" && x.value === gov)));
    assert.equal((await smart(gov, { poll: { poll_id: adminPoll.id } })).status, "executed");
    const config = await smart(gov, { config: {} });
    assert.equal(config.snapshot_period, newSnapshotPeriod);
    assert.equal(config.owner, gov);
  });
}

exitWhenDone(main);
