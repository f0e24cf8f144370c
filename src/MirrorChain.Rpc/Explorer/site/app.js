// MirrorChain explorer and Mirror dashboard (docs/explorer.md). Plain ES2020, no libraries, no build step.
// Data: the LCD on this origin (Cosmos REST and CosmWasm smart queries), the node's JSON-RPC relayed at
// config.rpc_relay, live blocks from the RPC port's /websocket (polling when it is unreachable).
// Amounts are micro-unit integers (BigInt) and CosmWasm Decimals (BigInt atomics, 18 decimals): no floats touch
// a number that is shown; floats only place points in the SVG drawings.
"use strict";

const app = { config: null, contracts: null, assets: [], latest: 0n, latestTime: "", rendering: 0, lastHomeRefresh: 0 };
const view = document.getElementById("view");

// ---------- fixed point (CosmWasm Decimal and Mirror's 1e9 helpers) ----------
const D18 = 10n ** 18n;
const N9 = 10n ** 9n;

/** A CosmWasm Decimal string ("1.5") to its atomics (1.5 → 1.5e18). */
function dec(text) {
  const s = String(text);
  const [int, frac = ""] = s.split(".");
  if (!/^\d+$/.test(int) || !/^\d*$/.test(frac) || frac.length > 18) throw new Error(`not a decimal: ${s}`);
  return BigInt(int) * D18 + BigInt((frac + "0".repeat(18)).slice(0, 18));
}
/** Atomics to the Decimal's text: trailing zeros dropped ("1.5", "2"). */
function decText(a) {
  const int = a / D18;
  const frac = (a % D18).toString().padStart(18, "0").replace(/0+$/, "");
  return frac ? `${int}.${frac}` : `${int}`;
}
const fromRatio = (n, d) => (n * D18) / d;
const mulUD = (u, a) => (u * a) / D18; // Uint128 × Decimal, floored
const trunc9 = (a) => mulUD(N9, a);
const decimalDivision = (a, b) => fromRatio(trunc9(a), trunc9(b));
const decimalMultiplication = (a, b) => fromRatio(mulUD(trunc9(a), b), N9);
/** At most `places` decimals, truncated, trailing zeros dropped (the CLI's PositionMath.Round). */
function decRound(a, places) {
  const unit = 10n ** BigInt(18 - places);
  return decText((a / unit) * unit);
}
/** (to − from) / from in percent, rounded half away from zero (the CLI's PositionMath.PercentChange). */
function percentChange(from, to, decimals, signed) {
  if (from === 0n) return "n/a";
  const up = to >= from;
  const diff = up ? to - from : from - to;
  const scale = 100n * 10n ** BigInt(decimals);
  const units = (diff * scale * 2n + from) / (from * 2n);
  const divisor = scale / 100n;
  const text = decimals === 0 ? `${units}%` : `${units / divisor}.${(units % divisor).toString().padStart(decimals, "0")}%`;
  return up ? (signed && diff !== 0n ? "+" + text : text) : "-" + text;
}
/** Micro-units ("1340500000") to units with thousands separators ("1,340.5"). */
function units(micro) {
  const m = BigInt(micro);
  const neg = m < 0n;
  const abs = neg ? -m : m;
  const int = (abs / 1000000n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const frac = (abs % 1000000n).toString().padStart(6, "0").replace(/0+$/, "");
  return (neg ? "-" : "") + (frac ? `${int}.${frac}` : int);
}
const DENOMS = { uusd: "UST", uluna: "LUNA", ukrw: "KRT", usdr: "SDT" };
const denomLabel = (d) => DENOMS[d] || d;

// ---------- DOM ----------
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else el.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}
const link = (href, text, attrs) => h("a", { href, ...attrs }, text);
const blockLink = (height) => link(`#/block/${height}`, String(height));
const txLink = (hash) => link(`#/tx/${hash}`, short(hash), { class: "mono", title: hash });
const addrLink = (addr) => link(`#/account/${addr}`, nameOf(addr), { class: "mono", title: addr });
const short = (s) => (s.length > 20 ? `${s.slice(0, 10)}…${s.slice(-8)}` : s);
/** An amount cell: units text, the raw micro-units in title and data-micro. */
const amount = (micro, label, testid) =>
  h("span", { class: "amount", title: `${micro} micro`, "data-micro": String(micro), "data-testid": testid }, units(micro), label ? ` ${label}` : "");
const kv = (pairs) => h("dl", { class: "kv" }, pairs.filter(Boolean).flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
const table = (head, rows, attrs) =>
  h("table", attrs || {}, h("thead", {}, h("tr", {}, head.map((c) => h("th", { class: /^(amount|txs|gas|price|votes|ratio|balance|liquidity|premium|bond|reward)/i.test(c) ? "num" : null }, c)))),
    h("tbody", {}, rows));
const time = (t) => (t ? String(t).replace(/\.\d+Z$/, "Z") : "");

function nameOf(addr) {
  for (const a of app.assets) {
    if (a.token === addr) return a.symbol;
    if (a.pair === addr) return `${a.symbol} pair`;
    if (a.lpToken === addr) return `${a.symbol} LP`;
  }
  for (const [k, v] of Object.entries(app.contracts || {})) if (v === addr && typeof v === "string") return k;
  return short(addr);
}

// ---------- data ----------
let rpcId = 0;
async function rpc(method, params) {
  const res = await fetch(app.config.rpc_relay, {
    method: "POST", headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: ++rpcId, method, params: params || {} }),
  });
  const body = await res.json();
  if (body.error) throw new Error(`${method}: ${body.error.data || body.error.message}`);
  return body.result;
}
async function lcd(path) {
  const res = await fetch(path);
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const e = new Error(body.message || `${path}: HTTP ${res.status}`);
    e.status = res.status;
    throw e;
  }
  return body;
}
function b64(text) {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}
async function smart(contract, msg) {
  return (await lcd(`/cosmwasm/wasm/v1/contract/${contract}/smart/${encodeURIComponent(b64(JSON.stringify(msg)))}`)).data;
}
async function txHashes(height, txs) {
  if (txs.length === 0) return [];
  if (window.crypto && crypto.subtle) {
    return Promise.all(txs.map(async (t) => {
      const bytes = Uint8Array.from(atob(t), (c) => c.charCodeAt(0));
      const d = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
      return Array.from(d, (x) => x.toString(16).padStart(2, "0")).join("").toUpperCase();
    }));
  }
  const found = await rpc("tx_search", { query: `tx.height=${height}`, per_page: "100", order_by: "asc" });
  return found.txs.map((t) => t.hash);
}
/** Attributes of an event as [key, value] (CometBFT 0.38 renders them as plain strings). */
const attrs = (ev) => (ev.attributes || []).map((a) => [a.key, a.value]);

// ---------- pages ----------
const routes = [
  [/^#?\/?$/, pageHome],
  [/^#\/block\/(\d+)$/, pageBlock],
  [/^#\/tx\/([0-9A-Fa-f]{64})$/, pageTx],
  [/^#\/account\/([a-z0-9]+)$/, pageAccount],
  [/^#\/mirror$/, pageMirror],
  [/^#\/positions\/([a-z0-9]+)$/, pagePositions],
  [/^#\/staking\/([a-z0-9]+)$/, pageStaking],
  [/^#\/gov$/, pageGov],
  [/^#\/poll\/(\d+)$/, pagePoll],
  [/^#\/search\/(.*)$/, pageSearch],
];

async function render() {
  const hash = location.hash || "#/";
  const ticket = ++app.rendering;
  view.removeAttribute("data-loaded");
  view.replaceChildren(h("p", { class: "loading" }, "loading…"));
  let content;
  try {
    const route = routes.find(([re]) => re.test(hash));
    if (!route) throw new Error(`no page at ${hash}`);
    content = await route[1](...hash.match(route[0]).slice(1).map(decodeURIComponent));
  } catch (e) {
    content = h("div", { class: "alert error", "data-testid": "error" }, String(e.message || e));
  }
  if (ticket !== app.rendering) return; // a newer navigation won
  view.replaceChildren(content);
  view.setAttribute("data-loaded", hash);
}

async function pageHome() {
  const status = await rpc("status");
  const latest = BigInt(status.sync_info.latest_block_height);
  const min = latest > 19n ? latest - 19n : 1n;
  const chain = await rpc("blockchain", { minHeight: String(min), maxHeight: String(latest) }); // newest first
  const rows = chain.block_metas.map((m) =>
    h("tr", { "data-height": m.header.height },
      h("td", {}, blockLink(m.header.height)),
      h("td", {}, time(m.header.time)),
      h("td", { class: "num" }, m.num_txs),
      h("td", { class: "mono", title: "app hash in the header: the state root after the previous block" }, short(m.header.app_hash)),
      h("td", { class: "mono", title: m.block_id.hash }, short(m.block_id.hash))));
  app.lastHomeRefresh = Date.now();
  return h("div", {},
    h("h1", {}, "Latest blocks"),
    h("div", { class: "panel" }, kv([
      ["chain id", status.node_info.network],
      ["latest height", h("span", { "data-testid": "latest-height" }, status.sync_info.latest_block_height)],
      ["latest block time", time(status.sync_info.latest_block_time)],
      ["latest app hash", h("span", { class: "mono" }, status.sync_info.latest_app_hash)],
      ["JSON-RPC", app.config.rpc || "(relay only)"],
    ])),
    h("div", { class: "panel" }, table(["height", "time", "txs", "app hash", "block hash"], rows, { "data-testid": "blocks" })));
}

async function pageBlock(height) {
  const [block, results] = await Promise.all([rpc("block", { height }), rpc("block_results", { height })]);
  const hd = block.block.header;
  const txs = block.block.data.txs || [];
  const hashes = await txHashes(height, txs);
  const msgTypes = await Promise.all(hashes.slice(0, 50).map((t) =>
    lcd(`/cosmos/tx/v1beta1/txs/${t}`).then((r) => r.tx.body.messages.map(msgName).join(", "), () => "")));
  const rows = hashes.map((hash, i) => {
    const r = (results.txs_results || [])[i] || {};
    return h("tr", {},
      h("td", {}, String(i)),
      h("td", {}, txLink(hash)),
      h("td", {}, msgTypes[i] || ""),
      h("td", {}, r.code === 0 ? h("span", { class: "ok" }, "success") : h("span", { class: "bad" }, `failed (code ${r.code})`)),
      h("td", { class: "num" }, `${r.gas_used} / ${r.gas_wanted}`));
  });
  return h("div", {},
    h("h1", {}, `Block ${hd.height}`),
    h("div", { class: "panel" }, kv([
      ["height", h("span", { "data-testid": "block-height" }, hd.height)],
      ["time", h("span", { "data-testid": "block-time" }, time(hd.time))],
      ["block hash", h("span", { class: "mono", "data-testid": "block-hash" }, block.block_id.hash)],
      ["txs", h("span", { "data-testid": "block-txs" }, String(txs.length))],
      ["app hash (header)", h("span", { class: "mono", "data-testid": "block-app-hash" }, hd.app_hash)],
      ["app hash after this block", h("span", { class: "mono" }, results.app_hash ? b64ToHex(results.app_hash) : "")],
      ["data hash", h("span", { class: "mono" }, hd.data_hash)],
      ["last block", hd.last_block_id && hd.last_block_id.hash ? h("span", { class: "mono" }, hd.last_block_id.hash) : "—"],
      ["proposer", h("span", { class: "mono" }, hd.proposer_address)],
      ["navigate", h("span", {}, BigInt(hd.height) > 1n ? link(`#/block/${BigInt(hd.height) - 1n}`, "← previous") : "", " ", link(`#/block/${BigInt(hd.height) + 1n}`, "next →"))],
    ])),
    h("h2", {}, "Transactions"),
    h("div", { class: "panel" }, rows.length ? table(["#", "hash", "messages", "result", "gas used / wanted"], rows, { "data-testid": "block-tx-table" }) : h("p", { class: "muted" }, "no transactions")));
}
function b64ToHex(s) {
  return Array.from(atob(s), (c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join("").toUpperCase();
}
function msgName(m) {
  const type = (m["@type"] || "").split(".").pop();
  const inner = m.msg && typeof m.msg === "object" ? Object.keys(m.msg)[0] : null;
  return inner ? `${type} ${inner}` : type;
}

async function pageTx(hash) {
  const { tx, tx_response: r } = await lcd(`/cosmos/tx/v1beta1/txs/${hash.toUpperCase()}`);
  const fee = tx.auth_info.fee || {};
  const ok = r.code === 0;
  return h("div", {},
    h("h1", {}, "Transaction"),
    h("div", { class: "panel" }, kv([
      ["hash", h("span", { class: "mono", "data-testid": "tx-hash" }, r.txhash)],
      ["height", h("span", { "data-testid": "tx-height" }, blockLink(r.height))],
      ["time", time(r.timestamp)],
      ["result", ok ? h("span", { class: "ok", "data-testid": "tx-result" }, "success")
        : h("span", { class: "bad", "data-testid": "tx-result" }, `failed: code ${r.code}${r.codespace ? ` (${r.codespace})` : ""}`)],
      !ok && ["error", h("pre", { "data-testid": "tx-error" }, r.raw_log)],
      ["gas used / wanted", h("span", { "data-testid": "tx-gas" }, `${r.gas_used} / ${r.gas_wanted}`)],
      ["fee", h("span", { "data-testid": "tx-fee" }, (fee.amount || []).length
        ? fee.amount.map((c) => amount(c.amount, denomLabel(c.denom))).reduce((a, b) => [a, ", ", b])
        : "none", ` (gas limit ${fee.gas_limit})`)],
      ["memo", tx.body.memo || "—"],
      ["signers", (tx.auth_info.signer_infos || []).map((s) => `sequence ${s.sequence}`).join(", ")],
    ])),
    h("h2", {}, `Messages (${tx.body.messages.length})`),
    tx.body.messages.map((m, i) => h("div", { class: "panel", "data-testid": `tx-msg-${i}` },
      h("b", {}, msgName(m)),
      kv([
        m.sender && ["sender", addrLink(m.sender)],
        m.from_address && ["from", addrLink(m.from_address)],
        m.to_address && ["to", addrLink(m.to_address)],
        m.contract && ["contract", addrLink(m.contract)],
        m.amount && Array.isArray(m.amount) && ["amount", m.amount.map((c) => amount(c.amount, denomLabel(c.denom)))],
        m.funds && m.funds.length && ["funds", m.funds.map((c) => amount(c.amount, denomLabel(c.denom)))],
      ]),
      h("pre", {}, JSON.stringify(m.msg || m.execute_msg || m, null, 2)))),
    h("h2", {}, "Events"),
    h("div", { class: "panel", "data-testid": "tx-events" }, (r.events || []).map((ev) =>
      h("div", { class: "event" }, h("b", {}, ev.type),
        h("table", {}, h("tbody", {}, attrs(ev).map(([k, v]) => h("tr", {}, h("td", { class: "muted" }, k), h("td", { class: "mono" }, v)))))))));
}

async function pageAccount(addr) {
  if (!/^terra1[0-9a-z]{38,58}$/.test(addr)) throw new Error(`${addr} is not a terra1… address`);
  const [account, bank, contract] = await Promise.all([
    lcd(`/cosmos/auth/v1beta1/accounts/${addr}`).catch((e) => (e.status === 404 ? null : Promise.reject(e))),
    lcd(`/cosmos/bank/v1beta1/balances/${addr}`),
    lcd(`/cosmwasm/wasm/v1/contract/${addr}`).catch(() => null),
  ]);
  const tokens = [];
  for (const a of app.assets) {
    tokens.push({ label: a.symbol, token: a.token, testid: `cw20-${a.symbol}` });
    if (a.lpToken) tokens.push({ label: `${a.symbol}-UST LP`, token: a.lpToken, testid: `lp-${a.symbol}` });
  }
  const cw20 = await Promise.all(tokens.map((t) => smart(t.token, { balance: { address: addr } }).then((b) => b.balance, () => null)));
  const recent = await rpc("tx_search", { query: `message.sender='${addr}'`, per_page: "20", order_by: "desc" }).catch(() => ({ txs: [] }));
  const acct = account && account.account;
  return h("div", {},
    h("h1", {}, "Account ", h("span", { class: "mono" }, addr)),
    h("div", { class: "panel" }, kv([
      contract && ["contract", `${contract.contract_info.label} (code ${contract.contract_info.code_id})`],
      ["account number", acct ? acct.account_number || "0" : "not on chain yet"],
      ["sequence", acct ? acct.sequence || "0" : "—"],
      app.contracts && ["Mirror", h("span", {}, link(`#/positions/${addr}`, "positions"), " · ", link(`#/staking/${addr}`, "staking rewards"))],
    ])),
    h("h2", {}, "Native balances"),
    h("div", { class: "panel" }, bank.balances.length
      ? table(["denom", "balance"], bank.balances.map((c) => h("tr", {}, h("td", {}, `${denomLabel(c.denom)} (${c.denom})`), h("td", { class: "num" }, amount(c.amount, "", `balance-${c.denom}`)))), { "data-testid": "native-balances" })
      : h("p", { class: "muted" }, "no native balances")),
    h("h2", {}, "CW20 balances (MIR, mAssets, LP tokens)"),
    h("div", { class: "panel" }, tokens.length
      ? table(["token", "contract", "balance"], tokens.map((t, i) => h("tr", {},
        h("td", {}, t.label), h("td", {}, addrLink(t.token)),
        h("td", { class: "num" }, cw20[i] === null ? "—" : amount(cw20[i], "", t.testid)))), { "data-testid": "cw20-balances" })
      : h("p", { class: "muted" }, "this chain has no contracts.json: no Mirror tokens known")),
    h("h2", {}, "Recent transactions sent"),
    h("div", { class: "panel" }, recent.txs.length
      ? table(["hash", "height", "result", "gas used"], recent.txs.map((t) => h("tr", {},
        h("td", {}, txLink(t.hash)), h("td", {}, blockLink(t.height)),
        h("td", {}, t.tx_result.code === 0 ? h("span", { class: "ok" }, "success") : h("span", { class: "bad" }, `code ${t.tx_result.code}`)),
        h("td", { class: "num" }, t.tx_result.gas_used))))
      : h("p", { class: "muted" }, "none")));
}

async function pageSearch(q) {
  const s = q.trim();
  if (/^\d+$/.test(s)) return go(`#/block/${s}`);
  if (/^terra1[0-9a-z]{38,58}$/.test(s)) return go(`#/account/${s}`);
  if (/^[0-9A-Fa-f]{64}$/.test(s)) {
    const found = await lcd(`/cosmos/tx/v1beta1/txs/${s.toUpperCase()}`).then(() => true, () => false);
    if (found) return go(`#/tx/${s.toUpperCase()}`);
    const block = await rpc("block_by_hash", { hash: hexToB64(s) }).catch(() => null);
    if (block && block.block) return go(`#/block/${block.block.header.height}`);
  }
  const asset = app.assets.find((a) => a.symbol.toLowerCase() === s.toLowerCase());
  if (asset) return go("#/mirror");
  return h("div", { class: "alert error", "data-testid": "search-none" }, `Nothing found for "${s}": search a block height, a tx hash (64 hex digits) or a terra1… address.`);
}
function hexToB64(hex) {
  return btoa(String.fromCharCode(...hex.match(/../g).map((x) => parseInt(x, 16))));
}
function go(hash) {
  setTimeout(() => { location.hash = hash; }, 0);
  return h("p", { class: "loading" }, "…");
}

// ---------- Mirror ----------
function needContracts() {
  if (!app.contracts || !app.contracts.mint) throw new Error("this node has no contracts.json (no Mirror deployment known)");
  return app.contracts;
}
async function mirrorBasics() {
  const c = needContracts();
  const [mintConfig, status] = await Promise.all([smart(c.mint, { config: {} }), rpc("status")]);
  const now = BigInt(Math.floor(Date.parse(status.sync_info.latest_block_time) / 1000));
  return { c, baseDenom: mintConfig.base_denom, now, height: status.sync_info.latest_block_height };
}
async function assetConfig(c, token) {
  try {
    const a = await smart(c.mint, { asset_config: { asset_token: token } });
    return {
      mcr: dec(a.min_collateral_ratio), discount: a.auction_discount,
      end: a.end_price ? dec(a.end_price) : null,
      preIpo: a.ipo_params && a.ipo_params.pre_ipo_price ? dec(a.ipo_params.pre_ipo_price) : null,
    };
  } catch { return null; }
}
async function oraclePrice(c, token, baseDenom) {
  try {
    const p = await smart(c.oracle, { price: { base_asset: token, quote_asset: baseDenom } });
    const rate = dec(p.rate);
    const updated = BigInt(Math.min(p.last_updated_base, p.last_updated_quote));
    return rate === 0n && updated === 0n ? null : { rate, updated };
  } catch { return null; }
}
async function poolOf(pair, baseDenom) {
  if (!pair) return null;
  const p = await smart(pair, { pool: {} });
  let quote = null, asset = null;
  for (const a of p.assets) {
    if (a.info.native_token && a.info.native_token.denom === baseDenom) quote = BigInt(a.amount); else asset = BigInt(a.amount);
  }
  return { quote, asset, share: BigInt(p.total_share), price: quote !== null && asset ? fromRatio(quote, asset) : null };
}

async function pageMirror() {
  const { c, baseDenom, now, height } = await mirrorBasics();
  const listed = app.assets.filter((a) => a.symbol !== "MIR");
  const rows = await Promise.all(listed.map(async (a) => {
    const [config, oracle, pool] = await Promise.all([assetConfig(c, a.token), oraclePrice(c, a.token, baseDenom), poolOf(a.pair, baseDenom)]);
    const fixed = config && (config.end ?? config.preIpo);
    const price = fixed ?? (oracle && oracle.rate);
    return { a, config, oracle, pool, price, fixed };
  }));
  const history = await priceHistory(c);
  const tr = rows.map(({ a, config, oracle, pool, price, fixed }) => h("tr", { "data-asset": a.symbol },
    h("td", {}, h("b", {}, a.symbol), h("div", { class: "muted" }, a.name)),
    h("td", { class: "num" },
      h("span", { "data-testid": `oracle-price-${a.symbol}` }, price === null ? "—" : decText(price)),
      oracle && !fixed ? h("div", { class: "muted" }, `${now - oracle.updated} s old${now - oracle.updated > 60n ? " (stale)" : ""}`) : "",
      config && config.end ? h("div", { class: "muted" }, "delisted") : config && config.preIpo ? h("div", { class: "muted" }, "pre-IPO") : ""),
    h("td", { class: "num", "data-testid": `pool-price-${a.symbol}`, title: pool && pool.price !== null ? decText(pool.price) : "" }, pool && pool.price !== null ? decRound(pool.price, 6) : "—"),
    h("td", { class: "num", "data-testid": `premium-${a.symbol}` }, price && pool && pool.price !== null ? percentChange(price, pool.price, 2, true) : "—"),
    h("td", { class: "num", "data-testid": `mcr-${a.symbol}` }, config ? decText(config.mcr) : "—"),
    h("td", { class: "num" },
      pool && pool.quote !== null ? amount(pool.quote * 2n, denomLabel(baseDenom), `liquidity-${a.symbol}`) : "—",
      pool ? h("div", { class: "muted" }, units(pool.asset ?? 0n), ` ${a.symbol} + `, units(pool.quote ?? 0n), ` ${denomLabel(baseDenom)}`) : "")));
  return h("div", {},
    h("h1", {}, "Mirror assets"),
    h("p", { class: "muted" }, `At height ${height}. Prices in ${denomLabel(baseDenom)} per unit: the oracle's (or the fixed end / pre-IPO price), the Terraswap pool's (${denomLabel(baseDenom)} reserve ÷ asset reserve), premium = pool ÷ oracle − 1. Liquidity counts both sides at the pool price (2 × the ${denomLabel(baseDenom)} reserve).`),
    h("div", { class: "panel" }, table(["asset", "oracle price", "pool price", "premium", "min collateral ratio", "liquidity"], tr, { "data-testid": "assets" })),
    h("h2", {}, "Oracle price history"),
    h("p", { class: "muted" }, `From the chain: the oracle's feed_price txs (tx_search wasm.action='price_feed'), newest ${history.count} feeds, by block height. The dashed line is the current pool price.`),
    h("div", { class: "cards" }, rows.map(({ a, pool }) => h("div", { class: "panel card", "data-testid": `chart-${a.symbol}` },
      h("h3", {}, a.symbol), priceChart(history.byToken.get(a.token) || [], pool && pool.price)))),
    h("h2", {}, "Look up an address"),
    h("form", { id: "mirror-lookup", class: "panel" }, h("input", { name: "addr", placeholder: "terra1…", size: "50" }), " ",
      h("button", { type: "submit", name: "positions" }, "Positions"), " ", h("button", { type: "submit", name: "staking" }, "Staking rewards")));
}

async function priceHistory(c) {
  const byToken = new Map();
  let count = 0;
  const found = await rpc("tx_search", { query: "wasm.action='price_feed'", per_page: "100", order_by: "desc" }).catch(() => ({ txs: [] }));
  for (const t of found.txs) {
    if (t.tx_result.code !== 0) continue;
    count++;
    for (const ev of t.tx_result.events) {
      if (ev.type !== "wasm") continue;
      const list = attrs(ev);
      if (!list.some(([k, v]) => k === "_contract_address" && v === c.oracle)) continue;
      let asset = null;
      for (const [k, v] of list) {
        if (k === "asset") asset = v;
        else if (k === "price" && asset) {
          if (!byToken.has(asset)) byToken.set(asset, []);
          byToken.get(asset).push({ height: BigInt(t.height), price: dec(v) });
          asset = null;
        }
      }
    }
  }
  for (const list of byToken.values()) list.sort((x, y) => (x.height < y.height ? -1 : x.height > y.height ? 1 : 0));
  return { byToken, count };
}

const SVG = "http://www.w3.org/2000/svg";
function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}
/** An inline SVG line chart of (height, price) points; floats only for pixel positions. */
function priceChart(points, poolPrice) {
  if (points.length === 0) return h("p", { class: "muted" }, "no oracle feeds in the indexed history yet");
  const W = 340, H = 150, L = 56, R = 8, T = 10, B = 22;
  const prices = points.map((p) => p.price).concat(poolPrice ? [poolPrice] : []);
  let lo = prices.reduce((a, b) => (a < b ? a : b)), hi = prices.reduce((a, b) => (a > b ? a : b));
  if (lo === hi) { lo = lo - lo / 20n; hi = hi + hi / 20n + 1n; }
  const h0 = points[0].height, h1 = points[points.length - 1].height;
  const x = (ht) => L + (h1 === h0 ? (W - L - R) / 2 : (Number(ht - h0) / Number(h1 - h0)) * (W - L - R));
  const y = (p) => T + (1 - Number(p - lo) / Number(hi - lo)) * (H - T - B);
  const path = points.map((p) => `${x(p.height).toFixed(1)},${y(p.price).toFixed(1)}`).join(" ");
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, width: String(W), height: String(H), role: "img", "aria-label": "oracle price history" },
    s("line", { x1: L, y1: T, x2: L, y2: H - B, stroke: "#d0d7de" }),
    s("line", { x1: L, y1: H - B, x2: W - R, y2: H - B, stroke: "#d0d7de" }),
    s("text", { x: L - 4, y: T + 8, "text-anchor": "end" }, decRound(hi, 2)),
    s("text", { x: L - 4, y: H - B, "text-anchor": "end" }, decRound(lo, 2)),
    s("text", { x: L, y: H - 6 }, `#${h0}`),
    s("text", { x: W - R, y: H - 6, "text-anchor": "end" }, `#${h1}`),
    poolPrice ? s("line", { x1: L, x2: W - R, y1: y(poolPrice), y2: y(poolPrice), stroke: "#9a6700", "stroke-dasharray": "4 3" }) : s("g", {}),
    s("polyline", { points: path, fill: "none", stroke: "#1f6feb", "stroke-width": "2" }),
    ...points.map((p) => s("circle", { cx: x(p.height).toFixed(1), cy: y(p.price).toFixed(1), r: "2.5", fill: "#1f6feb" }, s("title", {}, `height ${p.height}: ${decText(p.price)}`))));
  const last = points[points.length - 1];
  return h("div", {}, svg, h("div", { class: "muted" }, `${points.length} feeds · latest ${decText(last.price)} at height ${last.height}`));
}

async function pagePositions(owner) {
  const { c, baseDenom, now, height } = await mirrorBasics();
  const positions = [];
  for (let after = null; ;) {
    const page = (await smart(c.mint, { positions: { owner_addr: owner, start_after: after, limit: 30, order_by: "asc" } })).positions;
    positions.push(...page);
    if (page.length < 30) break;
    after = page[page.length - 1].idx;
  }
  const configs = new Map();
  const cfg = async (token) => { if (!configs.has(token)) configs.set(token, await assetConfig(c, token)); return configs.get(token); };
  const cards = [];
  for (const p of positions) cards.push(await positionCard(c, p, baseDenom, now, cfg));
  return h("div", {},
    h("h1", {}, "Mirror positions of ", addrLink(owner)),
    h("p", { class: "muted" }, `At height ${height}. Collateral ratio = collateral value ÷ debt value with the mint's own arithmetic (⌊debt × decimal_division(asset price, collateral price)⌋); the minimum is the asset's min collateral ratio × the collateral's multiplier. Below it the mint accepts an auction (margin call).`),
    cards.length ? cards : h("div", { class: "panel muted", "data-testid": "no-positions" }, "no open positions"));
}

async function positionCard(c, p, baseDenom, now, cfg) {
  const assetToken = p.asset.info.token.contract_addr;
  const config = await cfg(assetToken);
  const sym = nameOf(assetToken);
  const cInfo = p.collateral.info;
  const native = !!cInfo.native_token;
  const cKey = native ? cInfo.native_token.denom : cInfo.token.contract_addr;
  let coll = { rate: D18, multiplier: D18 };
  if (!(native && cKey === baseDenom)) {
    const cp = await smart(c.collateralOracle, { collateral_price: { asset: cKey } });
    coll = { rate: dec(cp.rate), multiplier: dec(cp.multiplier) };
    if (!native) { const cc = await cfg(cKey); if (cc && cc.end) coll.rate = cc.end; }
  }
  const debt = BigInt(p.asset.amount), collateral = BigInt(p.collateral.amount);
  const fixed = config && (config.end ?? config.preIpo);
  const oracle = fixed ? null : await oraclePrice(c, assetToken, baseDenom);
  const price = fixed ?? (oracle && oracle.rate);
  const minimum = config ? decimalMultiplication(config.mcr, coll.multiplier) : null;
  let ratio = null, auctionable = false;
  if (price !== null && price !== undefined && trunc9(coll.rate) !== 0n) {
    const value = mulUD(debt, decimalDivision(price, coll.rate));
    ratio = value === 0n ? null : fromRatio(collateral, value);
    auctionable = !fixed && debt > 0n && mulUD(mulUD(value, config.mcr), coll.multiplier) >= collateral;
  }
  const near = !auctionable && ratio !== null && minimum !== null && ratio * 10n < minimum * 11n;
  const idx = p.idx;
  const cLabel = native ? denomLabel(cKey) : nameOf(cKey);
  return h("div", { class: "panel", "data-testid": `position-${idx}` },
    h("h2", { style: "margin-top:0" }, `Position ${idx} · ${p.is_short ? "short" : "long"} ${sym}`),
    auctionable ? h("div", { class: "alert margin-call", role: "alert", "data-testid": `margin-call-${idx}` },
      `⚠ Margin call: collateral ratio ${decRound(ratio, 4)} is below the minimum ${decText(minimum)}. The mint accepts an auction of this position now; deposit collateral or burn ${sym} to restore it.`) : "",
    near ? h("div", { class: "alert near-minimum", role: "status", "data-testid": `near-minimum-${idx}` },
      `Collateral ratio ${decRound(ratio, 4)} is within 10% of the minimum ${decText(minimum)}.`) : "",
    kv([
      ["collateral", amount(collateral, cLabel, `collateral-${idx}`)],
      ["debt", amount(debt, sym, `debt-${idx}`)],
      [`${sym} price`, h("span", { "data-testid": `asset-price-${idx}` }, price ? `${decText(price)} ${denomLabel(baseDenom)}` : "no oracle price"),
        oracle ? h("span", { class: "muted" }, ` (${now - oracle.updated} s old${now - oracle.updated > 60n ? ": stale, the mint refuses it" : ""})`) : ""],
      !(native && cKey === baseDenom) && ["collateral price", `${decText(coll.rate)} × multiplier ${decText(coll.multiplier)}`],
      ["collateral ratio", h("span", { "data-testid": `ratio-${idx}`, "data-value": ratio === null ? "" : decText(ratio), title: ratio === null ? "" : decText(ratio) }, ratio === null ? "n/a" : decRound(ratio, 4))],
      ["minimum ratio", h("span", { "data-testid": `min-ratio-${idx}` }, minimum === null ? "—" : decText(minimum))],
    ]),
    ratio !== null && minimum !== null ? ratioBar(ratio, minimum, auctionable, near) : "");
}

/** The ratio as a bar against its minimum (solid line) and 1.1 × minimum (dashed). */
function ratioBar(ratio, minimum, bad, near) {
  const W = 480, H = 46, L = 4, R = 4;
  const top = [ratio, minimum * 2n].reduce((a, b) => (a > b ? a : b)) * 11n / 10n;
  const x = (v) => L + (Number((v * 10000n) / top) / 10000) * (W - L - R);
  const color = bad ? "#cf222e" : near ? "#bf8700" : "#1a7f37";
  return h("div", { class: "ratio-bar" }, s("svg", { viewBox: `0 0 ${W} ${H}`, width: String(W), height: String(H), role: "img", "aria-label": "collateral ratio against its minimum" },
    s("rect", { x: L, y: 8, width: W - L - R, height: 16, fill: "#eef1f5", rx: 3 }),
    s("rect", { x: L, y: 8, width: Math.max(1, x(ratio) - L).toFixed(1), height: 16, fill: color, rx: 3, "data-testid": "ratio-fill" }),
    s("line", { x1: x(minimum), x2: x(minimum), y1: 2, y2: 30, stroke: "#cf222e", "stroke-width": 2 }),
    s("line", { x1: x(minimum * 11n / 10n), x2: x(minimum * 11n / 10n), y1: 4, y2: 28, stroke: "#bf8700", "stroke-dasharray": "3 2" }),
    s("text", { x: x(minimum) + 3, y: 42 }, `min ${decText(minimum)}`),
    s("text", { x: Math.min(x(ratio) + 4, W - 50), y: 20, style: "fill:#1d2330" }, decRound(ratio, 4))));
}

async function pageStaking(addr) {
  const c = needContracts();
  const [rewards, staker, govState] = await Promise.all([
    smart(c.staking, { reward_info: { staker_addr: addr } }),
    smart(c.gov, { staker: { address: addr } }).catch(() => null),
    smart(c.gov, { state: {} }).catch(() => null),
  ]);
  let total = 0n;
  const rows = rewards.reward_infos.map((r) => {
    total += BigInt(r.pending_reward);
    const sym = nameOf(r.asset_token);
    return h("tr", {},
      h("td", {}, `${sym} ${r.is_short ? "short" : "LP"}`),
      h("td", { class: "num" }, amount(r.bond_amount, r.is_short ? "(short)" : "LP", `bond-${sym}-${r.is_short ? "short" : "lp"}`)),
      h("td", { class: "num" }, amount(r.pending_reward, "MIR", `reward-${sym}-${r.is_short ? "short" : "lp"}`)));
  });
  return h("div", {},
    h("h1", {}, "Staking rewards of ", addrLink(addr)),
    h("div", { class: "panel" }, rows.length
      ? table(["pool", "bonded", "pending reward"], rows, { "data-testid": "rewards" })
      : h("p", { class: "muted", "data-testid": "no-rewards" }, "nothing bonded in Mirror staking"),
      h("p", {}, "total pending: ", amount(total, "MIR", "reward-total"))),
    h("h2", {}, "Gov staking (MIR)"),
    h("div", { class: "panel" }, staker ? kv([
      ["staked balance", amount(staker.balance, "MIR", "gov-staked")],
      ["share", staker.share],
      ["pending voting rewards", amount(staker.pending_voting_rewards, "MIR", "gov-voting-rewards")],
      ["locked in polls", staker.locked_balance.map(([id, v]) => h("div", {}, link(`#/poll/${id}`, `poll ${id}`), `: ${v.vote} `, amount(v.balance, "MIR")))],
      govState && ["gov total deposit", amount(govState.total_deposit, "MIR")],
    ]) : h("p", { class: "muted" }, "no gov stake")));
}

async function pageGov() {
  const c = needContracts();
  const [config, state, polls] = await Promise.all([smart(c.gov, { config: {} }), smart(c.gov, { state: {} }), smart(c.gov, { polls: { limit: 30, order_by: "desc" } })]);
  const polls0 = config.default_poll_config || config; // v2.1.4 keeps quorum, threshold, period and deposit per poll type
  const rows = polls.polls.map((p) => h("tr", { "data-poll": String(p.id) },
    h("td", {}, link(`#/poll/${p.id}`, String(p.id))),
    h("td", {}, p.title),
    h("td", {}, h("span", { class: `tag ${p.status}`, "data-testid": `poll-status-${p.id}` }, p.status)),
    h("td", { class: "num" }, amount(p.yes_votes, "", `poll-yes-${p.id}`)),
    h("td", { class: "num" }, amount(p.no_votes, "", `poll-no-${p.id}`)),
    h("td", { class: "num" }, amount(p.abstain_votes, "", `poll-abstain-${p.id}`)),
    h("td", {}, new Date(Number(p.end_time) * 1000).toISOString().replace(/\.\d+Z$/, "Z"))));
  return h("div", {},
    h("h1", {}, "Gov polls"),
    h("div", { class: "panel" }, kv([
      ["polls", String(state.poll_count)],
      ["total staked share", state.total_share],
      ["quorum / threshold (default polls)", `${polls0.quorum} / ${polls0.threshold}`],
      ["voting period", `${polls0.voting_period} s`],
      ["proposal deposit", amount(polls0.proposal_deposit, "MIR")],
    ])),
    h("div", { class: "panel" }, rows.length ? table(["id", "title", "status", "yes votes", "no votes", "abstain votes", "ends"], rows, { "data-testid": "polls" })
      : h("p", { class: "muted", "data-testid": "no-polls" }, "no polls yet")));
}

async function pagePoll(id) {
  const c = needContracts();
  const [p, voters] = await Promise.all([smart(c.gov, { poll: { poll_id: Number(id) } }), smart(c.gov, { voters: { poll_id: Number(id), limit: 30 } })]);
  const yes = BigInt(p.yes_votes), no = BigInt(p.no_votes), abstain = BigInt(p.abstain_votes);
  const total = yes + no + abstain;
  const pct = (v) => (total === 0n ? "—" : percentChange(total, total + v, 2, false));
  return h("div", {},
    h("h1", {}, `Poll ${p.id}: `, p.title),
    h("div", { class: "panel" }, kv([
      ["status", h("span", { class: `tag ${p.status}`, "data-testid": "poll-status" }, p.status)],
      ["creator", addrLink(p.creator)],
      ["description", p.description],
      ["link", p.link || "—"],
      ["deposit", amount(p.deposit_amount, "MIR")],
      ["yes", h("span", {}, amount(yes, "MIR", "poll-yes"), ` (${pct(yes)})`)],
      ["no", h("span", {}, amount(no, "MIR", "poll-no"), ` (${pct(no)})`)],
      ["abstain", h("span", {}, amount(abstain, "MIR", "poll-abstain"), ` (${pct(abstain)})`)],
      ["ends", new Date(Number(p.end_time) * 1000).toISOString()],
      p.total_balance_at_end_poll && ["staked at end", amount(p.total_balance_at_end_poll, "MIR")],
      p.execute_data && ["executes", h("pre", {}, JSON.stringify(p.execute_data, null, 2))],
    ])),
    h("h2", {}, "Votes"),
    h("div", { class: "panel" }, voters.voters.length
      ? table(["voter", "vote", "balance"], voters.voters.map((v) => h("tr", {}, h("td", {}, addrLink(v.voter)), h("td", {}, v.vote), h("td", { class: "num" }, amount(v.balance, "MIR")))), { "data-testid": "voters" })
      : h("p", { class: "muted" }, "no votes")));
}

// ---------- live updates ----------
function setLatest(height, when) {
  app.latest = BigInt(height);
  if (when) app.latestTime = when;
  document.getElementById("chain").textContent = `${app.chainId || ""} #${height}`;
  document.getElementById("chain").setAttribute("data-height", String(height));
  const hash = location.hash || "#/";
  if (/^#?\/?$/.test(hash) && view.hasAttribute("data-loaded") && Date.now() - app.lastHomeRefresh > 1500) {
    app.lastHomeRefresh = Date.now();
    pageHome().then((content) => { if (/^#?\/?$/.test(location.hash || "#/")) { view.replaceChildren(content); view.setAttribute("data-loaded", location.hash || "#/"); } }, () => {});
  }
}
function setLive(mode, text) {
  const el = document.getElementById("live");
  el.className = mode;
  el.textContent = text;
}
let pollTimer = null;
function startPolling() {
  setLive("poll", "polling");
  if (pollTimer) return;
  pollTimer = setInterval(() => rpc("status").then((st) => {
    if (BigInt(st.sync_info.latest_block_height) !== app.latest) setLatest(st.sync_info.latest_block_height, st.sync_info.latest_block_time);
  }, () => setLive("poll", "node unreachable")), 2000);
}
function connectWebSocket() {
  let url = app.config.websocket;
  if (!url || typeof WebSocket === "undefined") return startPolling();
  url = url.replace("//0.0.0.0:", `//${location.hostname}:`).replace("//[::]:", `//${location.hostname}:`);
  let ws;
  try { ws = new WebSocket(url); } catch { return startPolling(); }
  ws.onopen = () => ws.send(JSON.stringify({ jsonrpc: "2.0", id: "blocks", method: "subscribe", params: { query: "tm.event='NewBlock'" } }));
  ws.onmessage = (m) => {
    const msg = JSON.parse(m.data);
    if (msg.error) { ws.close(); return; }
    const header = msg.result && msg.result.data && msg.result.data.value && msg.result.data.value.block && msg.result.data.value.block.header;
    if (msg.result && !msg.result.data) {
      setLive("ws", "live (websocket)");
      if (pollTimer) { clearInterval(pollTimer); pollTimer = null; }
    }
    if (header) setLatest(header.height, header.time);
  };
  ws.onclose = () => { startPolling(); setTimeout(connectWebSocket, 10000); };
}

// ---------- start ----------
document.getElementById("search").addEventListener("submit", (e) => {
  e.preventDefault();
  const q = document.getElementById("search-input").value.trim();
  if (q) location.hash = `#/search/${encodeURIComponent(q)}`;
});
view.addEventListener("submit", (e) => {
  if (e.target.id !== "mirror-lookup") return;
  e.preventDefault();
  const addr = e.target.elements.addr.value.trim();
  const which = e.submitter && e.submitter.name === "staking" ? "staking" : "positions";
  if (addr) location.hash = `#/${which}/${addr}`;
});
window.addEventListener("hashchange", render);

(async function start() {
  try {
    app.config = await (await fetch("config.json")).json();
  } catch (e) {
    view.replaceChildren(h("div", { class: "alert error" }, `cannot read config.json: ${e.message}`));
    return;
  }
  app.contracts = app.config.contracts;
  app.assets = app.contracts && app.contracts.assets
    ? Object.entries(app.contracts.assets).map(([symbol, a]) => ({ symbol, name: a.name, token: a.token, pair: a.pair, lpToken: a.lpToken }))
    : [];
  app.assets.sort((x, y) => (x.symbol === "MIR" ? -1 : y.symbol === "MIR" ? 1 : x.symbol < y.symbol ? -1 : 1));
  try {
    const st = await rpc("status");
    app.chainId = st.node_info.network;
    setLatest(st.sync_info.latest_block_height, st.sync_info.latest_block_time);
  } catch { /* shown by the page */ }
  connectWebSocket();
  render();
})();
