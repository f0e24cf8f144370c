// Ledger-style signing (SIGN_MODE_LEGACY_AMINO_JSON) with unmodified cosmjs 0.38.1: an amino-only wallet
// (@cosmjs/amino Secp256k1HdWallet, which can only signAmino) sends a MsgSend ("cosmos-sdk/MsgSend") through
// SigningStargateClient and a cw20 transfer ("wasm/MsgExecuteContract") through SigningCosmWasmClient, fee "auto"
// (so Simulate runs first), and every balance moves exactly. A signature over another account number is refused
// with the SDK's amino wording, and a tx claiming SIGN_MODE_TEXTUAL is refused naming the mode. Prints PASS/FAIL lines.
//
//   MIRRORCHAIN_RPC=http://127.0.0.1:26657 MIRRORCHAIN_CONTRACTS=~/.mirrorchain/config/contracts.json node amino-signing.mjs
//
// Accounts: test10 signs (genesis/devnet-accounts.json); the recipient is a fresh address (test10's mnemonic at
// HD index 7), so no other compat script's balances move.
import assert from "node:assert/strict";

import { Secp256k1HdWallet } from "@cosmjs/amino";
import { SigningCosmWasmClient } from "@cosmjs/cosmwasm-stargate";
import { stringToPath } from "@cosmjs/crypto";
import { decodeTxRaw } from "@cosmjs/proto-signing";
import { assertIsDeliverTxSuccess, GasPrice, SigningStargateClient } from "@cosmjs/stargate";
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { AuthInfo, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";

import { devnetAccount, exitWhenDone, HD_PATH, readContracts, RPC, step } from "./lib/harness.mjs";

const GAS_PRICE = GasPrice.fromString("0.015uluna");
const SIGNER = devnetAccount("test10");
const SIGNER_ACCOUNT_NUMBER = 10; // genesis order: validator 0, test1 … test10 (genesis/README.md)
const SEND = 1_234_567n;
const MIR_SENT = 4_321_000n;
const MEMO = "Ledger <3 & \"amino\" > direct"; // the sign doc escapes < > & as \u003c \u003e \u0026

const ulunaFee = (txBytes) =>
  decodeTxRaw(txBytes).authInfo.fee.amount.filter((c) => c.denom === "uluna").reduce((s, c) => s + BigInt(c.amount), 0n);
const modeOf = (txBytes) => decodeTxRaw(txBytes).authInfo.signerInfos[0].modeInfo.single.mode;

async function main() {
  const { mirrorToken } = readContracts();
  const wallet = await step("derive test10 as an amino-only wallet (Secp256k1HdWallet, m/44'/330'/0'/0/0)", async () => {
    const w = await Secp256k1HdWallet.fromMnemonic(SIGNER.mnemonic, { prefix: "terra", hdPaths: [HD_PATH] });
    const [{ address }] = await w.getAccounts();
    assert.equal(address, SIGNER.address);
    assert.equal(typeof w.signDirect, "undefined", "an amino signer cannot sign direct");
    return w;
  });
  const recipient = await step("derive a fresh recipient (test10's mnemonic at index 7)", async () => {
    const w = await Secp256k1HdWallet.fromMnemonic(SIGNER.mnemonic, { prefix: "terra", hdPaths: [stringToPath("m/44'/330'/0'/0/7")] });
    return (await w.getAccounts())[0].address;
  });

  const options = { gasPrice: GAS_PRICE, broadcastPollIntervalMs: 300 };
  const bank = await SigningStargateClient.connectWithSigner(RPC, wallet, options);
  const wasm = await SigningCosmWasmClient.connectWithSigner(RPC, wallet, options);
  try {
    const chainId = await bank.getChainId();
    const uluna = async (addr) => BigInt((await bank.getBalance(addr, "uluna")).amount);
    const mir = async (addr) => BigInt((await wasm.queryContractSmart(mirrorToken, { balance: { address: addr } })).balance);

    const before = { signer: await uluna(SIGNER.address), recipient: await uluna(recipient) };
    const sent = await step(`amino MsgSend ${SEND}uluna test10 -> fresh address, fee "auto", memo with < > & "`, async () => {
      const r = await bank.sendTokens(SIGNER.address, recipient, [{ denom: "uluna", amount: SEND.toString() }], "auto", MEMO);
      assertIsDeliverTxSuccess(r);
      assert.equal(r.code, 0);
      return r;
    });
    await step("the indexed tx is signed SIGN_MODE_LEGACY_AMINO_JSON and keeps its memo", async () => {
      const tx = await bank.getTx(sent.transactionHash);
      assert.equal(tx.code, 0);
      assert.equal(modeOf(tx.tx), SignMode.SIGN_MODE_LEGACY_AMINO_JSON);
      assert.equal(decodeTxRaw(tx.tx).body.memo, MEMO);
      sent.fee = ulunaFee(tx.tx);
      assert.ok(sent.fee > 0n);
    });
    await step(`recipient gained exactly ${SEND}uluna; test10 paid exactly ${SEND}uluna + fee`, async () => {
      assert.equal(await uluna(recipient), before.recipient + SEND);
      assert.equal(await uluna(SIGNER.address), before.signer - SEND - sent.fee);
    });

    const mirBefore = { signer: await mir(SIGNER.address), recipient: await mir(recipient) };
    const ulunaBefore = await uluna(SIGNER.address);
    const transferred = await step(`amino MsgExecuteContract: cw20 transfer of ${MIR_SENT} MIR (wasm/MsgExecuteContract), fee "auto"`, async () => {
      const r = await wasm.execute(SIGNER.address, mirrorToken,
        { transfer: { recipient, amount: MIR_SENT.toString() } }, "auto", "amino cw20 transfer");
      assert.equal(r.transactionHash.length, 64);
      return r;
    });
    await step("the execute tx is code 0 and signed SIGN_MODE_LEGACY_AMINO_JSON", async () => {
      const tx = await wasm.getTx(transferred.transactionHash);
      assert.equal(tx.code, 0);
      assert.equal(modeOf(tx.tx), SignMode.SIGN_MODE_LEGACY_AMINO_JSON);
      transferred.fee = ulunaFee(tx.tx);
    });
    await step(`MIR moved exactly ${MIR_SENT}; test10's uluna fell by the fee alone`, async () => {
      assert.equal(await mir(recipient), mirBefore.recipient + MIR_SENT);
      assert.equal(await mir(SIGNER.address), mirBefore.signer - MIR_SENT);
      assert.equal(await uluna(SIGNER.address), ulunaBefore - transferred.fee);
    });

    const msgSend = (amount) => ({
      typeUrl: "/cosmos.bank.v1beta1.MsgSend",
      value: { fromAddress: SIGNER.address, toAddress: recipient, amount: [{ denom: "uluna", amount }] },
    });
    const fee = { amount: [{ denom: "uluna", amount: "3000" }], gas: "200000" };
    const { sequence } = await bank.getSequence(SIGNER.address);

    await step("a signature over another account number is refused: code 4, the SDK's amino wording", async () => {
      const signed = await bank.sign(SIGNER.address, [msgSend("1")], fee, "", { accountNumber: 99, sequence, chainId });
      const balance = await uluna(SIGNER.address);
      await assert.rejects(bank.broadcastTx(TxRaw.encode(signed).finish()), (err) => {
        assert.match(String(err.message), /code 4/);
        assert.match(String(err.message),
          new RegExp(`signature verification failed; please verify account number \\(${SIGNER_ACCOUNT_NUMBER}\\), sequence \\(${sequence}\\) and chain-id \\(${chainId}\\)`));
        return true;
      });
      assert.equal(await uluna(SIGNER.address), balance, "nothing charged");
    });

    await step("a tx claiming SIGN_MODE_TEXTUAL is refused naming the mode", async () => {
      const signed = await bank.sign(SIGNER.address, [msgSend("1")], fee, "", { accountNumber: SIGNER_ACCOUNT_NUMBER, sequence, chainId });
      const authInfo = AuthInfo.decode(signed.authInfoBytes);
      authInfo.signerInfos[0].modeInfo.single.mode = SignMode.SIGN_MODE_TEXTUAL;
      const tampered = TxRaw.fromPartial({ ...signed, authInfoBytes: AuthInfo.encode(authInfo).finish() });
      await assert.rejects(bank.broadcastTx(TxRaw.encode(tampered).finish()), (err) => {
        assert.match(String(err.message),
          /sign mode SIGN_MODE_TEXTUAL is not supported; use SIGN_MODE_DIRECT or SIGN_MODE_LEGACY_AMINO_JSON/);
        return true;
      });
    });

    await step("the untampered amino tx from the same signer still goes through afterwards", async () => {
      const r = await bank.signAndBroadcast(SIGNER.address, [msgSend("1")], fee, "");
      assertIsDeliverTxSuccess(r);
    });
  } finally {
    bank.disconnect();
    wasm.disconnect();
  }
}

exitWhenDone(main);
