using System.Text.Json;

namespace MirrorChain.Core.Numerics.Json;

public static class NumericJsonOptions
{
    /// <summary>
    /// Adds <see cref="NumericJsonConverters.All"/>, so every <see cref="UInt128"/> (and <c>UInt128?</c>) is a JSON
    /// string; <see cref="Decimal"/> and <see cref="Decimal256"/> also carry their converters as attributes.
    /// </summary>
    public static JsonSerializerOptions AddCosmWasmNumerics(this JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var converter in NumericJsonConverters.All)
        {
            options.Converters.Add(converter);
        }
        return options;
    }
}
