# Shared by tools/devnet, tools/mirrorchain and tools/test. Source it; do not run it.
# Ensures the .NET SDK is present, and builds the CLI when sources changed.

MC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MC_BUILD="$MC_ROOT/.build"
MC_CLI_DLL="$MC_BUILD/cli/mirrorchain.dll"

mc_log() { printf '[mirrorchain] %s\n' "$*" >&2; }

# Progress for long steps, as plain lines (CI has no TTY: no redraws, no colours).
# mc_heartbeat_start LABEL [STATUS_FN]: every MC_HEARTBEAT seconds (default 15) prints "LABEL: still running (N s)",
# plus the output of STATUS_FN when given (e.g. "3 of 19 projects done"), until mc_heartbeat_stop or this shell ends.
MC_HEARTBEAT_PID=""
mc_heartbeat_start() {
  local label="$1" status_fn="${2:-}" every="${MC_HEARTBEAT:-15}" parent=$$
  mc_heartbeat_stop
  (
    elapsed=0
    while sleep "$every" && kill -0 "$parent" 2>/dev/null; do
      elapsed=$((elapsed + every))
      extra=""
      [ -n "$status_fn" ] && extra="; $("$status_fn" 2>/dev/null)"
      printf '[mirrorchain] %s: still running (%d s%s)\n' "$label" "$elapsed" "$extra" >&2
    done
  ) &
  MC_HEARTBEAT_PID=$!
}
mc_heartbeat_stop() {
  if [ -n "$MC_HEARTBEAT_PID" ]; then
    kill "$MC_HEARTBEAT_PID" 2>/dev/null || true
    wait "$MC_HEARTBEAT_PID" 2>/dev/null || true
    MC_HEARTBEAT_PID=""
  fi
  return 0
}

MC_BUILD_LOG=""
mc_built_count() { printf '%s projects built so far' "$(grep -cE '^[[:space:]]*[A-Za-z0-9_.]+ -> /' "$MC_BUILD_LOG" 2>/dev/null)"; }

# mc_build LABEL LOG TOTAL ARGS...: `dotnet build ARGS` with the classic logger (-tl:off: plain lines, no TTY
# needed), its whole output in LOG; prints LABEL, then "built PROJECT (n/TOTAL)" as each project finishes (TOTAL 0:
# no total), and a heartbeat while a project compiles. Returns dotnet build's exit code.
mc_build() {
  local label="$1" log="$2" total="$3" line n=0 rc=1 started=$SECONDS
  shift 3
  : >"$log"
  mc_log "$label"
  MC_BUILD_LOG="$log"
  mc_heartbeat_start "build" mc_built_count
  while IFS= read -r line; do
    if [[ "$line" == __MC_BUILD_RC=* ]]; then
      rc="${line#__MC_BUILD_RC=}"
      continue
    fi
    printf '%s\n' "$line" >>"$log"
    if [[ "$line" =~ ^[[:space:]]*([A-Za-z0-9_.]+)\ -\>\ / ]]; then
      n=$((n + 1))
      if [ "$total" -gt 0 ]; then mc_log "  built ${BASH_REMATCH[1]} ($n/$total)"; else mc_log "  built ${BASH_REMATCH[1]}"; fi
    fi
  done < <(dotnet build "$@" -nologo -v minimal -tl:off 2>&1; echo "__MC_BUILD_RC=$?")
  mc_heartbeat_stop
  [ "$rc" -eq 0 ] && mc_log "  done in $((SECONDS - started)) s"
  return "$rc"
}
mc_die() { printf '[mirrorchain] error: %s\n' "$*" >&2; exit 1; }

# The node needs no apt package: its native libraries ship inside NuGet packages and the build copies them next to
# the program (runtimes/<rid>/native/): librocksdb from RocksDB, libsecp256k1 from Secp256k1.Net. Only the cosmjs
# client suite (mc_npm_ci) installs something with apt: Node.js and npm, when they are missing; and the explorer's
# browser tests (mc_ensure_chromium): Debian's chromium.

mc_missing_packages() {
  local pkg missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  printf '%s\n' "${missing[@]}"
}

# mc_apt_install PKG... : installs missing Debian packages as root or via sudo, or explains what to run.
mc_apt_install() {
  local missing
  mapfile -t missing < <(mc_missing_packages "$@" | sed '/^$/d')
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || mc_die "missing packages: ${missing[*]}; this is not a Debian/Ubuntu system, install their equivalents by hand"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo="sudo"
    else
      mc_die "missing packages: ${missing[*]}. Run as root, or: sudo apt-get install -y ${missing[*]}"
    fi
  fi
  mc_log "installing ${missing[*]} (apt-get)"
  $sudo apt-get update -qq >/dev/null || mc_log "apt-get update failed; trying the install anyway"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null \
    || mc_die "apt-get install ${missing[*]} failed"
}

mc_require_dotnet() {
  command -v dotnet >/dev/null 2>&1 || mc_die "the .NET 10 SDK is required (dotnet not found on PATH)"
  local major
  major="$(dotnet --version 2>/dev/null | cut -d. -f1)"
  [ "${major:-0}" -ge 10 ] || mc_die ".NET SDK 10 or newer is required (found $(dotnet --version 2>/dev/null))"
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}

mc_ensure_deps() {
  mc_require_dotnet
}

# Builds the CLI (Release) into .build/cli when it is missing or any source is newer.
mc_build_cli() {
  local stale=0
  if [ ! -f "$MC_CLI_DLL" ]; then
    stale=1
  elif [ -n "$(find "$MC_ROOT/src" "$MC_ROOT/contracts" "$MC_ROOT/genesis" "$MC_ROOT/Directory.Build.props" "$MC_ROOT/Directory.Packages.props" \
      -newer "$MC_CLI_DLL" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.proto' -o -name '*.json' -o -name '*.props' -o -name '*.txt' \) \
      -not -path '*/bin/*' -not -path '*/obj/*' -print -quit 2>/dev/null)" ]; then
    stale=1
  fi
  if [ "$stale" -eq 1 ]; then
    mc_build "building the mirrorchain CLI (Release; the first build takes a few minutes)" "$MC_BUILD/cli-build.log" 0 \
      "$MC_ROOT/src/MirrorChain.Cli/MirrorChain.Cli.csproj" -c Release -o "$MC_BUILD/cli" -p:UseAppHost=false \
      || { cat "$MC_BUILD/cli-build.log" >&2; mc_die "build failed"; }
    touch "$MC_CLI_DLL"
  fi
}

mc_cli() { dotnet "$MC_CLI_DLL" "$@"; }

# mc_free_port -> a loopback port nothing listens on (random in 20000-39999), or fails.
mc_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

# mc_ensure_chromium: Debian's chromium for tests/MirrorChain.Explorer.Tests, which drive it through Playwright's
# ExecutablePath (docs/explorer.md); Playwright never downloads a browser of its own.
mc_ensure_chromium() {
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  command -v chromium >/dev/null 2>&1 || mc_apt_install chromium
}

# Installs Node.js/npm when missing and the pinned cosmjs packages of tests/compat (npm ci, cached by lock file).
mc_npm_ci() {
  local compat="$MC_ROOT/tests/compat"
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    mc_apt_install nodejs npm
  fi
  if [ ! -d "$compat/node_modules" ] || [ "$compat/package-lock.json" -nt "$compat/node_modules" ]; then
    mc_log "installing the pinned cosmjs packages (npm ci in tests/compat)"
    (cd "$compat" && npm ci --no-audit --no-fund --loglevel=error) || mc_die "npm ci in tests/compat failed"
    touch "$compat/node_modules"
  fi
}
