using MirrorChain.Crypto;

namespace MirrorChain.Execution.Tests;

/// <summary>The public LocalTerra test accounts (terra-money/LocalTerra README; devnet keys only).</summary>
internal static class TestKeys
{
    private static readonly Lazy<PrivateKey> Test1Key = new(() => PrivateKey.FromMnemonic(
        "notice oak worry limit wrap speak medal online prefer cluster roof addict wrist behave treat actual wasp year salad speed social layer crew genius"));

    private static readonly Lazy<PrivateKey> Test2Key = new(() => PrivateKey.FromMnemonic(
        "quality vacuum heart guard buzz spike sight swarm shove special gym robust assume sudden deposit grid alcohol choice devote leader tilt noodle tide penalty"));

    private static readonly Lazy<PrivateKey> Test3Key = new(() => PrivateKey.FromMnemonic(
        "symbol force gallery make bulk round subway violin worry mixture penalty kingdom boring survey tool fringe patrol sausage hard admit remember broken alien absorb"));

    private static readonly Lazy<PrivateKey> Test4Key = new(() => PrivateKey.FromMnemonic(
        "bounce success option birth apple portion aunt rural episode solution hockey pencil lend session cause hedgehog slender journey system canvas decorate razor catch empty"));

    public static PrivateKey Test1 => Test1Key.Value;

    public static PrivateKey Test2 => Test2Key.Value;

    public static PrivateKey Test3 => Test3Key.Value;

    /// <summary>Not in genesis: an unknown account.</summary>
    public static PrivateKey Test4 => Test4Key.Value;
}
