namespace MirrorChain.Core.Tests.Numerics;

public class StdExceptionTests
{
    [Fact]
    public void MessagesAreCosmWasmDisplayTexts()
    {
        Assert.Equal("Generic error: unauthorized", StdException.GenericErr("unauthorized").Message);
        Assert.Equal("unauthorized", StdException.GenericErr("unauthorized").Detail);
        Assert.Equal("mirror_mint::state::Position not found", StdException.NotFound("mirror_mint::state::Position").Message);
        Assert.Equal(
            "Error parsing into type MsgInstantiateContractResponse: failed to parse data",
            StdException.ParseErr("MsgInstantiateContractResponse", "failed to parse data").Message);
        Assert.Equal("Error serializing type Book: Content too long", StdException.SerializeErr("Book", "Content too long").Message);
        Assert.Equal("Overflow: Cannot Sub with 3 and 5", StdException.Overflow(OverflowOperation.Sub, 3, 5).Message);
        Assert.Equal("Overflow: Cannot Pow with 10 and 40", StdException.Overflow(OverflowOperation.Pow, "10", "40").Message);
        Assert.Equal("Divide by zero: Cannot devide 9 by zero", StdException.DivideByZero(9).Message);
        Assert.Equal(StdErrorKind.NotFound, StdException.NotFound("x").Kind);
        Assert.Equal(StdErrorKind.ParseErr, StdException.ParseErr("x", "y").Kind);
        Assert.Equal(StdErrorKind.SerializeErr, StdException.SerializeErr("x", "y").Kind);
    }

    [Fact]
    public void PanicCarriesTheRustMessage() => Assert.Equal("boom", new PanicException("boom").Message);
}
