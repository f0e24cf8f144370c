# Shared by the load benchmarks (tools/bench, tools/bench-replay): the load generator's build, a free loopback port,
# stopping the node, the bench chain's sender mode (bench accounts or the old devnet senders), the node's own block
# times from its log, and medians. Source it after lib/common.sh; do not run it.

LOADGEN_DIR="$MC_BUILD/loadgen"
LOADGEN_DLL="$LOADGEN_DIR/mirrorchain-loadgen.dll"

# Builds the load generator (Release) into .build/loadgen when it is missing or a source is newer. Retries, because
# other builds on this machine may hold the shared obj/ files for a moment.
mc_build_loadgen() {
  if [ -f "$LOADGEN_DLL" ] && [ -z "$(find "$MC_ROOT/src" "$MC_ROOT/tools/MirrorChain.LoadGen" \
      -newer "$LOADGEN_DLL" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.proto' -o -name '*.props' \) \
      -not -path '*/bin/*' -not -path '*/obj/*' -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  mc_log "building the load generator (Release)"
  local attempt
  for attempt in 1 2 3; do
    if dotnet build "$MC_ROOT/tools/MirrorChain.LoadGen/MirrorChain.LoadGen.csproj" -c Release -o "$LOADGEN_DIR" -nologo -v quiet \
        -p:UseAppHost=false >"$MC_BUILD/loadgen.log" 2>&1; then
      touch "$LOADGEN_DLL"
      return 0
    fi
    mc_log "load generator build failed (attempt $attempt); retrying"
    sleep $((attempt * 5))
  done
  cat "$MC_BUILD/loadgen.log" >&2
  mc_die "load generator build failed"
}

# mc_stop_node: stops the node whose pid is in $node_pid (and clears it): SIGTERM, then up to 30 s for the block in
# progress, then SIGKILL. Returns the node's exit code.
node_pid=""
mc_stop_node() {
  [ -n "$node_pid" ] || return 0
  local pid="$node_pid" rc=0
  node_pid=""
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    mc_log "node $pid did not stop within 30 s of SIGTERM; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || rc=$?
  return $rc
}

# mc_check_sender_mode ACCOUNTS ACCOUNTS_GIVEN SENDERS: the --accounts / --senders flags of a bench tool are valid
# (SENDERS empty = bench accounts).
mc_check_sender_mode() {
  [[ "$1" =~ ^[1-9][0-9]*$ ]] || mc_die "--accounts expects a positive integer, got '$1'"
  if [ -n "$3" ]; then
    [[ "$3" =~ ^[1-9][0-9]*$ ]] || mc_die "--senders expects a positive integer, got '$3'"
    [ "$3" -le 10 ] || mc_die "--senders expects 1-10 (the devnet's test accounts), got '$3'"
    [ "$2" -eq 0 ] || mc_die "--senders (the old mode: devnet test1..testK) and --accounts (bench accounts) exclude each other"
  fi
}

# mc_bench_chain ACCOUNTS SEED SENDERS TXS DIR: the sender mode of a bench chain. SENDERS empty: a genesis of the
# devnet's plus ACCOUNTS bench accounts of SEED (written to DIR/genesis.json by `mirrorchain-loadgen make-genesis`;
# keys as the load generator's --bench-accounts derives them); otherwise the plain devnet genesis and test1..testK.
# Sets MC_GENESIS_FLAG (for `mirrorchain init`), MC_LOADGEN_SENDERS (for the load generator) and MC_SENDER_TEXT.
mc_bench_chain() {
  local accounts="$1" seed="$2" senders="$3" txs="$4" dir="$5"
  MC_GENESIS_FLAG=()
  if [ -n "$senders" ]; then
    MC_SENDER_TEXT="$senders senders (devnet test1..test$senders, plain devnet genesis)"
    MC_LOADGEN_SENDERS=(--senders "$senders")
    return 0
  fi
  if [ "$accounts" -ge "$txs" ]; then
    MC_SENDER_TEXT="$accounts bench accounts (seed '$seed'; every tx has its own sender)"
  else
    MC_SENDER_TEXT="$accounts bench accounts (seed '$seed'; $txs txs: the accounts repeat round-robin)"
  fi
  MC_LOADGEN_SENDERS=(--bench-accounts "$accounts" --seed "$seed")
  dotnet "$LOADGEN_DLL" make-genesis --accounts "$accounts" --seed "$seed" --base "$MC_ROOT/genesis/devnet.json" \
    --out "$dir/genesis.json" >"$dir/make-genesis.log" 2>&1 || { cat "$dir/make-genesis.log" >&2; mc_die "make-genesis failed"; }
  MC_GENESIS_FLAG=(--genesis "$dir/genesis.json")
}

# mc_block_times NODE_LOG [FIRST LAST] -> "BLOCKS TXS MS": the blocks holding txs (heights FIRST..LAST, default all),
# their txs, and the node's own time producing them, from its log lines "committed block H: N txs (F failed) in MS
# ms" (reap, execute, Merkle, write, mempool recheck); "0 0 0" when there are none.
mc_block_times() {
  sed -n 's/^committed block \([0-9]*\): \([0-9]*\) txs .* in \([0-9.]*\) ms.*/\1 \2 \3/p' "$1" 2>/dev/null |
    awk -v lo="${2:-0}" -v hi="${3:-}" '$2 > 0 && $1 >= lo && (hi == "" || $1 <= hi) { b++; n += $2; ms += $3 }
      END { printf "%d %d %.0f\n", b, n, ms }'
}

# mc_median FORMAT NUMBERS... -> the median ("-" and empty ignored; the mean of the middle two for an even count)
# printed with the printf FORMAT (e.g. %.0f, %.2f, %.1f%%), or "-" when there is none.
mc_median() {
  local format="$1" v=() x
  shift
  for x in "$@"; do [ "$x" = "-" ] || [ -z "$x" ] || v+=("$x"); done
  [ ${#v[@]} -gt 0 ] || { echo "-"; return; }
  printf '%s\n' "${v[@]}" | sort -g | awk -v f="$format\n" '{ v[NR] = $1 } END { if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2; printf f, m }'
}
