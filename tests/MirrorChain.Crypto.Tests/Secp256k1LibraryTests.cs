namespace MirrorChain.Crypto.Tests;

/// <summary>libsecp256k1 comes from the Secp256k1.Net NuGet package, never from the operating system.</summary>
public class Secp256k1LibraryTests
{
    [Fact]
    public void Signing_and_verifying_run_on_the_packaged_libsecp256k1_not_a_system_copy()
    {
        var key = new byte[32];
        key[31] = 7;
        var hash = SHA256.HashData("packaged"u8);
        var signature = Secp256k1.Sign(key, hash);
        Assert.True(Secp256k1.Verify(Secp256k1.GetPublicKey(key), hash, signature));
        if (!OperatingSystem.IsLinux())
        {
            Assert.True(File.Exists(Secp256k1Native.ExpectedPath), Secp256k1Native.ExpectedPath);
            return;
        }
        // what the dynamic loader actually mapped into this process
        var mapped = File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 6 && Path.GetFileName(fields[5]).StartsWith("libsecp256k1", StringComparison.Ordinal))
            .Select(fields => fields[5])
            .Distinct()
            .ToList();
        var only = Assert.Single(mapped);
        Assert.Equal(Path.GetFullPath(Secp256k1Native.ExpectedPath), only);
    }

    [Fact]
    public void A_load_failure_names_the_library_file_and_the_runtime_identifier()
    {
        var message = Secp256k1Native.LoadFailureMessage("not found");

        Assert.Contains(Secp256k1Native.FileName, message);
        Assert.Contains(Secp256k1Native.RuntimeId, message);
        Assert.Contains(Path.Combine("runtimes", Secp256k1Native.RuntimeId, "native", Secp256k1Native.FileName), message);
        Assert.Contains("not found", message);
    }
}
