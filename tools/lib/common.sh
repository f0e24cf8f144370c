# Shared by tools/devnet, tools/mirrorchain and tools/test. Source it; do not run it.
# Ensures the .NET SDK is present, and builds the CLI when sources changed.

MC_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MC_BUILD="$MC_ROOT/.build"
MC_CLI_DLL="$MC_BUILD/cli/mirrorchain.dll"

mc_log() { printf '[mirrorchain] %s\n' "$*" >&2; }
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
    mc_log "building the mirrorchain CLI (Release)"
    dotnet build "$MC_ROOT/src/MirrorChain.Cli/MirrorChain.Cli.csproj" -c Release -o "$MC_BUILD/cli" -nologo -v quiet \
      -p:UseAppHost=false >"$MC_BUILD/cli-build.log" 2>&1 || { cat "$MC_BUILD/cli-build.log" >&2; mc_die "build failed"; }
    touch "$MC_CLI_DLL"
  fi
}

mc_cli() { dotnet "$MC_CLI_DLL" "$@"; }

# Installs Node.js/npm when missing and the pinned cosmjs packages of tests/compat (npm ci, cached by lock file).
# mc_ensure_chromium: Debian's chromium for tests/MirrorChain.Explorer.Tests, which drive it through Playwright's
# ExecutablePath (docs/explorer.md); Playwright never downloads a browser of its own.
mc_ensure_chromium() {
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
  command -v chromium >/dev/null 2>&1 || mc_apt_install chromium
}

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
