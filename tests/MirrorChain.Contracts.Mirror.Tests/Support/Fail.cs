namespace MirrorChain.Contracts.Mirror.Tests.Support;

internal static class Fail
{
    /// <summary>Runs a failing execute and returns its tx log.</summary>
    public static string Execute(Action action) => Assert.Throws<SdkException>(action).Log;

    /// <summary>Runs a failing query and returns its error log.</summary>
    public static string Query(Func<object> query) => Assert.Throws<SdkException>(() => query()).Log;
}
