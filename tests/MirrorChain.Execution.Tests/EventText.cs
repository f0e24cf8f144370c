namespace MirrorChain.Execution.Tests;

internal static class EventText
{
    /// <summary>"type{k=v,k=v}" per event, for exact comparisons.</summary>
    public static IReadOnlyList<string> Of(IEnumerable<Event> events) =>
        events.Select(e => $"{e.Type}{{{string.Join(",", e.Attributes.Select(a => $"{a.Key}={a.Value}"))}}}").ToList();
}
