using MirrorChain.Crypto;
using MirrorChain.Tx;
using MirrorChain.Tx.Messages;

namespace MirrorChain.Tests;

/// <summary>
/// The devnet's accounts and bank without its Mirror deployment, for the node-level test projects that include this
/// file (Node, Rpc, Metrics, Abci): the genesis, the test1 key (from genesis/devnet-accounts.json), the test2 key
/// (account number 2: validator 0, test1 1, test2 2) and signed bank sends from test2 to test3.
/// </summary>
internal static class DevnetBankChain
{
    private const string Test2Mnemonic = "quality vacuum heart guard buzz spike sight swarm shove special gym robust assume sudden deposit grid alcohol choice devote leader tilt noodle tide penalty";

    public static readonly MirrorChain.Core.Address Test3 = MirrorChain.Core.Address.Parse("terra1757tkx08n0cqrw7p86ny9lnxsqeth0wgp0em95");

    public static readonly PrivateKey Test2 = PrivateKey.FromMnemonic(Test2Mnemonic);

    /// <summary>The block time the node tests produce their first block at.</summary>
    public static readonly MirrorChain.Core.BlockTime T0 = MirrorChain.Core.BlockTime.ParseRfc3339("2026-03-02T15:00:00Z");

    /// <summary>genesis/devnet.json (accounts, balances, params) without its <c>wasm</c> section.</summary>
    public static MirrorChain.Node.GenesisDoc GenesisWithoutContracts()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepoPaths.File("genesis/devnet.json")))!;
        json["app_state"]!.AsObject().Remove("wasm");
        return MirrorChain.Node.GenesisDoc.Parse(json.ToJsonString());
    }

    /// <summary>test1's key, from genesis/devnet-accounts.json (account number 1).</summary>
    public static PrivateKey Test1()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(RepoPaths.File("genesis/devnet-accounts.json")));
        var mnemonic = doc.RootElement.GetProperty("accounts").EnumerateArray()
            .First(a => a.GetProperty("name").GetString() == "test1").GetProperty("mnemonic").GetString()!;
        return PrivateKey.FromMnemonic(mnemonic);
    }

    /// <summary>test2 sends <paramref name="amount"/> uluna to test3 at <paramref name="sequence"/>.</summary>
    public static byte[] Send(ulong sequence, ulong amount) => TxBuilder.Sign(new TxSpec
    {
        Messages = [new MsgSend(Test2.Address, Test3, [new MirrorChain.Core.Coin("uluna", amount)])],
        Fee = [new MirrorChain.Core.Coin("uluna", 3000)],
        GasLimit = 200_000,
        ChainId = "mirrorchain-devnet-1",
        AccountNumber = 2,
        Sequence = sequence,
    }, Test2).TxBytes;
}
