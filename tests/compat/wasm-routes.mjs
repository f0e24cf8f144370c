// cosmjs 0.38.1's CosmWasmClient listing and raw-state calls, Comet38Client's validators/commit/block_search, and the
// wasmd / Cosmos SDK REST routes over codes, contract history and state, and bank supply, against a devnet.
// Prints one PASS/FAIL line per step; exits non-zero when any fails.
//
//   MIRRORCHAIN_RPC=http://127.0.0.1:26657 MIRRORCHAIN_LCD=http://127.0.0.1:1317 \
//   MIRRORCHAIN_CONTRACTS=~/.mirrorchain/config/contracts.json node wasm-routes.mjs
import assert from "node:assert/strict";
import { createHash } from "node:crypto";

import { CosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { fromUtf8, toBech32, toHex, toUtf8 } from "@cosmjs/encoding";
import { Comet38Client } from "@cosmjs/tendermint-rpc";

import { RPC, exitWhenDone, readContracts, softStep } from "./lib/harness.mjs";

const LCD = process.env.MIRRORCHAIN_LCD ?? "http://127.0.0.1:1317";
const CW20 = 1;
const MINT_CODE = 14;
const b64 = (text) => Buffer.from(text).toString("base64");

async function getJson(path) {
  const res = await fetch(LCD + path);
  const body = await res.text();
  assert.equal(res.status, 200, `${path}: HTTP ${res.status} ${body}`);
  return JSON.parse(body);
}

exitWhenDone(async () => {
  console.log(`wasm-routes: rpc ${RPC}, lcd ${LCD}`);
  const contracts = readContracts();
  const token = contracts.mirrorToken;
  const mint = contracts.mint;
  const client = await CosmWasmClient.connect(RPC);
  const comet = await Comet38Client.connect(RPC);

  await softStep("getCodes lists every code with a creator and a 32-byte checksum", async () => {
    const codes = await client.getCodes();
    const ids = codes.map((c) => c.id);
    assert.ok(ids.includes(CW20) && ids.includes(MINT_CODE), `codes ${ids}`);
    assert.deepEqual([...ids].sort((a, b) => a - b), ids);
    for (const c of codes) {
      assert.match(c.creator, /^terra1/);
      assert.match(c.checksum, /^[0-9a-f]{64}$/);
    }
  });
  await softStep("getCodeDetails: data is the crate name and the checksum its SHA-256", async () => {
    const code = await client.getCodeDetails(CW20);
    assert.equal(fromUtf8(code.data), "cw20_base");
    assert.equal(code.checksum, createHash("sha256").update(code.data).digest("hex"));
    await assert.rejects(client.getCodeDetails(999), /no such code/);
  });
  await softStep("getContracts(cw20) lists MIR and the mAsset tokens", async () => {
    const list = await client.getContracts(CW20);
    assert.ok(list.includes(token), `MIR ${token} missing`);
    for (const asset of Object.values(contracts.assets)) assert.ok(list.includes(asset.token), `${asset.symbol} missing`);
    assert.deepEqual(await client.getContracts(MINT_CODE), [mint]);
  });
  await softStep("getContract(mint): code id, creator, label, admin", async () => {
    const c = await client.getContract(mint);
    assert.equal(c.address, mint);
    assert.equal(c.codeId, MINT_CODE);
    assert.match(c.creator, /^terra1/);
    assert.ok(c.label.length > 0);
  });
  await softStep("getContractCodeHistory(mint): one Genesis entry", async () => {
    assert.deepEqual(await client.getContractCodeHistory(mint), [{ operation: "Genesis", codeId: MINT_CODE, msg: {} }]);
  });
  await softStep("queryContractRaw reads cw20 token_info, empty for a missing key, rejects an unknown contract", async () => {
    const raw = await client.queryContractRaw(token, toUtf8("token_info"));
    assert.equal(JSON.parse(fromUtf8(raw)).symbol, "MIR");
    // a missing key answers empty data, which cosmjs (as against wasmd) returns as an empty array
    assert.equal((await client.queryContractRaw(token, toUtf8("no_such_key")))?.length ?? 0, 0);
    await assert.rejects(client.queryContractRaw(toBech32("terra", new Uint8Array(32)), toUtf8("x")), /no such contract/);
  });

  const height = (await comet.status()).syncInfo.latestBlockHeight;
  await softStep("validatorsAll: the devnet's one validator", async () => {
    const v = await comet.validatorsAll();
    assert.equal(v.total, 1);
    assert.equal(v.validators.length, 1);
    assert.equal(v.validators[0].address.length, 20);
    assert.ok(v.validators[0].votingPower > 0n);
    assert.ok(v.blockHeight > height);
    const at = await comet.validatorsAll(height);
    assert.equal(at.blockHeight, height);
  });
  await softStep("commit: header and block id of the block, canonical below the latest height", async () => {
    const c = await comet.commit(height - 1);
    assert.equal(c.canonical, true);
    assert.equal(c.header.height, height - 1);
    assert.equal(c.commit.height, height - 1);
    const block = await comet.block(height - 1);
    assert.equal(toHex(c.commit.blockId.hash), toHex(block.blockId.hash));
    assert.ok(Array.isArray(c.commit.signatures));
    const latest = await comet.commit();
    assert.equal(typeof latest.canonical, "boolean");
  });
  await softStep("blockSearchAll on block.height pages through the blocks", async () => {
    const from = Math.max(1, height - 40);
    const r = await comet.blockSearchAll({ query: `block.height > ${from} AND block.height <= ${height}`, per_page: 10 });
    assert.equal(r.totalCount, height - from);
    assert.deepEqual(r.blocks.map((b) => b.block.header.height), Array.from({ length: height - from }, (_, i) => from + 1 + i));
    const none = await comet.blockSearch({ query: "block.height > 1 AND tm.event = 'NewBlock'" });
    assert.equal(none.totalCount, 0);
  });

  await softStep("LCD /cosmwasm/wasm/v1/code and /code/{id}", async () => {
    const all = await getJson("/cosmwasm/wasm/v1/code");
    assert.ok(all.code_infos.some((c) => c.code_id === String(MINT_CODE)));
    assert.equal(all.code_infos[0].instantiate_permission.permission, "Nobody");
    const one = await getJson(`/cosmwasm/wasm/v1/code/${CW20}`);
    assert.equal(Buffer.from(one.data, "base64").toString(), "cw20_base");
    assert.match(one.code_info.data_hash, /^[0-9A-F]{64}$/);
  });
  await softStep("LCD /code/{id}/contracts pages with next_key", async () => {
    const first = await getJson(`/cosmwasm/wasm/v1/code/${CW20}/contracts?pagination.limit=2`);
    assert.equal(first.contracts.length, 2);
    assert.ok(first.pagination.next_key);
    const next = await getJson(`/cosmwasm/wasm/v1/code/${CW20}/contracts?pagination.key=${encodeURIComponent(first.pagination.next_key)}`);
    assert.ok(!next.contracts.includes(first.contracts[0]));
  });
  await softStep("LCD /contract/{addr}/history", async () => {
    const h = await getJson(`/cosmwasm/wasm/v1/contract/${mint}/history`);
    assert.deepEqual(h.entries.map((e) => [e.operation, e.code_id, e.msg]), [["CONTRACT_CODE_HISTORY_OPERATION_TYPE_GENESIS", String(MINT_CODE), {}]]);
  });
  await softStep("LCD /contract/{addr}/raw/{key} and /state (paginated)", async () => {
    const raw = await getJson(`/cosmwasm/wasm/v1/contract/${token}/raw/${encodeURIComponent(b64("token_info"))}`);
    assert.equal(JSON.parse(Buffer.from(raw.data, "base64").toString()).symbol, "MIR");
    const state = await getJson(`/cosmwasm/wasm/v1/contract/${token}/state?pagination.limit=2`);
    assert.equal(state.models.length, 2);
    assert.match(state.models[0].key, /^[0-9A-F]+$/);
    assert.ok(state.pagination.next_key);
    // map keys start with a length byte, so the Item keys ("token_info") come last
    const last = await getJson(`/cosmwasm/wasm/v1/contract/${token}/state?pagination.reverse=true&pagination.limit=5`);
    assert.ok(last.models.some((m) => Buffer.from(m.key, "hex").toString() === "token_info"));
  });
  await softStep("LCD /cosmos/bank/v1beta1/supply, /supply/by_denom and /supply/{denom}", async () => {
    const supply = await getJson("/cosmos/bank/v1beta1/supply");
    const luna = supply.supply.find((c) => c.denom === "uluna");
    assert.ok(luna && BigInt(luna.amount) > 0n);
    assert.equal(supply.pagination.total, String(supply.supply.length));
    const byDenom = await getJson("/cosmos/bank/v1beta1/supply/by_denom?denom=uluna");
    const legacy = await getJson("/cosmos/bank/v1beta1/supply/uluna");
    assert.deepEqual(legacy, byDenom);
    assert.equal(byDenom.amount.denom, "uluna");
  });
});
