namespace MirrorChain.CrashTest;

/// <summary>The checks over a chain read: pure functions of what the RPC showed and what the clients recorded.</summary>
internal static class ChainChecks
{
    /// <summary>Heights 1..latest all present, and each header's last_block_id hash is the previous block's hash.</summary>
    public static List<string> Links(IReadOnlyDictionary<long, ChainBlock> blocks, long latest)
    {
        var problems = new List<string>();
        for (var h = 1L; h <= latest; h++)
        {
            if (!blocks.TryGetValue(h, out var block))
            {
                problems.Add($"height {h} is missing (latest {latest})");
                continue;
            }
            if (block.Height != h)
            {
                problems.Add($"height {h}: header says height {block.Height}");
            }
            var expected = h == 1 ? "" : blocks.TryGetValue(h - 1, out var previous) ? previous.Hash : null;
            if (expected is not null && !string.Equals(block.LastBlockHash, expected, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"height {h}: last_block_id {Show(block.LastBlockHash)} is not block {h - 1}'s hash {Show(expected)}");
            }
        }
        return problems;
    }

    /// <summary>A block hash once seen at a height never changes (history is not rewritten); records new heights.</summary>
    public static List<string> Stable(IReadOnlyDictionary<long, ChainBlock> blocks, Dictionary<long, string> known)
    {
        var problems = new List<string>();
        foreach (var (height, hash) in known)
        {
            if (blocks.TryGetValue(height, out var block) && !string.Equals(block.Hash, hash, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"height {height}: block hash changed from {Show(hash)} to {Show(block.Hash)}");
            }
        }
        foreach (var block in blocks.Values)
        {
            known.TryAdd(block.Height, block.Hash);
        }
        return problems;
    }

    /// <summary>Where each tx of the chain is: hash → (height, index).</summary>
    public static Dictionary<string, (long Height, int Index)> Locations(IReadOnlyDictionary<long, ChainBlock> blocks)
    {
        var map = new Dictionary<string, (long, int)>(StringComparer.OrdinalIgnoreCase);
        foreach (var block in blocks.Values)
        {
            for (var i = 0; i < block.TxHashes.Count; i++)
            {
                map.TryAdd(block.TxHashes[i], (block.Height, i));
            }
        }
        return map;
    }

    /// <summary>
    /// Every tx a client saw committed is in the chain at its height (and index, once known) with the same result.
    /// Returns the problems (one per lost or changed tx) and the indexes found for txs that had none yet.
    /// </summary>
    public static (List<(string Hash, string Problem)> Lost, List<(string Hash, int Index)> NewIndexes) Committed(
        IReadOnlyList<CommittedTx> committed, IReadOnlyDictionary<long, ChainBlock> blocks,
        IReadOnlyDictionary<string, (long Height, int Index)> locations)
    {
        var lost = new List<(string, string)>();
        var indexes = new List<(string, int)>();
        foreach (var tx in committed.OrderBy(t => t.Height).ThenBy(t => t.Hash, StringComparer.Ordinal))
        {
            var what = $"tx {tx.Hash} ({tx.Sender} sequence {tx.Sequence}, cycle {tx.Cycle}, seen at height {tx.Height}{(tx.Index >= 0 ? $" index {tx.Index}" : "")})";
            if (!locations.TryGetValue(tx.Hash, out var at))
            {
                lost.Add((tx.Hash, $"{what} is not in the chain"));
                continue;
            }
            if (at.Height != tx.Height || (tx.Index >= 0 && at.Index != tx.Index))
            {
                lost.Add((tx.Hash, $"{what} is now at height {at.Height} index {at.Index}"));
                continue;
            }
            var block = blocks[at.Height];
            var result = at.Index < block.Results.Count ? block.Results[at.Index] : "(no result)";
            if (!string.Equals(result, tx.ResultJson, StringComparison.Ordinal))
            {
                lost.Add((tx.Hash, $"{what} has a different result: {Short(result)} (was {Short(tx.ResultJson)})"));
                continue;
            }
            if (tx.Index < 0)
            {
                indexes.Add((tx.Hash, at.Index));
            }
        }
        return (lost, indexes);
    }

    private static string Show(string hash) => hash.Length == 0 ? "(empty)" : hash.Length > 16 ? hash[..16] + "…" : hash;

    private static string Short(string s) => s.Length <= 200 ? s : s[..200] + "…";
}
