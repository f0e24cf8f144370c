namespace MirrorChain.Contracts.Mirror.Tests.Support;

/// <summary>
/// The code registry the tests run on: every real code of <see cref="MirrorCodes"/> under its id, except the ids a
/// test serves with a stand-in (a fake, a recorder around the real code), plus the test-only codes it adds.
/// </summary>
internal static class TestCodes
{
    /// <summary>The real codes with <paramref name="standIns"/> replacing (or adding) the codes under their ids.</summary>
    public static ContractRegistry Registry(params (ulong CodeId, IContract Code)[] standIns) => Registry((_, code) => code, standIns);

    /// <summary>
    /// As <see cref="Registry(ValueTuple{ulong, IContract}[])"/>, each real code first passed through
    /// <paramref name="wrap"/> (given its id), e.g. to record what it receives.
    /// </summary>
    public static ContractRegistry Registry(Func<ulong, IContract, IContract> wrap, params (ulong CodeId, IContract Code)[] standIns)
    {
        var replaced = standIns.ToDictionary(s => s.CodeId, s => s.Code);
        var registry = new ContractRegistry();
        foreach (var (id, code) in MirrorCodes.All())
        {
            registry.Register(id, replaced.Remove(id, out var standIn) ? standIn : wrap(id, code));
        }
        foreach (var (id, code) in standIns.Where(s => replaced.ContainsKey(s.CodeId)))
        {
            registry.Register(id, code);
        }
        return registry;
    }
}
