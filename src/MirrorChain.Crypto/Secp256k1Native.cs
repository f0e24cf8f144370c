using System.Reflection;
using System.Runtime.InteropServices;

namespace MirrorChain.Crypto;

/// <summary>
/// P/Invoke surface of libsecp256k1, source-generated and blittable only, bound to the library that ships in the
/// <c>Secp256k1.Net</c> NuGet package (<c>runtimes/&lt;rid&gt;/native/libsecp256k1.so</c>, a recent libsecp256k1
/// built for every platform): the resolver below loads that file and nothing from the operating system.
/// Opaque structs (<c>secp256k1_pubkey</c>, <c>secp256k1_ecdsa_signature</c>) are 64-byte caller buffers.
/// Every function returns 1 on success and 0 on failure. Callers must never pass NULL or a never-initialised
/// struct: the library's default "illegal argument" callback aborts the process.
/// </summary>
internal static unsafe partial class Secp256k1Native
{
    /// <summary>Logical name of the library; <see cref="Resolve"/> maps it to the packaged file.</summary>
    private const string Library = "secp256k1";

    // An explicit static constructor runs before the first call of any method of this class, so the resolver is in
    // place before the first P/Invoke.
    static Secp256k1Native()
    {
        NativeLibrary.SetDllImportResolver(typeof(Secp256k1Native).Assembly, Resolve);
    }

    /// <summary>The runtime identifier whose <c>runtimes/&lt;rid&gt;/native</c> folder the library comes from.</summary>
    public static string RuntimeId { get; } = CurrentRuntimeId();

    /// <summary>File name of the packaged library on this operating system.</summary>
    public static string FileName { get; } =
        OperatingSystem.IsWindows() ? "secp256k1.dll" : OperatingSystem.IsMacOS() ? "libsecp256k1.dylib" : "libsecp256k1.so";

    /// <summary>Where a framework-dependent build puts the packaged library.</summary>
    public static string ExpectedPath => Path.Combine(AppContext.BaseDirectory, "runtimes", RuntimeId, "native", FileName);

    /// <summary>The message for a library that would not load.</summary>
    public static string LoadFailureMessage(string reason) =>
        $"cannot load libsecp256k1 ({FileName}) for runtime {RuntimeId}: expected {ExpectedPath} " +
        $"(from the Secp256k1.Net NuGet package, copied by the build); rebuild the project, or check that the package " +
        $"has runtimes/{RuntimeId}/native/{FileName}. Cause: {reason}";

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Library)
        {
            return IntPtr.Zero; // not ours: the default probing
        }
        // A framework-dependent build keeps the package's runtimes/<rid>/native layout; a RID-specific publish puts
        // the file beside the application.
        string[] candidates = [ExpectedPath, Path.Combine(AppContext.BaseDirectory, FileName)];
        var reasons = new List<string>();
        foreach (var candidate in candidates)
        {
            if (!File.Exists(candidate))
            {
                reasons.Add($"{candidate}: not found");
                continue;
            }
            try
            {
                return NativeLibrary.Load(candidate);
            }
            catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
            {
                reasons.Add($"{candidate}: {e.Message}");
            }
        }
        throw new DllNotFoundException(LoadFailureMessage(string.Join("; ", reasons)));
    }

    private static string CurrentRuntimeId()
    {
        var os = OperatingSystem.IsWindows() ? "win"
            : OperatingSystem.IsMacOS() ? "osx"
            : RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal) ? "linux-musl"
            : "linux";
        return $"{os}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}";
    }

    /// <summary>SECP256K1_CONTEXT_SIGN | SECP256K1_CONTEXT_VERIFY (deprecated since libsecp256k1 0.2.0 but accepted; every context can do both).</summary>
    public const uint ContextSignVerify = 0x0301;

    /// <summary>SECP256K1_EC_COMPRESSED.</summary>
    public const uint EcCompressed = 0x0102;

    /// <summary>SECP256K1_EC_UNCOMPRESSED.</summary>
    public const uint EcUncompressed = 0x0002;

    /// <summary>Size of the opaque secp256k1_pubkey and secp256k1_ecdsa_signature structs.</summary>
    public const int OpaqueStructSize = 64;

    /// <summary>A context from <c>secp256k1_context_create</c>, destroyed on release.</summary>
    public sealed class ContextHandle : SafeHandle
    {
        public ContextHandle()
            : base(IntPtr.Zero, ownsHandle: true)
        {
        }

        public override bool IsInvalid => handle == IntPtr.Zero;

        protected override bool ReleaseHandle()
        {
            ContextDestroy(handle);
            return true;
        }
    }

    [LibraryImport(Library, EntryPoint = "secp256k1_context_create")]
    public static partial ContextHandle ContextCreate(uint flags);

    [LibraryImport(Library, EntryPoint = "secp256k1_context_destroy")]
    public static partial void ContextDestroy(IntPtr ctx);

    /// <summary>Blinds the context against side channels; needs exclusive access to the context.</summary>
    [LibraryImport(Library, EntryPoint = "secp256k1_context_randomize")]
    public static partial int ContextRandomize(ContextHandle ctx, byte* seed32);

    [LibraryImport(Library, EntryPoint = "secp256k1_ec_pubkey_parse")]
    public static partial int EcPubkeyParse(ContextHandle ctx, byte* pubkey, byte* input, nuint inputlen);

    [LibraryImport(Library, EntryPoint = "secp256k1_ec_pubkey_serialize")]
    public static partial int EcPubkeySerialize(ContextHandle ctx, byte* output, nuint* outputlen, byte* pubkey, uint flags);

    [LibraryImport(Library, EntryPoint = "secp256k1_ecdsa_signature_parse_compact")]
    public static partial int EcdsaSignatureParseCompact(ContextHandle ctx, byte* sig, byte* input64);

    [LibraryImport(Library, EntryPoint = "secp256k1_ecdsa_signature_serialize_compact")]
    public static partial int EcdsaSignatureSerializeCompact(ContextHandle ctx, byte* output64, byte* sig);

    /// <summary>Returns 1 when the input was NOT normalised (high S), 0 when it already was. <paramref name="sigout"/> may be null.</summary>
    [LibraryImport(Library, EntryPoint = "secp256k1_ecdsa_signature_normalize")]
    public static partial int EcdsaSignatureNormalize(ContextHandle ctx, byte* sigout, byte* sigin);

    /// <summary>Rejects high-S signatures by itself.</summary>
    [LibraryImport(Library, EntryPoint = "secp256k1_ecdsa_verify")]
    public static partial int EcdsaVerify(ContextHandle ctx, byte* sig, byte* msghash32, byte* pubkey);

    /// <summary>A null <paramref name="noncefp"/> selects RFC 6979 (HMAC-SHA256) nonces; output is always low-S.</summary>
    [LibraryImport(Library, EntryPoint = "secp256k1_ecdsa_sign")]
    public static partial int EcdsaSign(ContextHandle ctx, byte* sig, byte* msghash32, byte* seckey, IntPtr noncefp, IntPtr ndata);

    [LibraryImport(Library, EntryPoint = "secp256k1_ec_seckey_verify")]
    public static partial int EcSeckeyVerify(ContextHandle ctx, byte* seckey);

    [LibraryImport(Library, EntryPoint = "secp256k1_ec_pubkey_create")]
    public static partial int EcPubkeyCreate(ContextHandle ctx, byte* pubkey, byte* seckey);

    /// <summary>seckey := seckey + tweak mod n; 0 if the tweak is ≥ n or the result is zero (seckey is then zeroed).</summary>
    [LibraryImport(Library, EntryPoint = "secp256k1_ec_seckey_tweak_add")]
    public static partial int EcSeckeyTweakAdd(ContextHandle ctx, byte* seckey, byte* tweak32);
}
