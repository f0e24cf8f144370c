using MirrorChain.Crypto;

namespace MirrorChain.Cli;

/// <summary>mirrorchain keys add|list|show|delete over the home's test keyring.</summary>
public static class KeysCommands
{
    public static int Add(HomeLayout home, string name, bool recover, TextReader input, TextWriter output)
    {
        string? mnemonic = null;
        if (recover)
        {
            output.WriteLine("Enter your BIP-39 mnemonic:");
            mnemonic = input.ReadLine();
            if (string.IsNullOrWhiteSpace(mnemonic))
            {
                output.WriteLine("error: no mnemonic given on standard input");
                return 2;
            }
        }
        var key = new Keyring(home.Keyring).Add(name, mnemonic);
        output.WriteLine($"- name: {key.Name}");
        output.WriteLine($"  address: {key.Address}");
        output.WriteLine($"  pubkey: '{{\"@type\":\"/cosmos.crypto.secp256k1.PubKey\",\"key\":\"{key.PublicKeyBase64}\"}}'");
        if (!recover)
        {
            output.WriteLine();
            output.WriteLine("**Important** write this mnemonic phrase in a safe place.");
            output.WriteLine("It is the only way to recover your account if you ever forget your password.");
            output.WriteLine();
            output.WriteLine(key.Mnemonic);
        }
        return 0;
    }

    public static int List(HomeLayout home, TextWriter output)
    {
        var keys = new Keyring(home.Keyring).List();
        if (keys.Count == 0)
        {
            output.WriteLine($"no keys in {Path.Combine(home.Keyring, Keyring.DirectoryName)}");
            return 0;
        }
        var width = keys.Max(k => k.Name.Length);
        foreach (var k in keys)
        {
            output.WriteLine($"{k.Name.PadRight(width)}  {k.Address}");
        }
        return 0;
    }

    public static int Show(HomeLayout home, string nameOrAddress, bool addressOnly, TextWriter output)
    {
        var key = new Keyring(home.Keyring).Get(nameOrAddress);
        if (addressOnly)
        {
            output.WriteLine(key.Address);
            return 0;
        }
        output.WriteLine($"- name: {key.Name}");
        output.WriteLine($"  address: {key.Address}");
        output.WriteLine($"  pubkey: '{{\"@type\":\"/cosmos.crypto.secp256k1.PubKey\",\"key\":\"{key.PublicKeyBase64}\"}}'");
        return 0;
    }

    public static int Delete(HomeLayout home, string nameOrAddress, TextWriter output)
    {
        var key = new Keyring(home.Keyring).Delete(nameOrAddress);
        output.WriteLine($"deleted key {key.Name} ({key.Address})");
        return 0;
    }
}
