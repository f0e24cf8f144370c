namespace MirrorChain.Explorer.Tests;

/// <summary>One devnet and one browser for every page test.</summary>
[CollectionDefinition(Name)]
public sealed class ExplorerCollection : ICollectionFixture<ExplorerDevnet>
{
    public const string Name = "explorer devnet";
}
