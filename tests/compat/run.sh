#!/usr/bin/env bash
# Client-compatibility suite (called by tools/test): starts a fresh devnet on a free loopback port, runs the
# cosmjs scripts against it, stops it with SIGTERM and restarts it (must resume at the next height), then
# replays the stored blocks (must reproduce every app hash). Prints PASS/FAIL lines.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../tools/lib/common.sh"
compat="$MC_ROOT/tests/compat"
mkdir -p "$MC_BUILD"
mc_ensure_deps
mc_npm_ci
mc_build_cli || exit 1

home="$(mktemp -d "${TMPDIR:-/tmp}/mirrorchain-compat.XXXXXX")"
node_pid=""
cleanup() {
  [ -n "$node_pid" ] && kill -TERM "$node_pid" 2>/dev/null && wait "$node_pid" 2>/dev/null
  rm -rf -- "$home"
}
trap cleanup EXIT

port="$(mc_free_port)" || { echo "FAIL no free port"; exit 1; }
rpc="http://127.0.0.1:$port"
lcd_port="$(mc_free_port)" && [ "$lcd_port" != "$port" ] || lcd_port="$(mc_free_port)" || { echo "FAIL no free port"; exit 1; }
export MIRRORCHAIN_LCD="http://127.0.0.1:$lcd_port"
metrics_port="$(mc_free_port)" && [ "$metrics_port" != "$port" ] && [ "$metrics_port" != "$lcd_port" ] || metrics_port="$(mc_free_port)" || { echo "FAIL no free port"; exit 1; }
export MIRRORCHAIN_METRICS="http://127.0.0.1:$metrics_port"

# rpc_call METHOD -> prints the JSON result (uses node's fetch; no curl needed)
rpc_height() {
  node -e "fetch('$rpc/status').then(r=>r.json()).then(j=>console.log(j.result.sync_info.latest_block_height)).catch(()=>{console.log('');process.exit(1)})"
}
start_node() {
  dotnet "$MC_CLI_DLL" start --home "$home" --rpc "127.0.0.1:$port" --lcd "127.0.0.1:$lcd_port" --metrics "127.0.0.1:$metrics_port" --block-time 200ms >>"$home/node.log" 2>&1 &
  node_pid=$!
  for _ in $(seq 1 150); do
    h="$(rpc_height 2>/dev/null)"
    if [ -n "$h" ] && [ "$h" -ge 1 ] 2>/dev/null; then return 0; fi
    kill -0 "$node_pid" 2>/dev/null || break
    sleep 0.2
  done
  echo "node did not come up; its log:"; tail -50 "$home/node.log"
  return 1
}
stop_node() {
  kill -TERM "$node_pid" 2>/dev/null
  wait "$node_pid"
  local rc=$?
  node_pid=""
  return $rc
}

dotnet "$MC_CLI_DLL" init --home "$home" >"$home.init.log" 2>&1 || { cat "$home.init.log"; echo "FAIL mirrorchain init"; exit 1; }
rm -f "$home.init.log"
start_node && echo "PASS devnet starts and serves status on $rpc" || { echo "FAIL devnet start"; exit 1; }

for script in "$compat"/*.mjs; do
  name="$(basename "$script")"
  echo "RUN cosmjs $name"
  if MIRRORCHAIN_RPC="$rpc" MIRRORCHAIN_CONTRACTS="$home/config/contracts.json" timeout 180 node "$script"; then
    echo "PASS cosmjs $name"
  else
    echo "FAIL cosmjs $name"
  fi
done

before="$(rpc_height)"
if stop_node; then echo "PASS SIGTERM stops the node cleanly at height $before"; else echo "FAIL node exit code after SIGTERM"; fi
if start_node; then
  after="$(rpc_height)"
  if [ "$after" -gt "$before" ]; then echo "PASS restart resumes: height $before -> $after"; else echo "FAIL restart height $after not above $before"; fi
else
  echo "FAIL restart"
fi
stop_node >/dev/null 2>&1

if dotnet "$MC_CLI_DLL" replay --home "$home"; then
  echo "PASS replay reproduces every app hash"
else
  echo "FAIL replay"
fi
