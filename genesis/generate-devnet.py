#!/usr/bin/env python3
"""Regenerates genesis/devnet.json from genesis/devnet-accounts.json (run from the repository root or anywhere).

The file it writes is the devnet's genesis: accounts and balances, chain params, and the Mirror deployment as
app_state.wasm.steps (see genesis/README.md). Deterministic: same inputs, same bytes. Not needed at run time.
"""
import base64
import hashlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
accounts = json.load(open(os.path.join(HERE, "devnet-accounts.json")))["accounts"]
addr = {a["name"]: a["address"] for a in accounts}
VALIDATOR, FEEDER = addr["validator"], addr["test1"]

NATIVE = 1_000_000_000_000_000            # 1e9 LUNA / UST per account, in micro-units
MIR_VALIDATOR = 100_000_000_000_000       # 100M MIR (besides the emission and community pool it hands on)
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


def bech32(hrp, data):
    """BIP-173 bech32 of raw bytes (for the keyless placeholder addresses below)."""
    charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
    acc, bits, words = 0, 0, []
    for b in data:
        acc, bits = (acc << 8) | b, bits + 8
        while bits >= 5:
            bits -= 5
            words.append((acc >> bits) & 31)
    if bits:
        words.append((acc << (5 - bits)) & 31)

    def polymod(values):
        chk = 1
        for v in values:
            top = chk >> 25
            chk = (chk & 0x1ffffff) << 5 ^ v
            for i in range(5):
                chk ^= [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3][i] if (top >> i) & 1 else 0
        return chk

    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    mod = polymod(expanded + words + [0] * 6) ^ 1
    return hrp + "1" + "".join(charset[c] for c in words + [(mod >> 5 * (5 - i)) & 31 for i in range(6)])


def keyless(purpose):
    """An address no one holds a key for: the first 20 bytes of SHA-256 of a public sentence (no private key is known
    for a hash output), so it can hold no power. Used where Mirror expects a contract that MirrorChain lacks."""
    return bech32("terra", hashlib.sha256(("mirrorchain devnet: " + purpose).encode()).digest()[:20])


# The collector's fields for Terra protocols that do not exist on MirrorChain (Anchor, bLUNA, LunaX): never called
# by the devnet's flows, pointed at keyless addresses (genesis/README.md, "Addresses outside governance").
NO_AUST, NO_ANCHOR_MARKET = keyless("no aUST token"), keyless("no Anchor market")
NO_BLUNA, NO_LUNAX = keyless("no bLUNA token"), keyless("no LunaX token")


def native(denom):
    return {"native_token": {"denom": denom}}


def token(ref):
    return {"token": {"contract_addr": ref}}


def inst(name, code_id, label, msg, sender=VALIDATOR, admin="${adminManager}"):
    # every contract genesis creates gets the admin manager (owned by gov) as its wasm admin: migrations only by poll
    return {"instantiate": {"name": name, "sender": sender, "code_id": code_id, "label": label, "msg": msg, "admin": admin}}


def execute(contract, msg, sender=VALIDATOR, funds=None, capture=None):
    step = {"execute": {"sender": sender, "contract": contract, "msg": msg}}
    if funds:
        step["execute"]["funds"] = funds
    if capture:
        step["execute"]["capture"] = [{"name": n, "attribute": a} for n, a in capture]
    return step


def query(name, contract, msg, path):
    return {"query": {"name": name, "contract": contract, "msg": msg, "path": path}}


GENESIS_TIME = "2026-01-01T00:00:00Z"
YEAR = 31_536_000
MIR_UNIT = 1_000_000
# MIR emission to LP stakers, halving yearly: [start, end, amount] in seconds after the factory's genesis_time
# (its instantiation, i.e. the chain's genesis), as Mirror's factory counts them
SCHEDULE = [[i * YEAR, (i + 1) * YEAR, str(54_900_000 * MIR_UNIT >> i)] for i in range(4)]
EMISSION_TOTAL = sum(int(e[2]) for e in SCHEDULE)
COMMUNITY_POOL = 20_000_000 * MIR_UNIT
MIR_PRICE_UUSD = 2                         # MIR/UST pool seeded at 2 UST per MIR
MIR_POOL_DEPTH = 1_000_000 * MIR_UNIT

# Gov: the devnet profile runs a whole poll in about a minute; "mainnet" is Mirror's production-like setting.
GOV_PROFILES = {
    "devnet": {
        "effective_delay": 10, "snapshot_period": 5, "voter_weight": "0.5", "poll_gas_limit": 1_000_000,
        "default": {"proposal_deposit": str(100 * MIR_UNIT), "voting_period": 30, "quorum": "0.1", "threshold": "0.5"},
        "migration": {"proposal_deposit": str(200 * MIR_UNIT), "voting_period": 30, "quorum": "0.2", "threshold": "0.6"},
        "auth_admin": {"proposal_deposit": str(300 * MIR_UNIT), "voting_period": 30, "quorum": "0.3", "threshold": "0.7"},
        "premium_min_update_interval": 60, "admin_claim_period": 600,
    },
    "mainnet": {
        "effective_delay": 86_400, "snapshot_period": 86_400, "voter_weight": "0.5", "poll_gas_limit": 1_000_000,
        "default": {"proposal_deposit": str(1_000 * MIR_UNIT), "voting_period": 604_800, "quorum": "0.1", "threshold": "0.5"},
        "migration": {"proposal_deposit": str(2_000 * MIR_UNIT), "voting_period": 604_800, "quorum": "0.4", "threshold": "0.6"},
        "auth_admin": {"proposal_deposit": str(5_000 * MIR_UNIT), "voting_period": 1_209_600, "quorum": "0.5", "threshold": "0.7"},
        "premium_min_update_interval": 3_600, "admin_claim_period": 604_800,
    },
}


def build_steps(gov):
    steps = [
        # the admin manager comes first so that every later contract can name it as its wasm admin; the validator
        # owns it only until the end of genesis, when gov takes it over
        inst("adminManager", 20, "Mirror admin manager", {"owner": VALIDATOR, "admin_claim_period": gov["admin_claim_period"]}, admin=VALIDATOR),
        {"update_admin": {"sender": VALIDATOR, "contract": "${adminManager}", "admin": "${adminManager}"}},
        inst("mirrorToken", 1, "Mirror Token", {
            "name": "Mirror Token", "symbol": "MIR", "decimals": 6,
            "initial_balances": [{"address": VALIDATOR, "amount": str(MIR_VALIDATOR + EMISSION_TOTAL + COMMUNITY_POOL)}]
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
        inst("shortReward", 17, "Mirror short reward", {}),
        inst("staking", 16, "Mirror staking", {
            "owner": VALIDATOR, "mirror_token": "${mirrorToken}", "mint_contract": "${mint}", "oracle_contract": "${oracle}",
            "terraswap_factory": "${terraswapFactory}", "base_denom": "uusd",
            "premium_min_update_interval": gov["premium_min_update_interval"], "short_reward_contract": "${shortReward}",
        }),
        inst("gov", 11, "Mirror gov", {
            "mirror_token": "${mirrorToken}", "effective_delay": gov["effective_delay"],
            "default_poll_config": gov["default"], "migration_poll_config": gov["migration"], "auth_admin_poll_config": gov["auth_admin"],
            "voter_weight": gov["voter_weight"], "snapshot_period": gov["snapshot_period"], "admin_manager": "${adminManager}",
            "poll_gas_limit": gov["poll_gas_limit"],
        }),
        # Anchor/bLUNA/LunaX do not exist on MirrorChain: the collector's fields for them point at keyless addresses
        inst("collector", 18, "Mirror collector", {
            "owner": VALIDATOR, "distribution_contract": "${gov}", "terraswap_factory": "${terraswapFactory}",
            "mirror_token": "${mirrorToken}", "base_denom": "uusd", "aust_token": NO_AUST, "anchor_market": NO_ANCHOR_MARKET,
            "bluna_token": NO_BLUNA, "lunax_token": NO_LUNAX,
        }),
        inst("community", 19, "Mirror community", {"owner": "${gov}", "mirror_token": "${mirrorToken}", "spend_limit": str(1_000_000 * MIR_UNIT)}),
        inst("factory", 10, "Mirror factory", {"token_code_id": 1, "base_denom": "uusd", "distribution_schedule": SCHEDULE}),
        execute("${mint}", {"update_config": {"collateral_oracle": "${collateralOracle}", "lock": "${lock}", "staking": "${staking}",
                                              "collector": "${collector}"}}),
        execute("${collateralOracle}", {"register_collateral_asset": {
            "asset": native("uluna"), "price_source": {"fixed_price": {"price": LUNA_PRICE}}, "multiplier": LUNA_MULTIPLIER}}),
        # the MIR/UST pair must exist before post_initialize registers its LP token in staking
        execute("${terraswapFactory}", {"create_pair": {"asset_infos": [native("uusd"), token("${mirrorToken}")]}},
                capture=[("mirrorToken.pair", "pair_contract_addr"), ("mirrorToken.lpToken", "liquidity_token_addr")]),
        # the factory owns mint, oracle and staking (it registers every new asset in them)
        execute("${mint}", {"update_config": {"owner": "${factory}"}}),
        execute("${oracle}", {"update_config": {"owner": "${factory}"}}),
        execute("${staking}", {"update_config": {"owner": "${factory}"}}),
        execute("${factory}", {"post_initialize": {
            "owner": VALIDATOR, "terraswap_factory": "${terraswapFactory}", "mirror_token": "${mirrorToken}",
            "staking_contract": "${staking}", "oracle_contract": "${oracle}", "mint_contract": "${mint}",
            "commission_collector": "${collector}"}}),
        # MIR for emissions (held by the factory) and the community pool
        execute("${mirrorToken}", {"transfer": {"recipient": "${factory}", "amount": str(EMISSION_TOTAL)}}),
        execute("${mirrorToken}", {"transfer": {"recipient": "${community}", "amount": str(COMMUNITY_POOL)}}),
    ]

    prices = []
    for symbol, name, price, _ in ASSETS:
        steps.append(execute("${factory}", {"whitelist": {
            "name": name, "symbol": symbol, "oracle_feeder": FEEDER,  # v2.1.4 takes the cw20 symbol verbatim
            "params": {"auction_discount": AUCTION_DISCOUNT, "min_collateral_ratio": MIN_CR, "weight": 100}}},
            capture=[(symbol, "asset_token_addr"), (symbol + ".pair", "pair_contract_addr"), (symbol + ".lpToken", "liquidity_token_addr")]))
        prices.append(["${" + symbol + "}", price])

    # governance takes over: gov owns the factory (and so, through pass_command, mint/oracle/staking) and the rest
    steps += [
        execute("${factory}", {"update_config": {"owner": "${gov}"}}),
        execute("${collector}", {"update_config": {"owner": "${gov}"}}),
        execute("${collateralOracle}", {"update_config": {"owner": "${gov}"}}),
        execute("${lock}", {"update_config": {"owner": "${gov}"}}),
        execute("${terraswapFactory}", {"update_config": {"owner": "${gov}"}}),
    ]

    # prices at genesis time, so the seeding positions below can be opened
    steps.append(execute("${oracle}", {"feed_price": {"prices": prices}}, sender=FEEDER))

    # the validator mints each mAsset at 250% and seeds its pool at the oracle price; then the MIR/UST pool
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
    mir_value = MIR_POOL_DEPTH * MIR_PRICE_UUSD
    steps += [
        execute("${mirrorToken}", {"increase_allowance": {"spender": "${mirrorToken.pair}", "amount": str(MIR_POOL_DEPTH)}}),
        execute("${mirrorToken.pair}", {"provide_liquidity": {"assets": [
            {"info": token("${mirrorToken}"), "amount": str(MIR_POOL_DEPTH)},
            {"info": native("uusd"), "amount": str(mir_value)}]}},
            funds=[{"denom": "uusd", "amount": str(mir_value)}]),
        # last, as at Mirror's launch: gov owns the admin manager and itself, so from here on only polls change either
        execute("${adminManager}", {"update_owner": {"owner": "${gov}"}}),
        execute("${gov}", {"update_config": {"owner": "${gov}"}}),
    ]
    return steps


# The devnet's consensus (block-signing) key, Ed25519 as CometBFT's: its seed is SHA-256 of the public sentence
# "mirrorchain devnet validator", so every fresh devnet has the same validator and anyone can sign as it: a devnet
# only (docs/signed-commits.md). `mirrorchain init` writes it to config/priv_validator_key.json. The public key is
# written out here (deriving it needs an Ed25519 library); MirrorChain.Cli.Tests checks it against the seed. The
# address is CometBFT's: the first 20 bytes of SHA-256 of the public key.
DEVNET_VALIDATOR_SEED = hashlib.sha256(b"mirrorchain devnet validator").digest()
VALIDATOR_CONSENSUS_PUBKEY = "eJylr9EAzi5uYW/JVtsqqKBqg8gEdEME3Tb9E2obTkE="
VALIDATOR_CONSENSUS_ADDRESS = hashlib.sha256(base64.b64decode(VALIDATOR_CONSENSUS_PUBKEY)).hexdigest()[:40].upper()


def genesis_doc(steps):
    return {
        "genesis_time": GENESIS_TIME,
        "chain_id": "mirrorchain-devnet-1",
        "initial_height": "1",
        "consensus_params": {
            # Block limits (docs/node-limits.md): 4 MiB blocks, 1e9 gas (= 10,000 txs of 100k gas, and the largest gas
            # limit a single tx may ask for). app_state.params.max_block_gas must say the same.
            "block": {"max_bytes": "4194304", "max_gas": "1000000000"},
            "evidence": {"max_age_num_blocks": "100000", "max_age_duration": "172800000000000", "max_bytes": "1048576"},
            "validator": {"pub_key_types": ["ed25519"]},
            "version": {"app": "1"},
            "abci": {"vote_extensions_enable_height": "0"},
        },
        "validators": [{
            "address": VALIDATOR_CONSENSUS_ADDRESS,
            "pub_key": {"type": "tendermint/PubKeyEd25519", "value": VALIDATOR_CONSENSUS_PUBKEY},
            "power": "10", "name": "validator",
        }],
        "app_hash": "",
        "app_state": {
            "auth": {"accounts": [{"address": a["address"]} for a in accounts]},
            "bank": {"balances": [{"address": a["address"], "coins": [
                {"denom": "uluna", "amount": str(NATIVE)}, {"denom": "uusd", "amount": str(NATIVE)}]} for a in accounts]},
            "params": {"min_gas_prices": "0.015uluna,0.15uusd", "max_tx_bytes": 1048576, "max_memo_characters": 256, "max_block_gas": 1000000000},
            "wasm": {"steps": steps},
        },
    }



for profile, filename in [("devnet", "devnet.json"), ("mainnet", "devnet-mainnet-gov.json")]:
    steps = build_steps(GOV_PROFILES[profile])
    with open(os.path.join(HERE, filename), "w") as f:
        json.dump(genesis_doc(steps), f, indent=2)
        f.write("\n")
    print(f"wrote {filename}: {len(accounts)} accounts, {len(steps)} wasm steps, {len(ASSETS)} mAssets, gov profile {profile}")
