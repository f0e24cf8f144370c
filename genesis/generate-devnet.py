#!/usr/bin/env python3
"""Regenerates genesis/devnet.json from genesis/devnet-accounts.json (run from the repository root or anywhere).

The file it writes is the devnet's genesis: accounts and balances, chain params, and the Mirror deployment as
app_state.wasm.steps (see genesis/README.md). Deterministic: same inputs, same bytes. Not needed at run time.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
accounts = json.load(open(os.path.join(HERE, "devnet-accounts.json")))["accounts"]
addr = {a["name"]: a["address"] for a in accounts}
VALIDATOR, FEEDER = addr["validator"], addr["test1"]

NATIVE = 1_000_000_000_000_000            # 1e9 LUNA / UST per account, in micro-units
MIR_VALIDATOR = 100_000_000_000_000       # 100M MIR
MIR_USER = 1_000_000_000_000              # 1M MIR each for test1..test10

# symbol -> (name, starting price in uusd, pool depth in units of the mAsset)
ASSETS = [
    ("mAAPL", "Apple Inc.", "150", 20_000),
    ("mTSLA", "Tesla, Inc.", "670", 5_000),
    ("mGOOGL", "Alphabet Inc.", "2300", 1_500),
    ("mNFLX", "Netflix, Inc.", "500", 6_000),
    ("mMSFT", "Microsoft Corporation", "250", 12_000),
]
LUNA_PRICE = "80"                          # fixed collateral price of uluna in uusd (no Terra oracle here)
LUNA_MULTIPLIER = "1.333333333333333333"   # 4/3: a 150% mAsset needs 200% in LUNA
MIN_CR, AUCTION_DISCOUNT, PROTOCOL_FEE = "1.5", "0.2", "0.015"
LOCKUP_PERIOD = 600                        # seconds short-sale proceeds stay locked (mainnet: 1209600)


def native(denom):
    return {"native_token": {"denom": denom}}


def token(ref):
    return {"token": {"contract_addr": ref}}


def inst(name, code_id, label, msg, sender=VALIDATOR):
    return {"instantiate": {"name": name, "sender": sender, "code_id": code_id, "label": label, "msg": msg, "admin": VALIDATOR}}


def execute(contract, msg, sender=VALIDATOR, funds=None):
    step = {"execute": {"sender": sender, "contract": contract, "msg": msg}}
    if funds:
        step["execute"]["funds"] = funds
    return step


def query(name, contract, msg, path):
    return {"query": {"name": name, "contract": contract, "msg": msg, "path": path}}


steps = [
    inst("mirrorToken", 1, "Mirror Token", {
        "name": "Mirror Token", "symbol": "MIR", "decimals": 6,
        "initial_balances": [{"address": VALIDATOR, "amount": str(MIR_VALIDATOR)}]
        + [{"address": addr[f"test{i}"], "amount": str(MIR_USER)} for i in range(1, 11)],
    }),
    inst("terraswapFactory", 3, "Terraswap factory", {"pair_code_id": 2, "token_code_id": 1}),
    inst("oracle", 12, "Mirror oracle", {"owner": VALIDATOR, "base_asset": "uusd"}),
    # mint first with placeholders for the contracts that need its address, then wire them in
    inst("mint", 14, "Mirror mint", {
        "owner": VALIDATOR, "oracle": "${oracle}", "collector": VALIDATOR, "collateral_oracle": VALIDATOR,
        "staking": VALIDATOR, "terraswap_factory": "${terraswapFactory}", "lock": VALIDATOR, "base_denom": "uusd",
        "token_code_id": 1, "protocol_fee_rate": PROTOCOL_FEE,
    }),
    inst("collateralOracle", 13, "Mirror collateral oracle", {
        "owner": VALIDATOR, "mint_contract": "${mint}", "base_denom": "uusd",
        "mirror_oracle": "${oracle}", "anchor_oracle": "${oracle}", "band_oracle": "${oracle}",
    }),
    inst("lock", 15, "Mirror lock", {"owner": VALIDATOR, "mint_contract": "${mint}", "base_denom": "uusd", "lockup_period": LOCKUP_PERIOD}),
    execute("${mint}", {"update_config": {"collateral_oracle": "${collateralOracle}", "lock": "${lock}"}}),
    execute("${collateralOracle}", {"register_collateral_asset": {
        "asset": native("uluna"), "price_source": {"fixed_price": {"price": LUNA_PRICE}}, "multiplier": LUNA_MULTIPLIER}}),
]

prices = []
for symbol, name, price, _ in ASSETS:
    steps += [
        inst(symbol, 1, symbol, {"name": name, "symbol": symbol, "decimals": 6, "initial_balances": [], "mint": {"minter": "${mint}"}}),
        execute("${oracle}", {"register_asset": {"asset_token": "${" + symbol + "}", "feeder": FEEDER}}),
        execute("${mint}", {"register_asset": {"asset_token": "${" + symbol + "}", "auction_discount": AUCTION_DISCOUNT, "min_collateral_ratio": MIN_CR}}),
        # (mint's register_asset also registers the mAsset as collateral: mirror_oracle source, multiplier 1)
        execute("${terraswapFactory}", {"create_pair": {"asset_infos": [token("${" + symbol + "}"), native("uusd")]}}),
        query(symbol + ".pair", "${terraswapFactory}", {"pair": {"asset_infos": [token("${" + symbol + "}"), native("uusd")]}}, "contract_addr"),
        query(symbol + ".lpToken", "${terraswapFactory}", {"pair": {"asset_infos": [token("${" + symbol + "}"), native("uusd")]}}, "liquidity_token"),
    ]
    prices.append(["${" + symbol + "}", price])

# prices at genesis time, so the seeding positions below can be opened
steps.append(execute("${oracle}", {"feed_price": {"prices": prices}}, sender=FEEDER))

# the validator mints each mAsset at 250% and seeds its pool at the oracle price
for symbol, _, price, depth in ASSETS:
    units = depth * 1_000_000
    value = depth * int(price) * 1_000_000
    collateral = value * 5 // 2 * 101 // 100  # 1% over, so rounding never leaves the pool short
    steps += [
        execute("${mint}", {"open_position": {"collateral": {"info": native("uusd"), "amount": str(collateral)},
                                              "asset_info": token("${" + symbol + "}"), "collateral_ratio": "2.5"}},
                funds=[{"denom": "uusd", "amount": str(collateral)}]),
        execute("${" + symbol + "}", {"increase_allowance": {"spender": "${" + symbol + ".pair}", "amount": str(units)}}),
        execute("${" + symbol + ".pair}", {"provide_liquidity": {"assets": [
            {"info": token("${" + symbol + "}"), "amount": str(units)},
            {"info": native("uusd"), "amount": str(value)}]}},
            funds=[{"denom": "uusd", "amount": str(value)}]),
    ]

genesis = {
    "genesis_time": "2026-01-01T00:00:00Z",
    "chain_id": "mirrorchain-devnet-1",
    "initial_height": "1",
    "consensus_params": {
        "block": {"max_bytes": "22020096", "max_gas": "-1"},
        "evidence": {"max_age_num_blocks": "100000", "max_age_duration": "172800000000000", "max_bytes": "1048576"},
        "validator": {"pub_key_types": ["secp256k1"]},
        "version": {"app": "1"},
        "abci": {"vote_extensions_enable_height": "0"},
    },
    "validators": [{
        "address": "6E32820F36FAE0E6108F3134523506994C734542",
        "pub_key": {"type": "tendermint/PubKeySecp256k1", "value": "An4JQUJX6KTbh6CvqmDLPhe6knWdqfKYjDvkCl2QE1oc"},
        "power": "10", "name": "validator",
    }],
    "app_hash": "",
    "app_state": {
        "auth": {"accounts": [{"address": a["address"]} for a in accounts]},
        "bank": {"balances": [{"address": a["address"], "coins": [
            {"denom": "uluna", "amount": str(NATIVE)}, {"denom": "uusd", "amount": str(NATIVE)}]} for a in accounts]},
        "params": {"min_gas_prices": "0.015uluna,0.15uusd", "max_tx_bytes": 1048576, "max_memo_characters": 256, "max_block_gas": -1},
        "wasm": {"steps": steps},
    },
}

with open(os.path.join(HERE, "devnet.json"), "w") as f:
    json.dump(genesis, f, indent=2)
    f.write("\n")
print(f"wrote devnet.json: {len(accounts)} accounts, {len(steps)} wasm steps, {len(ASSETS)} mAssets")
