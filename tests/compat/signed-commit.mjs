// Signed commits of a MirrorChain devnet, checked the way a light client would with cosmjs 0.38.1 alone: commit and
// validators through Comet38Client, CometBFT 0.38's vote sign bytes (types/vote.go VoteSignBytes: the protobuf
// CanonicalVote, length-prefixed) encoded here by hand, and Ed25519.verifySignature of @cosmjs/crypto. The encoder
// is first checked against a commit a real Tendermint node signed (informalsystems/tendermint-rs,
// rpc/tests/kvstore-fixtures/incoming/commit_at_height_10.json and status.json). docs/signed-commits.md.
//
//   MIRRORCHAIN_RPC=http://127.0.0.1:26657 node signed-commit.mjs
import assert from "node:assert/strict";

import { Ed25519, sha256 } from "@cosmjs/crypto";
import { fromBase64, fromHex, toHex } from "@cosmjs/encoding";
import { BlockIdFlag, Comet38Client, toSeconds, fromRfc3339WithNanoseconds } from "@cosmjs/tendermint-rpc";

import { exitWhenDone, RPC, step } from "./lib/harness.mjs";

const PRECOMMIT = 2;

function varint(n) {
  let v = BigInt.asUintN(64, BigInt(n));
  const out = [];
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
}

const fixed64 = (tag, n) => {
  if (BigInt(n) === 0n) return [];
  const b = new Uint8Array(8);
  new DataView(b.buffer).setBigInt64(0, BigInt(n), true);
  return [tag, ...b];
};
const bytes = (tag, b) => (b.length === 0 ? [] : [tag, ...varint(b.length), ...b]);
const message = (tag, body) => [tag, ...varint(body.length), ...body];

/** CanonicalVote {type 1, height 2 sfixed64, round 3 sfixed64, block_id 4, timestamp 5, chain_id 6}, length-delimited. */
function voteSignBytes(chainId, height, round, blockId, time) {
  const { seconds, nanos } = toSeconds(time);
  const parts = [...(blockId.parts.total ? [0x08, ...varint(blockId.parts.total)] : []), ...bytes(0x12, blockId.parts.hash)];
  const body = [
    0x08, PRECOMMIT,
    ...fixed64(0x11, height),
    ...fixed64(0x19, round),
    ...message(0x22, [...bytes(0x0a, blockId.hash), ...message(0x12, parts)]),
    ...message(0x2a, [...(seconds ? [0x08, ...varint(seconds)] : []), ...(nanos ? [0x10, ...varint(nanos)] : [])]),
    ...bytes(0x32, new TextEncoder().encode(chainId)),
  ];
  return Uint8Array.from([...varint(body.length), ...body]);
}

async function main() {
  console.log(`signed-commit: node ${RPC}`);
  await step("sign-bytes encoder verifies a commit signed by a real Tendermint node", async () => {
    const blockId = {
      hash: fromHex("0E0A6882AD8F04563872DCDF905235AB28D7973D046B6576E20AABBD4166DAF0"),
      parts: { total: 1, hash: fromHex("3496F7085FDA79F11FD11970E65925E75993266FC185925FD6E24492A4B37D29") },
    };
    const signBytes = voteSignBytes("dockerchain", 10, 0, blockId, fromRfc3339WithNanoseconds("2020-12-21T04:42:18.5884619Z"));
    const ok = await Ed25519.verifySignature(
      fromBase64("YIEe+RXT3RIi+tq0H8gbQ98rqG2eyEp/P3Sprh+25K6ldkxO2u8L/wsZlB93hKmdpjZquQwEcRuJAhgxwqGyAw=="),
      signBytes,
      fromBase64("pO++rte4ftM+95GJdenmIfDcolnDI5A0W0hVYuZCxYI="),
    );
    assert.ok(ok, "reference signature");
  });

  const client = await step("connect (Comet38Client)", () => Comet38Client.connect(RPC));
  const status = await client.status();
  const chainId = status.nodeInfo.network;
  let latest = status.syncInfo.latestBlockHeight;
  for (let i = 0; latest < 3 && i < 50; i++) {
    await new Promise((r) => setTimeout(r, 200));
    latest = (await client.status()).syncInfo.latestBlockHeight;
  }
  const heights = [...new Set([1, Math.max(1, latest - 1), latest])];
  for (const height of heights) {
    await step(`commit ${height} verifies with the validator of validators ${height}`, async () => {
      const { commit, header } = await client.commit(height);
      const { validators } = await client.validatorsAll(height);
      assert.equal(validators.length, 1, "one validator");
      const [validator] = validators;
      assert.equal(validator.pubkey?.algorithm, "ed25519");
      assert.equal(toHex(sha256(validator.pubkey.data).slice(0, 20)), toHex(validator.address), "address = SHA-256(pubkey)[:20]");
      assert.equal(commit.signatures.length, 1, "one signature");
      const [sig] = commit.signatures;
      assert.equal(sig.blockIdFlag, BlockIdFlag.Commit);
      assert.equal(toHex(sig.validatorAddress), toHex(validator.address));
      assert.equal(header.chainId, chainId);
      const signBytes = voteSignBytes(chainId, commit.height, commit.round, commit.blockId, sig.timestamp);
      assert.ok(await Ed25519.verifySignature(sig.signature, signBytes, validator.pubkey.data), "signature verifies");
      const tampered = voteSignBytes(chainId, commit.height + 1, commit.round, commit.blockId, sig.timestamp);
      assert.ok(!(await Ed25519.verifySignature(sig.signature, tampered, validator.pubkey.data)), "another height must not verify");
      if (height < latest) {
        const next = await client.block(height + 1);
        const last = next.block.lastCommit;
        assert.equal(last.height, height);
        assert.equal(toHex(last.blockId.hash), toHex(commit.blockId.hash));
        assert.equal(toHex(last.signatures[0].signature), toHex(sig.signature), "block h+1 last_commit carries commit h's signature");
      }
    });
  }
  client.disconnect();
}

exitWhenDone(main);
