using MirrorChain.CosmWasm;

namespace MirrorChain.Execution.Tests.Contracts;

/// <summary>A contract instance's storage in the app state (the host side of <see cref="IContractStorage"/>).</summary>
public sealed class ContractStorageTests
{
    [Fact]
    public void Contract_storage_is_isolated_per_instance_and_read_only_in_queries()
    {
        var state = new StateCache(new EmptyReader());
        var one = new ContractStorage(state, ContractKeys.ContractAddress(1, 1), readOnly: false);
        var two = new ContractStorage(state, ContractKeys.ContractAddress(1, 2), readOnly: false);
        one.Set("k"u8.ToArray(), "v"u8.ToArray());
        Assert.Null(two.Get("k"u8.ToArray()));
        Assert.Empty(two.Range(null, null));
        var ro = new ContractStorage(state, ContractKeys.ContractAddress(1, 1), readOnly: true);
        Assert.Equal("v"u8.ToArray(), ro.Get("k"u8.ToArray()));
        Assert.Throws<ContractException>(() => ro.Set("k"u8.ToArray(), "w"u8.ToArray()));
    }
}
