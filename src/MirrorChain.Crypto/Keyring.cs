using System.Text.Json;
using System.Text.RegularExpressions;
using MirrorChain.Core;

namespace MirrorChain.Crypto;

/// <summary>
/// A file keyring like the Cosmos SDK "test" backend (unencrypted; devnets only): <c>&lt;home&gt;/keyring-test/</c>
/// holds one <c>&lt;name&gt;.json</c> per key, <c>{ "name", "address", "pubkey" (base64), "mnemonic" }</c>, mode 0600
/// (directory 0700) on Unix. Keys use HD path <see cref="Bip32.TerraPath"/>.
/// </summary>
public sealed partial class Keyring
{
    public const string DirectoryName = "keyring-test";
    private const string Extension = ".json";

    public Keyring(string home)
    {
        ArgumentException.ThrowIfNullOrEmpty(home);
        Directory = Path.Combine(home, DirectoryName);
    }

    /// <summary>The keyring directory (created on the first <see cref="Add"/>).</summary>
    public string Directory { get; }

    [GeneratedRegex("^[a-zA-Z0-9_.-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    /// <summary>Names are 1–64 characters of [a-zA-Z0-9_.-], and not "." or "..".</summary>
    public static bool IsValidName(string? name) => name is not null && name != "." && name != ".." && NamePattern().IsMatch(name);

    /// <summary>
    /// Stores a key: recovered from <paramref name="mnemonic"/>, or from a new 24-word mnemonic when it is null
    /// (the result carries it so the caller can show it once).
    /// </summary>
    /// <exception cref="KeyringException">Bad name, existing name or address, invalid mnemonic.</exception>
    public KeyInfo Add(string name, string? mnemonic = null)
    {
        RequireValidName(name);
        var file = FilePath(name);
        if (File.Exists(file))
        {
            throw new KeyringException($"key \"{name}\" already exists");
        }
        string phrase;
        if (mnemonic is null)
        {
            phrase = Bip39.Generate(24);
        }
        else
        {
            phrase = Bip39.NormalizeWhitespace(mnemonic);
            if (!Bip39.IsValid(phrase, out var error))
            {
                throw new KeyringException($"invalid mnemonic: {error}");
            }
        }
        var key = PrivateKey.FromMnemonic(phrase);
        var info = new KeyInfo(name, key.Address, key.PublicKey, phrase);
        var existing = List().FirstOrDefault(k => k.Address == info.Address);
        if (existing is not null)
        {
            throw new KeyringException($"address {info.Address} is already stored as key \"{existing.Name}\"");
        }
        Write(file, info);
        return info;
    }

    /// <summary>All keys, ordered by name (ordinal).</summary>
    /// <exception cref="KeyringException">A key file is unreadable or corrupt.</exception>
    public IReadOnlyList<KeyInfo> List()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }
        return System.IO.Directory.EnumerateFiles(Directory, "*" + Extension)
            .Select(Read)
            .OrderBy(k => k.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The key with this name, or else with this "terra1…" address.</summary>
    /// <exception cref="KeyringException">No such key.</exception>
    public KeyInfo Get(string nameOrAddress) =>
        TryGet(nameOrAddress, out var info) ? info! : throw new KeyringException($"key \"{nameOrAddress}\" not found");

    public bool TryGet(string nameOrAddress, out KeyInfo? info)
    {
        ArgumentNullException.ThrowIfNull(nameOrAddress);
        info = null;
        if (IsValidName(nameOrAddress) && File.Exists(FilePath(nameOrAddress)))
        {
            info = Read(FilePath(nameOrAddress));
            return true;
        }
        if (Address.TryParse(nameOrAddress, out var address, out _))
        {
            info = List().FirstOrDefault(k => k.Address == address);
        }
        return info is not null;
    }

    /// <summary>Removes a key (by name or address) and returns what was stored.</summary>
    /// <exception cref="KeyringException">No such key.</exception>
    public KeyInfo Delete(string nameOrAddress)
    {
        var info = Get(nameOrAddress);
        File.Delete(FilePath(info.Name));
        return info;
    }

    private string FilePath(string name) => Path.Combine(Directory, name + Extension);

    private static void RequireValidName(string name)
    {
        if (!IsValidName(name))
        {
            throw new KeyringException($"invalid key name \"{name}\": use 1 to 64 characters from [a-zA-Z0-9_.-]");
        }
    }

    private void Write(string file, KeyInfo info)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        FileStream stream;
        try
        {
            stream = new FileStream(file, options);
        }
        catch (IOException e) when (File.Exists(file))
        {
            throw new KeyringException($"key \"{info.Name}\" already exists", e);
        }
        try
        {
            using (stream)
            {
                using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
                writer.WriteStartObject();
                writer.WriteString("name", info.Name);
                writer.WriteString("address", info.Address.ToString());
                writer.WriteString("pubkey", info.PublicKeyBase64);
                writer.WriteString("mnemonic", info.Mnemonic);
                writer.WriteEndObject();
                writer.Flush();
                stream.Write("\n"u8);
                stream.Flush(flushToDisk: true);
            }
        }
        catch
        {
            File.Delete(file);
            throw;
        }
    }

    private static KeyInfo Read(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            var root = document.RootElement;
            var name = root.GetProperty("name").GetString() ?? throw new FormatException("name is null");
            var address = Address.Parse(root.GetProperty("address").GetString() ?? "");
            var pubkey = Convert.FromBase64String(root.GetProperty("pubkey").GetString() ?? "");
            var mnemonic = root.GetProperty("mnemonic").GetString() ?? throw new FormatException("mnemonic is null");
            if (Path.GetFileName(file) != name + Extension)
            {
                throw new FormatException($"name \"{name}\" does not match the file name");
            }
            if (AddressDerivation.AccountAddress(pubkey) != address)
            {
                throw new FormatException("address does not match pubkey");
            }
            return new KeyInfo(name, address, pubkey, mnemonic);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException
                                      or FormatException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw new KeyringException($"key file {file} is unreadable or corrupt: {e.Message}", e);
        }
    }
}
