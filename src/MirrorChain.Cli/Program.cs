using System.CommandLine;
using MirrorChain.Cli;
using MirrorChain.Crypto;

var home = new Option<string?>("--home") { Description = $"node home directory (default {HomeLayout.DefaultRoot})", Recursive = true };
var node = new Option<string?>("--node") { Description = "JSON-RPC endpoint of the node (default: the home's rpc_laddr, else 127.0.0.1:26657)", Recursive = true };

var outputFormat = new Option<string?>("--output", "-o") { Description = "output format: text (YAML, the default for wasm/mirror queries and tx results) or json", Recursive = true };
outputFormat.AcceptOnlyFromAmong("text", "json");
var keyringBackend = new Option<string?>("--keyring-backend") { Description = "keyring backend; only test (the home's unencrypted devnet keyring) exists", Recursive = true };
keyringBackend.Validators.Add(r =>
{
    if (r.GetValueOrDefault<string?>() is { } b && b != "test")
    {
        r.AddError($"--keyring-backend {b} is not available: only test exists (the home's unencrypted devnet keyring); use --keyring-backend test or leave it out");
    }
});

var root = new RootCommand("mirrorchain — a deterministic node that runs Mirror Protocol natively") { home, node, outputFormat, keyringBackend };

// init
var genesisFile = new Option<string?>("--genesis") { Description = "genesis file to use instead of the built-in devnet genesis" };
var overwrite = new Option<bool>("--overwrite") { Description = "replace an existing config (not chain data)" };
var noTestKeys = new Option<bool>("--no-test-keys") { Description = "do not import the devnet test accounts into the keyring" };
var cometbft = new Option<bool>("--cometbft") { Description = "also write a CometBFT 0.38 home in HOME/cometbft (config.toml, genesis.json, Ed25519 validator and node keys) for start --abci (docs/abci.md)" };
var init = new Command("init", "initialise a node home: genesis, node config, node key, devnet test keys") { genesisFile, overwrite, noTestKeys, cometbft };
init.SetAction(pr => Run(() =>
{
    var code = InitCommand.Run(Home(pr), pr.GetValue(genesisFile), pr.GetValue(overwrite), !pr.GetValue(noTestKeys), Console.Out);
    return code != 0 || !pr.GetValue(cometbft) ? code : TestnetCommand.WriteSingle(Home(pr), Console.Out);
}));
root.Subcommands.Add(init);

// testnet
var testnetValidators = new Option<int>("--validators", "--v") { Description = "number of validators", DefaultValueFactory = _ => 4 };
var testnetOutput = new Option<string>("--output-dir", "--o") { Description = "directory for the node homes", DefaultValueFactory = _ => "./mytestnet" };
var testnetGenesis = new Option<string?>("--genesis") { Description = "app genesis to use instead of the built-in devnet genesis" };
var testnetPort = new Option<int>("--starting-port") { Description = "first port; node i uses P+10i (p2p), +1 (CometBFT RPC), +2 (ABCI)", DefaultValueFactory = _ => 26656 };
var testnet = new Command("testnet", "write homes for an N-validator CometBFT localnet, like cometbft testnet (docs/multi-validator.md)") { testnetValidators, testnetOutput, testnetPort, testnetGenesis };
testnet.SetAction(pr => Run(() => TestnetCommand.Run(pr.GetValue(testnetOutput)!, pr.GetValue(testnetValidators), pr.GetValue(testnetPort), pr.GetValue(testnetGenesis), Console.Out)));
root.Subcommands.Add(testnet);

// start
var rpc = new Option<string?>("--rpc") { Description = "JSON-RPC listen address host:port (default from config/node.json: 127.0.0.1:26657)" };
var blockTime = new Option<string?>("--block-time") { Description = "block interval such as 200ms or 1s (default from config/node.json: 1s)" };
var lcd = new Option<string?>("--lcd") { Description = "Cosmos REST (LCD) listen address host:port, or off (default from config/node.json: 127.0.0.1:1317)" };
var metricsAddress = new Option<string?>("--metrics") { Description = "Prometheus /metrics listen address host:port, or off (default from config/node.json: 127.0.0.1:26660)" };
var noExplorer = new Option<bool>("--no-explorer") { Description = "do not serve the explorer at the LCD's /explorer/ (default from config/node.json: explorer true)" };
var abci = new Option<string?>("--abci") { Description = "run as a CometBFT 0.38 ABCI application on this address (tcp://127.0.0.1:26658 or unix:///path) instead of producing blocks (docs/abci.md)" };
var cometBftRpc = new Option<string?>("--cometbft-rpc") { Description = "with --abci: CometBFT's RPC, which the LCD reads blocks and txs from and broadcasts through (default: [rpc] laddr of HOME/cometbft/config/config.toml, else http://127.0.0.1:26657)" };
var noLcd = new Option<bool>("--no-lcd") { Description = "do not serve the LCD (the same as --lcd off)" };
var start = new Command("start", "run the node: JSON-RPC and block production until SIGINT/SIGTERM; with --abci, the ABCI socket for CometBFT and the LCD over CometBFT's RPC") { rpc, blockTime, lcd, noLcd, metricsAddress, noExplorer, abci, cometBftRpc };
start.Validators.Add(result =>
{
    if (result.GetValue(cometBftRpc) is not null && result.GetValue(abci) is null)
    {
        result.AddError("--cometbft-rpc needs --abci (without it the node serves its own RPC)");
    }
});
start.SetAction((pr, ct) => RunAsync(() => pr.GetValue(abci) is { } abciAddress
    ? AbciCommand.RunAsync(Home(pr), abciAddress, Console.Out, ct, pr.GetValue(cometBftRpc), pr.GetValue(noLcd) ? "off" : pr.GetValue(lcd), pr.GetValue(metricsAddress))
    : StartCommand.RunAsync(Home(pr), pr.GetValue(rpc), pr.GetValue(blockTime), Console.Out, ct, pr.GetValue(noLcd) ? "off" : pr.GetValue(lcd), pr.GetValue(metricsAddress), pr.GetValue(noExplorer))));
root.Subcommands.Add(start);

// feeder
var feederFrom = new Option<string>("--from") { Description = "feeder key in the keyring", DefaultValueFactory = _ => "test1" };
var feederInterval = new Option<string>("--interval") { Description = "time between feeds, e.g. 5s", DefaultValueFactory = _ => "5s" };
var feederAlways = new Option<bool>("--always") { Description = "feed around the clock, not only during Nasdaq hours (Mon–Fri 09:30–16:00 New York)" };
var feederStep = new Option<int>("--step-bps") { Description = "largest price move per feed, in basis points", DefaultValueFactory = _ => 50 };
var feederOnce = new Option<bool>("--once") { Description = "feed once and exit" };
var feederSeed = new Option<int?>("--seed") { Description = "random-walk seed (default: from the clock)" };
var feeder = new Command("feeder", "post a random-walk price for every mAsset of contracts.json to the Mirror oracle") { feederFrom, feederInterval, feederAlways, feederStep, feederOnce, feederSeed };
feeder.SetAction((pr, ct) => RunAsync(() => FeederCommand.RunAsync(Home(pr), new FeederCommand.Options(
    NodeEndpoint(pr), pr.GetValue(feederFrom)!, DurationParser.Parse(pr.GetValue(feederInterval)!), pr.GetValue(feederAlways),
    pr.GetValue(feederStep), pr.GetValue(feederOnce), pr.GetValue(feederSeed) ?? Environment.TickCount), Console.Out, ct)));
root.Subcommands.Add(feeder);

// replay
var lookahead = new Option<int>("--lookahead")
{
    Description = "blocks read and signature-checked ahead of execution on another thread (0 = sequential)",
    DefaultValueFactory = _ => ReplayCommand.DefaultLookahead,
};
var replay = new Command("replay", "re-execute every stored block from genesis into a fresh state and check every app hash") { lookahead };
replay.SetAction((pr, ct) => Task.FromResult(Run(() => ReplayCommand.Run(Home(pr), Console.Out, ct, pr.GetValue(lookahead)))));
root.Subcommands.Add(replay);

// keys
var keys = new Command("keys", "manage the home's test keyring (unencrypted; for devnets)");
var keyName = new Argument<string>("name") { Description = "key name" };
var recover = new Option<bool>("--recover") { Description = "read a BIP-39 mnemonic from standard input instead of generating one" };
var keysAdd = new Command("add", "create a key (or recover one with --recover)") { keyName, recover };
keysAdd.SetAction(pr => Run(() => KeysCommands.Add(Home(pr), pr.GetValue(keyName)!, pr.GetValue(recover), Console.In, Console.Out)));
var keysList = new Command("list", "list keys");
keysList.SetAction(pr => Run(() => KeysCommands.List(Home(pr), Console.Out)));
var showName = new Argument<string>("name") { Description = "key name or address" };
var addressOnly = new Option<bool>("--address", "-a") { Description = "print only the address" };
var keysShow = new Command("show", "show a key's address and public key") { showName, addressOnly };
keysShow.SetAction(pr => Run(() => KeysCommands.Show(Home(pr), pr.GetValue(showName)!, pr.GetValue(addressOnly), Console.Out)));
var deleteName = new Argument<string>("name") { Description = "key name or address" };
var keysDelete = new Command("delete", "delete a key") { deleteName };
keysDelete.SetAction(pr => Run(() => KeysCommands.Delete(Home(pr), pr.GetValue(deleteName)!, Console.Out)));
keys.Subcommands.Add(keysAdd);
keys.Subcommands.Add(keysList);
keys.Subcommands.Add(keysShow);
keys.Subcommands.Add(keysDelete);
root.Subcommands.Add(keys);

// tx
var chainId = new Option<string?>("--chain-id") { Description = "chain id (default: asked from the node)" };
var gas = new Option<string>("--gas") { Description = "gas limit, or \"auto\" to simulate", DefaultValueFactory = _ => "auto" };
var gasAdjustment = new Option<string>("--gas-adjustment") { Description = "multiplier for simulated gas", DefaultValueFactory = _ => "1.4" };
var gasPrices = new Option<string>("--gas-prices") { Description = "gas price for the fee", DefaultValueFactory = _ => "0.015uluna" };
var fees = new Option<string?>("--fees") { Description = "explicit fee such as 3000uluna (overrides --gas-prices)" };
var memo = new Option<string>("--memo") { Description = "tx memo", DefaultValueFactory = _ => "" };
var mode = new Option<string>("--broadcast-mode") { Description = "sync (return after CheckTx) or commit (wait for the block)", DefaultValueFactory = _ => "commit" };
mode.AcceptOnlyFromAmong("sync", "commit");
var yes = new Option<bool>("--yes", "-y") { Description = "skip the confirmation (accepted; mirrorchain never asks)" };
var dryRun = new Option<bool>("--dry-run") { Description = "simulate only and print the gas estimate; nothing is signed or broadcast" };
Option[] txOptions = [chainId, gas, gasAdjustment, gasPrices, fees, memo, mode, yes, dryRun];
var tx = new Command("tx", "sign and broadcast transactions with a keyring key");
var bank = new Command("bank", "bank transactions");
var sendFrom = new Argument<string>("from") { Description = "key name or address in the keyring" };
var sendTo = new Argument<string>("to") { Description = "recipient terra1… address" };
var sendAmount = new Argument<string>("amount") { Description = "coins such as 1000000uluna or 5uluna,7uusd" };
var send = new Command("send", "send coins") { sendFrom, sendTo, sendAmount };
var wasm = new Command("wasm", "contract transactions");
var execFrom = new Option<string>("--from") { Description = "key name or address in the keyring", Required = true };
var execContract = new Argument<string>("contract") { Description = "contract terra1… address" };
var execMsg = new Argument<string>("msg") { Description = "execute message JSON, e.g. '{\"transfer\":{…}}'" };
var execAmount = new Option<string?>("--amount") { Description = "funds sent with the message, e.g. 1000uusd" };
var execute = new Command("execute", "execute a contract message") { execContract, execMsg, execFrom, execAmount };
foreach (var o in txOptions)
{
    send.Options.Add(o);
    execute.Options.Add(o);
}
TxFlags Flags(ParseResult pr) => new()
{
    Node = NodeEndpoint(pr),
    ChainId = pr.GetValue(chainId),
    Gas = pr.GetValue(gas)!,
    GasAdjustment = pr.GetValue(gasAdjustment)!,
    GasPrices = pr.GetValue(gasPrices)!,
    Fees = pr.GetValue(fees),
    Memo = pr.GetValue(memo)!,
    BroadcastMode = pr.GetValue(mode)!,
    DryRun = pr.GetValue(dryRun),
    Output = Format(pr, OutputFormat.Text),
};
send.SetAction((pr, ct) => RunAsync(() => TxCommands.BankSendAsync(Home(pr), pr.GetValue(sendFrom)!, pr.GetValue(sendTo)!, pr.GetValue(sendAmount)!, Flags(pr), Console.Out, ct)));
execute.SetAction((pr, ct) => RunAsync(() => TxCommands.WasmExecuteAsync(Home(pr), pr.GetValue(execFrom)!, pr.GetValue(execContract)!, pr.GetValue(execMsg)!, pr.GetValue(execAmount), Flags(pr), Console.Out, ct)));
bank.Subcommands.Add(send);
wasm.Subcommands.Add(execute);
tx.Subcommands.Add(bank);
tx.Subcommands.Add(wasm);
root.Subcommands.Add(tx);

// query
var query = new Command("query", "query a running node") { };
query.Aliases.Add("q");
var qAddress = new Argument<string>("address") { Description = "terra1… address" };
var qAccount = new Command("account", "account number and sequence") { qAddress };
qAccount.SetAction((pr, ct) => RunAsync(() => QueryCommands.AccountAsync(NodeEndpoint(pr), pr.GetValue(qAddress)!, Console.Out, ct, Format(pr, OutputFormat.Json))));
var qBalAddress = new Argument<string>("address") { Description = "terra1… address" };
var qDenom = new Option<string?>("--denom") { Description = "only this denom" };
var qBalance = new Command("balance", "balances of an address") { qBalAddress, qDenom };
qBalance.Aliases.Add("balances");
qBalance.SetAction((pr, ct) => RunAsync(() => QueryCommands.BalanceAsync(NodeEndpoint(pr), pr.GetValue(qBalAddress)!, pr.GetValue(qDenom), Console.Out, ct, Format(pr, OutputFormat.Json))));
var qHash = new Argument<string>("hash") { Description = "tx hash (hex)" };
var qTx = new Command("tx", "a committed tx and its result") { qHash };
qTx.SetAction((pr, ct) => RunAsync(() => QueryCommands.TxAsync(NodeEndpoint(pr), pr.GetValue(qHash)!, Console.Out, ct, Format(pr, OutputFormat.Json))));
var qHeight = new Argument<long?>("height") { Description = "block height (default: latest)", Arity = ArgumentArity.ZeroOrOne };
var qBlock = new Command("block", "a block (header and txs)") { qHeight };
qBlock.SetAction((pr, ct) => RunAsync(() => QueryCommands.BlockAsync(NodeEndpoint(pr), pr.GetValue(qHeight), Console.Out, ct, Format(pr, OutputFormat.Json))));
query.Subcommands.Add(qAccount);
query.Subcommands.Add(qBalance);
query.Subcommands.Add(qTx);
query.Subcommands.Add(qBlock);

// query wasm
var qWasm = new Command("wasm", "contract queries (wasmd's)");
var qContractState = new Command("contract-state", "a contract's state");
var smartContract = new Argument<string>("address") { Description = "contract terra1… address" };
var smartQuery = new Argument<string>("query") { Description = "query JSON, e.g. '{\"config\":{}}'" };
var qSmart = new Command("smart", "a smart query: the contract's JSON answer under data") { smartContract, smartQuery };
qSmart.SetAction((pr, ct) => RunAsync(() => WasmQueryCommands.SmartAsync(NodeEndpoint(pr), pr.GetValue(smartContract)!, pr.GetValue(smartQuery)!, Format(pr, OutputFormat.Text), Console.Out, ct)));
qContractState.Subcommands.Add(qSmart);
var infoContract = new Argument<string>("address") { Description = "contract terra1… address" };
var qContract = new Command("contract", "a contract's info: code id, creator, admin, label, creation") { infoContract };
qContract.SetAction((pr, ct) => RunAsync(() => WasmQueryCommands.ContractAsync(NodeEndpoint(pr), pr.GetValue(infoContract)!, Format(pr, OutputFormat.Text), Console.Out, ct)));
var pageLimit = new Option<ulong>("--limit") { Description = "page size (default 100)" };
var pageKey = new Option<string?>("--page-key") { Description = "next_key of the previous page (base64)" };
var pageOffset = new Option<ulong>("--offset") { Description = "skip this many entries (instead of --page-key)" };
var countTotal = new Option<bool>("--count-total") { Description = "also count every entry (pagination.total)" };
var reverse = new Option<bool>("--reverse") { Description = "descending order" };
Option[] pageOptions = [pageLimit, pageKey, pageOffset, countTotal, reverse];
WasmQueryCommands.Page PageOf(ParseResult pr) => new(pr.GetValue(pageLimit), pr.GetValue(pageKey), pr.GetValue(pageOffset), pr.GetValue(countTotal), pr.GetValue(reverse));
var qListCode = new Command("list-code", "every code the chain can instantiate (native codes: no creator, no wasm hash)");
var codeId = new Argument<string>("code-id") { Description = "code id, e.g. 1 (cw20_base)" };
var qListByCode = new Command("list-contract-by-code", "the contracts of a code, in creation order") { codeId };
foreach (var o in pageOptions)
{
    qListCode.Options.Add(o);
    qListByCode.Options.Add(o);
}
qListCode.SetAction((pr, ct) => RunAsync(() => WasmQueryCommands.ListCodeAsync(NodeEndpoint(pr), PageOf(pr), Format(pr, OutputFormat.Text), Console.Out, ct)));
qListByCode.SetAction((pr, ct) => RunAsync(() => WasmQueryCommands.ListContractByCodeAsync(NodeEndpoint(pr), pr.GetValue(codeId)!, PageOf(pr), Format(pr, OutputFormat.Text), Console.Out, ct)));
qWasm.Subcommands.Add(qContractState);
qWasm.Subcommands.Add(qContract);
qWasm.Subcommands.Add(qListCode);
qWasm.Subcommands.Add(qListByCode);
query.Subcommands.Add(qWasm);

// query mirror
var qMirror = new Command("mirror", "Mirror Protocol views (contract addresses from the home's config/contracts.json)");
var owner = new Option<string>("--owner") { Description = "position owner terra1… address", Required = true };
var qPositions = new Command("positions", "an owner's mint positions: collateral, debt, collateral ratio and its minimum, the price move that makes it auctionable") { owner };
qPositions.SetAction((pr, ct) => RunAsync(() => MirrorCommands.PositionsAsync(NodeEndpoint(pr), Home(pr), pr.GetValue(owner)!, Format(pr, OutputFormat.Text), Console.Out, ct)));
var qAssets = new Command("assets", "every asset of contracts.json: oracle price, Terraswap pool price, premium, min collateral ratio");
qAssets.SetAction((pr, ct) => RunAsync(() => MirrorCommands.AssetsAsync(NodeEndpoint(pr), Home(pr), Format(pr, OutputFormat.Text), Console.Out, ct)));
qMirror.Subcommands.Add(qPositions);
qMirror.Subcommands.Add(qAssets);
query.Subcommands.Add(qMirror);
root.Subcommands.Add(query);

// watch
var watchOwner = new Option<string>("--owner") { Description = "position owner terra1… address", Required = true };
var watchMargin = new Option<string>("--margin") { Description = "alert when a position's ratio is below minimum × (1 + margin)", DefaultValueFactory = _ => "0.1" };
var watchPost = new Option<string?>("--post") { Description = "also POST each alert's JSON to this http:// URL (5 s timeout; failures are logged)" };
var watchOnce = new Option<bool>("--once") { Description = "evaluate now, print each position's status and exit: 0, or 2 if a position is within the margin or auctionable" };
var watch = new Command("watch", "margin-call alerts: follow new blocks over the WebSocket and print when an owner's position nears its minimum collateral ratio, becomes auctionable, recovers, is liquidated or closes")
{
    watchOwner, watchMargin, watchPost, watchOnce,
};
watch.SetAction((pr, ct) => RunAsync(() => WatchCommand.RunAsync(Home(pr), new WatchCommand.Options(
    NodeEndpoint(pr), pr.GetValue(watchOwner)!, pr.GetValue(watchMargin)!, pr.GetValue(watchPost), Format(pr, OutputFormat.Text), pr.GetValue(watchOnce)),
    Console.Out, Console.Error, ct)));
root.Subcommands.Add(watch);

// config
var configKey = new Argument<string?>("key") { Description = "node.json key (node = rpc_laddr, lcd_laddr, metrics_laddr, block_time, moniker, …); none: print the file", Arity = ArgumentArity.ZeroOrOne };
var configValue = new Argument<string?>("value") { Description = "new value; none: print the current one", Arity = ArgumentArity.ZeroOrOne };
var config = new Command("config", "read or set the home's node settings (config/node.json), e.g. config node 127.0.0.1:36657") { configKey, configValue };
config.SetAction(pr => Run(() => ConfigCommand.Run(Home(pr), pr.GetValue(configKey), pr.GetValue(configValue), Console.Out)));
root.Subcommands.Add(config);

// contracts
var contractsPath = new Argument<string?>("path") { Description = "dotted path such as mint or assets.mTSLA.token; none: the whole file", Arity = ArgumentArity.ZeroOrOne };
var contractsCmd = new Command("contracts", "print the home's contract addresses (config/contracts.json), or one of them") { contractsPath };
contractsCmd.SetAction(pr => Run(() => ContractsCommand.Run(Home(pr), pr.GetValue(contractsPath), Console.Out)));
root.Subcommands.Add(contractsCmd);

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    // one clear line and where to look, instead of the whole help text
    // an unknown word beats "Required command was not provided", which it usually causes
    var first = parsed.Errors.FirstOrDefault(e => !e.Message.StartsWith("Required command", StringComparison.Ordinal)) ?? parsed.Errors[0];
    Console.Error.WriteLine($"error: {string.Join(' ', first.Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}");
    Console.Error.WriteLine($"see: {CommandPath(parsed)} --help");
    return 1;
}
return await parsed.InvokeAsync();

static string CommandPath(ParseResult pr)
{
    var names = new List<string>();
    for (var r = pr.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
    {
        names.Add(r.Command is RootCommand ? "mirrorchain" : r.Command.Name);
    }
    names.Reverse();
    return string.Join(' ', names);
}

OutputFormat Format(ParseResult pr, OutputFormat fallback) => Output.Parse(pr.GetValue(outputFormat), fallback);

HomeLayout Home(ParseResult pr) => HomeLayout.From(pr.GetValue(home));

string NodeEndpoint(ParseResult pr)
{
    if (pr.GetValue(node) is { } explicitNode)
    {
        return explicitNode;
    }
    var layout = Home(pr);
    return NodeConfigFile.Load(layout.NodeConfig).RpcListen;
}

static int Run(Func<int> action)
{
    try
    {
        return action();
    }
    catch (Exception e) when (e is FormatException or KeyringException or RpcException or InvalidDataException or IOException or UnauthorizedAccessException or MirrorChain.Storage.RocksDbException or InvalidOperationException or System.Text.Json.JsonException or MirrorChain.Core.Numerics.StdException)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 1;
    }
}

static async Task<int> RunAsync(Func<Task<int>> action)
{
    try
    {
        return await action().ConfigureAwait(false);
    }
    catch (Exception e) when (e is FormatException or KeyringException or RpcException or InvalidDataException or IOException or UnauthorizedAccessException or MirrorChain.Storage.RocksDbException or InvalidOperationException or System.Text.Json.JsonException or MirrorChain.Core.Numerics.StdException)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 1;
    }
    catch (OperationCanceledException)
    {
        return 130;
    }
}
