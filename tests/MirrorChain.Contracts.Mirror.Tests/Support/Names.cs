namespace MirrorChain.Contracts.Mirror.Tests.Support;

/// <summary>The upstream tests' actor names as deterministic test addresses.</summary>
internal static class Names
{
    public static readonly Address Owner = TestAddress.Of("owner0000");
    public static readonly Address Owner1 = TestAddress.Of("owner0001");
    public static readonly Address Addr0 = TestAddress.Of("addr0000");
    public static readonly Address Addr1 = TestAddress.Of("addr0001");
    public static readonly Address MintAddr = TestAddress.Of("mint0000");
    public static readonly Address MintAddr1 = TestAddress.Of("mint0001");
    public static readonly Address FactoryAddr = TestAddress.Of("factory0000");
    public static readonly Address Feeder = TestAddress.Of("feeder0000");
}
