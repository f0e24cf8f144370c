using MirrorChain.Execution;

namespace MirrorChain.Node.Tests;

/// <summary>The keys <see cref="BlockStore.AppendEvents"/> writes are <see cref="StoreKeys.EventKey"/>'s bytes, which tx_search reads.</summary>
public sealed class EventIndexKeyTests
{
    [Fact]
    public void Index_keys_are_the_event_key_bytes_for_any_text_and_only_indexed_attributes_with_a_key_get_one()
    {
        var transfer = new Event("transfer",
        [
            new EventAttribute("recipient", "terra1757tkx08n0cqrw7p86ny9lnxsqeth0wgp0em95"),
            new EventAttribute("amount", "5uluna"),
            new EventAttribute("memo", "héllo ✓ 🚀"),
            new EventAttribute("hidden", "x", Index: false),
            new EventAttribute("", "no key"),
            new EventAttribute("empty", ""),
        ]);
        // unpaired surrogates at the joins of type, "." and key; a value long enough to outgrow any first buffer
        var odd = new Event("wasm-\uD800", [new EventAttribute("\uDC00k", "v\uD800"), new EventAttribute("long", new string('é', 700) + "\uDBFF")]);
        var unindexed = new Event("message", [new EventAttribute("action", "send", Index: false)]);
        TxResult[] txs = [new() { Events = [transfer, odd] }, new(), new() { Events = [unindexed, odd, transfer] }];
        var results = new BlockResults(7, txs, new byte[32]);

        using var db = new MemoryKeyValueStore();
        using (var batch = db.CreateBatch())
        {
            BlockStore.AppendEvents(batch, results);
            db.Write(batch);
        }

        var expected = new List<string>();
        for (var i = 0; i < txs.Length; i++)
        {
            foreach (var e in txs[i].Events)
            {
                expected.AddRange(e.Attributes.Where(a => a.Index && a.Key.Length > 0)
                    .Select(a => Convert.ToHexString(StoreKeys.EventKey(e.Type + "." + a.Key, a.Value, 7, i))));
            }
        }
        var written = db.Range([StoreKeys.EventIndex], [StoreKeys.EventIndex + 1]).Select(kv => Convert.ToHexString(kv.Key));
        Assert.Equal(expected.Order(StringComparer.Ordinal), written.Order(StringComparer.Ordinal));
        Assert.Equal(12, expected.Count);
        Assert.Equal(7, new BlockStore(db).IndexedHeight);
        Assert.Equal([(7L, 0), (7L, 2)], new BlockStore(db).FindByEvent("wasm-\uD800.long", new string('é', 700) + "\uDBFF").ToList());
    }
}
