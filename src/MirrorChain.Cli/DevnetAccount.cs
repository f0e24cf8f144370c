namespace MirrorChain.Cli;

/// <summary>A public LocalTerra test account shipped in genesis/devnet-accounts.json.</summary>
public sealed record DevnetAccount(string Name, string Address, string Mnemonic);
