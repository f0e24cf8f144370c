using MirrorChain.Core;

namespace MirrorChain.CosmWasm.Tests;

public sealed class IntKeysTests
{
    [Fact]
    public void U64_keys_are_big_endian_so_byte_order_is_numeric_order()
    {
        Assert.Equal([0, 0, 0, 0, 0, 0, 1, 2], IntKeys.U64(0x0102));
        ulong[] values = [0, 1, 255, 256, 65_536, ulong.MaxValue - 1, ulong.MaxValue];
        var sorted = values.Select(IntKeys.U64).Order(ByteArrayComparer.Instance).ToList();
        Assert.Equal(values.Select(IntKeys.U64), sorted);
    }
}
