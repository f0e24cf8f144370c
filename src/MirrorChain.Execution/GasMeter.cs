using MirrorChain.Core;

namespace MirrorChain.Execution;

/// <summary>
/// Counts gas against a limit. Like the SDK's basic gas meter, the consumed amount keeps the overrun: after an
/// out-of-gas error <see cref="Consumed"/> is above <see cref="Limit"/>, and that is what the tx result reports.
/// </summary>
public sealed class GasMeter(ulong limit)
{
    public ulong Limit { get; } = limit;

    public ulong Consumed { get; private set; }

    public ulong Remaining => Consumed >= Limit ? 0 : Limit - Consumed;

    public bool IsPastLimit => Consumed > Limit;

    /// <summary>A meter that never runs out (simulation).</summary>
    public static GasMeter Infinite() => new(ulong.MaxValue);

    /// <summary>
    /// Adds <paramref name="amount"/>; throws code 11 "out of gas in location: {descriptor}; gasWanted: {limit},
    /// gasUsed: {consumed}" when the total passes the limit (reaching it exactly is fine).
    /// </summary>
    public void Consume(ulong amount, string descriptor)
    {
        if (amount > ulong.MaxValue - Consumed)
        {
            Consumed = ulong.MaxValue;
            throw SdkError.OutOfGas.Wrap($"gas overflow in location: {descriptor}; gasWanted: {Limit}, gasUsed: {Consumed}");
        }
        Consumed += amount;
        if (Consumed > Limit)
        {
            throw SdkError.OutOfGas.Wrap($"out of gas in location: {descriptor}; gasWanted: {Limit}, gasUsed: {Consumed}");
        }
    }

    /// <summary>Consumes <paramref name="count"/> × <paramref name="perUnit"/> (saturating).</summary>
    public void Consume(ulong perUnit, ulong count, string descriptor)
    {
        var total = count != 0 && perUnit > ulong.MaxValue / count ? ulong.MaxValue : perUnit * count;
        Consume(total, descriptor);
    }
}
