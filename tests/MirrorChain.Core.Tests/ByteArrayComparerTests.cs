namespace MirrorChain.Core.Tests;

public class ByteArrayComparerTests
{
    [Fact]
    public void OrdersUnsignedLexicographically()
    {
        var c = ByteArrayComparer.Instance;

        Assert.Equal(-1, Math.Sign(c.Compare([0x01], [0x80])));
        Assert.Equal(-1, Math.Sign(c.Compare([0x01], [0x01, 0x00])));
        Assert.Equal(1, Math.Sign(c.Compare([0xff], [0x00, 0xff])));
        Assert.Equal(0, c.Compare([1, 2], [1, 2]));
        Assert.Equal(-1, c.Compare(null, []));
        Assert.Equal(1, c.Compare([], null));
        Assert.Equal(0, c.Compare(null, null));
    }

    [Fact]
    public void EqualityByContent()
    {
        var c = ByteArrayComparer.Instance;

        Assert.True(c.Equals([1, 2], [1, 2]));
        Assert.False(c.Equals([1, 2], [1, 3]));
        Assert.False(c.Equals(null, [1]));
        Assert.True(c.Equals(null, null));
        Assert.Equal(c.GetHashCode([1, 2, 3]), c.GetHashCode([1, 2, 3]));
    }
}
