using System.Runtime.InteropServices;
using Native = RocksDbSharp.Native;

namespace MirrorChain.Storage;

/// <summary>
/// The native librocksdb that ships inside the <c>RocksDB</c> NuGet package (<c>runtimes/&lt;rid&gt;/native/</c>),
/// loaded by RocksDbSharp on first use. <see cref="Load"/> turns a failure into one clear message naming the file
/// and the runtime identifier instead of RocksDbSharp's list of every path it tried.
/// </summary>
public static class RocksDbLibrary
{
    private static readonly Lazy<Native> Instance = new(LoadOrThrow, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The runtime identifier whose <c>runtimes/&lt;rid&gt;/native</c> folder the library comes from.</summary>
    public static string RuntimeId { get; } = CurrentRuntimeId();

    /// <summary>File name of the packaged library on this operating system.</summary>
    public static string FileName { get; } =
        OperatingSystem.IsWindows() ? "rocksdb.dll" : OperatingSystem.IsMacOS() ? "librocksdb.dylib" : "librocksdb.so";

    /// <summary>Where a framework-dependent build puts the packaged library (RID-specific publishes put it beside the app).</summary>
    public static string ExpectedPath => Path.Combine(AppContext.BaseDirectory, "runtimes", RuntimeId, "native", FileName);

    /// <summary>Loads the library once; throws <see cref="RocksDbException"/> naming the file and the RID if it cannot.</summary>
    public static Native Load() => Instance.Value;

    /// <summary>The message for a library that would not load (public for its test).</summary>
    public static string LoadFailureMessage(string reason) =>
        $"cannot load RocksDB's native library {FileName} for runtime {RuntimeId}: expected {ExpectedPath} " +
        $"(from the RocksDB NuGet package, copied by the build); rebuild the project, or check that the package has " +
        $"runtimes/{RuntimeId}/native/{FileName}. Cause: {reason}";

    private static Native LoadOrThrow()
    {
        try
        {
            return Native.Instance ?? throw new InvalidOperationException("RocksDbSharp returned no binding");
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or BadImageFormatException or InvalidOperationException)
        {
            var cause = e is TypeInitializationException { InnerException: { } inner } ? inner : e;
            var reason = cause.Message.Split('\n')[0];
            throw new RocksDbException(LoadFailureMessage(reason));
        }
    }

    private static string CurrentRuntimeId()
    {
        var os = OperatingSystem.IsWindows() ? "win"
            : OperatingSystem.IsMacOS() ? "osx"
            : RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal) ? "linux-musl"
            : "linux";
        return $"{os}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}";
    }
}
