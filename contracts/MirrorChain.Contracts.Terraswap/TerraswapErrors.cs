namespace MirrorChain.Contracts.Terraswap;

/// <summary>Error texts of the shared terraswap package (asset.rs).</summary>
public static class TerraswapErrors
{
    /// <summary><c>assert_sent_native_token_balance</c>'s generic error (displayed with "Generic error: ").</summary>
    public const string NativeBalanceMismatch = "Native token balance mismatch between the argument and the transferred";
}
