namespace MirrorChain.Storage.Tests;

public sealed class MemoryKeyValueStoreTests : KeyValueStoreContractTests
{
    protected override IKeyValueStore OpenStore() => new MemoryKeyValueStore();
}
