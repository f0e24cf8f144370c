using MirrorChain.Core;
using MirrorChain.Crypto;
using MirrorChain.Node;
using MirrorChain.Tx;
using MirrorChain.Tx.Messages;

namespace MirrorChain.Metrics.Tests;

/// <summary>The devnet's accounts and bank without its Mirror deployment: the genesis and signed bank sends from test2 to test3.</summary>
internal static class BankChain
{
    private const string Test2Mnemonic = "quality vacuum heart guard buzz spike sight swarm shove special gym robust assume sudden deposit grid alcohol choice devote leader tilt noodle tide penalty";

    public static readonly Address Test3 = Address.Parse("terra1757tkx08n0cqrw7p86ny9lnxsqeth0wgp0em95");

    public static readonly PrivateKey Test2 = PrivateKey.FromMnemonic(Test2Mnemonic);

    /// <summary>The time of the first block the tests produce; each next block one second later.</summary>
    public static readonly BlockTime T0 = BlockTime.ParseRfc3339("2026-03-02T15:00:00Z");

    /// <summary>genesis/devnet.json (accounts, balances, params) without its <c>wasm</c> section.</summary>
    public static GenesisDoc Genesis()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(MirrorChain.Tests.RepoPaths.File("genesis/devnet.json")))!;
        json["app_state"]!.AsObject().Remove("wasm");
        return GenesisDoc.Parse(json.ToJsonString());
    }

    /// <summary>test2 sends 1000 uluna to test3 at <paramref name="sequence"/>.</summary>
    public static byte[] Send(ulong sequence) => TxBuilder.Sign(new TxSpec
    {
        Messages = [new MsgSend(Test2.Address, Test3, [new Coin("uluna", 1000)])],
        Fee = [new Coin("uluna", 3000)],
        GasLimit = 200_000,
        ChainId = "mirrorchain-devnet-1",
        AccountNumber = 2,
        Sequence = sequence,
    }, Test2).TxBytes;
}
