namespace MirrorChain.Fuzz.Tests;

/// <summary>One in-memory devnet for all the fuzz tests of a class (building it runs the whole genesis deployment).</summary>
public sealed class WorldFixture : IDisposable
{
    public DevnetWorld World { get; } = DevnetWorld.Create();

    public void Dispose() => World.Dispose();
}
