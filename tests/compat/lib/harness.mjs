// What the compat scenario scripts share: the devnet's test accounts, the LocalTerra HD path, PASS/FAIL steps and the
// exit code. Not a scenario itself: run.sh runs only the *.mjs files of tests/compat, not this folder.
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { stringToPath } from "@cosmjs/crypto";

export const RPC = process.env.MIRRORCHAIN_RPC ?? "http://127.0.0.1:26657";
export const HD_PATH = stringToPath("m/44'/330'/0'/0/0");
export const CONTRACTS = process.env.MIRRORCHAIN_CONTRACTS ?? `${homedir()}/.mirrorchain/config/contracts.json`;

/** The contract addresses the node's init wrote (MIRRORCHAIN_CONTRACTS, default ~/.mirrorchain/config/contracts.json). */
export const readContracts = () => JSON.parse(readFileSync(CONTRACTS, "utf8"));

const ACCOUNTS = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../../../genesis/devnet-accounts.json"), "utf8"),
).accounts;

/** The devnet test account `name` ({ name, address, mnemonic }) of genesis/devnet-accounts.json. */
export function devnetAccount(name) {
  const account = ACCOUNTS.find((a) => a.name === name);
  if (!account) throw new Error(`no devnet account ${name}`);
  return account;
}

let failed = false;

/** Runs one named check: prints PASS, or FAIL with the error (and an HTTP answer's body) and rethrows. */
export async function step(name, fn) {
  try {
    const value = await fn();
    console.log(`PASS ${name}`);
    return value;
  } catch (err) {
    failed = true;
    const body = err?.response?.data ? ` ${JSON.stringify(err.response.data)}` : "";
    console.log(`FAIL ${name}: ${err?.message ?? err}${body}`);
    throw err;
  }
}

/** A step whose failure is reported but does not stop the scenario (the later steps do not depend on it). */
export const softStep = (name, fn) => step(name, fn).catch(() => undefined);

/** Runs the scenario and exits 0 only when it finished and no step failed. */
export function exitWhenDone(main) {
  main().then(
    () => process.exit(failed ? 1 : 0),
    (err) => {
      if (!failed) console.log(`FAIL ${err?.message ?? err}`);
      process.exit(1);
    },
  );
}

/** A JSON message as the base64 text of a cw20 send's hook. */
export const b64 = (obj) => Buffer.from(JSON.stringify(obj)).toString("base64");
