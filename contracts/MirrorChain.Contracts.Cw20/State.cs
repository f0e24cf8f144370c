using MirrorChain.Core;

namespace MirrorChain.Contracts.Cw20;

/// <summary>
/// What cw20-base stores (terraswap 2.4's token layout, canonical-address keys):
/// <list type="bullet">
/// <item><c>token_info</c> → <see cref="TokenInfo"/>.</item>
/// <item><c>balance</c> ‖ canonical(holder) → Uint128 (a holder stays listed at 0 once it had a balance).</item>
/// <item><c>allowance</c> ‖ len16(owner) ‖ canonical(owner) ‖ canonical(spender) → <see cref="AllowanceResponse"/>.</item>
/// </list>
/// Enumeration (all_accounts, all_allowances) is therefore in canonical byte order, as on Terra.
/// </summary>
internal static class Cw20State
{
    public static readonly Item<TokenInfo> TokenInfo = new("token_info") { TypeName = Cw20Errors.TokenInfoTypeName };

    public static readonly Map<UInt128> Balances = new("balance") { TypeName = "cosmwasm_std::math::Uint128" };

    public static readonly Map<AllowanceResponse> Allowances = new("allowance") { TypeName = Cw20Errors.AllowanceTypeName };

    public static UInt128 Balance(IReadOnlyContractStorage storage, Address holder) => Balances.May(storage, holder.ToArray());

    public static void SaveBalance(IContractStorage storage, Address holder, UInt128 amount) => Balances.Save(storage, holder.ToArray(), amount);

    /// <summary>The composite key of cw-storage-plus for (owner, spender): the owner is length-prefixed.</summary>
    public static byte[] AllowanceKey(Address owner, Address spender) => [.. OwnerPrefix(owner), .. spender.Bytes];

    public static byte[] OwnerPrefix(Address owner) => [(byte)(owner.Bytes.Length >> 8), (byte)owner.Bytes.Length, .. owner.Bytes];
}

/// <summary>Token metadata, supply and the optional minter (cw20-base's <c>TokenInfo</c>).</summary>
internal sealed record TokenInfo(string Name, string Symbol, byte Decimals, UInt128 TotalSupply, MinterData? Mint)
{
    /// <summary>The cap if the token is mintable and capped.</summary>
    public UInt128? GetCap() => Mint?.Cap;
}

/// <summary>The minter and how many tokens may exist in total (<c>cap</c> bounds total_supply, not the minted amount).</summary>
internal sealed record MinterData(string Minter, UInt128? Cap);
