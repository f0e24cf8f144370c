using MirrorChain.State;

namespace MirrorChain.Execution;

/// <summary>
/// A state view that charges gas for every access, as the SDK's gaskv store: Get = ReadFlat + ReadPerByte × (key +
/// value), Set = WriteFlat + WritePerByte × (key + value), Delete = DeleteCost, Has = HasCost, each iterated
/// entry = ValuePerByte × (key + value) + IterNextFlat. Charges happen before the access they pay for where the
/// size is known, so an out-of-gas error leaves the inner state untouched by the failing write.
/// </summary>
public sealed class GasMeteredState(IStateWriter inner, GasMeter meter, GasConfig config) : IStateWriter
{
    public IStateWriter Inner { get; } = inner;

    public GasMeter Meter { get; } = meter;

    public GasConfig Config { get; } = config;

    public byte[]? Get(byte[] key)
    {
        Meter.Consume(Config.ReadCostFlat, "ReadFlat");
        var value = Inner.Get(key);
        Meter.Consume(Config.ReadCostPerByte, (ulong)key.Length, "ReadPerByte");
        Meter.Consume(Config.ReadCostPerByte, (ulong)(value?.Length ?? 0), "ReadPerByte");
        return value;
    }

    public bool Has(byte[] key)
    {
        Meter.Consume(Config.HasCost, "Has");
        return Inner.Get(key) is not null;
    }

    public void Set(byte[] key, byte[] value)
    {
        Meter.Consume(Config.WriteCostFlat, "WriteFlat");
        Meter.Consume(Config.WriteCostPerByte, (ulong)key.Length, "WritePerByte");
        Meter.Consume(Config.WriteCostPerByte, (ulong)value.Length, "WritePerByte");
        Inner.Set(key, value);
    }

    /// <summary>Charged exactly as <see cref="Set"/>; the arrays go to the inner writer uncopied.</summary>
    public void SetOwned(byte[] key, byte[] value)
    {
        Meter.Consume(Config.WriteCostFlat, "WriteFlat");
        Meter.Consume(Config.WriteCostPerByte, (ulong)key.Length, "WritePerByte");
        Meter.Consume(Config.WriteCostPerByte, (ulong)value.Length, "WritePerByte");
        Inner.SetOwned(key, value);
    }

    /// <summary>
    /// Charges what <see cref="Set"/> would for a value of <paramref name="valueLength"/> bytes without writing
    /// (simulation stand-ins for writes whose exact value is not known yet).
    /// </summary>
    public void ChargeWrite(byte[] key, int valueLength)
    {
        Meter.Consume(Config.WriteCostFlat, "WriteFlat");
        Meter.Consume(Config.WriteCostPerByte, (ulong)key.Length, "WritePerByte");
        Meter.Consume(Config.WriteCostPerByte, (ulong)valueLength, "WritePerByte");
    }

    public void Delete(byte[] key)
    {
        Meter.Consume(Config.DeleteCost, "Delete");
        Inner.Delete(key);
    }

    public IEnumerable<KeyValuePair<byte[], byte[]>> Range(byte[] start, byte[]? end, bool reverse = false)
    {
        foreach (var entry in Inner.Range(start, end, reverse))
        {
            Meter.Consume(Config.ReadCostPerByte, (ulong)entry.Key.Length, "ValuePerByte");
            Meter.Consume(Config.ReadCostPerByte, (ulong)entry.Value.Length, "ValuePerByte");
            Meter.Consume(Config.IterNextCostFlat, "IterNextFlat");
            yield return entry;
        }
    }
}
