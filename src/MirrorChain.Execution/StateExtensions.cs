using MirrorChain.State;

namespace MirrorChain.Execution;

internal static class StateExtensions
{
    /// <summary>Existence check: charged as Has (1000) on a metered view, a plain read otherwise.</summary>
    public static bool Has(this IStateReader state, byte[] key) =>
        state is GasMeteredState metered ? metered.Has(key) : state.Get(key) is not null;
}
