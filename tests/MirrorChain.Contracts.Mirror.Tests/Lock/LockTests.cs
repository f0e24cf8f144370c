using MirrorChain.Contracts.Terraswap;
using static MirrorChain.Contracts.Mirror.Tests.Support.Names;

namespace MirrorChain.Contracts.Mirror.Tests.Lock;

/// <summary>
/// mirror_lock (Mirror v2.1.4 contracts/mirror_lock/src/contract.rs and the upstream tests in its testing/tests.rs,
/// lockup_period 100) plus the later master's refusal of a repeated position idx, with MirrorChain's tax rate of 0 (the
/// 1% amounts of the upstream tests are checked on the tax formula itself).
/// </summary>
public sealed class LockTests
{
    private const string NoUnlockable = "Generic error: There are no unlockable funds for the provided positions: execute wasm contract failed";

    private readonly ContractTestApp _app = new(TestCodes.Registry());
    private readonly Address _lock;

    public LockTests()
    {
        _lock = _app.Instantiate(CodeIds.MirrorLock, Addr0, InstantiateMsgs.Lock(Owner, MintAddr, lockupPeriod: 100), label: "lock");
    }

    /// <summary>The swap proceeds arriving at the lock (the pair's bank send in a short open).</summary>
    private void Proceeds(UInt128 amount) => _app.Mint(_lock, new Coin("uusd", amount));

    private AppResponse LockHook(ulong at, int idx, Address receiver, Address? sender = null)
    {
        _app.SetTime(at);
        return _app.Execute(sender ?? MintAddr, _lock, $$$"""{"lock_position_funds_hook":{"position_idx":"{{{idx}}}","receiver":"{{{receiver}}}"}}""");
    }

    private AppResponse Unlock(ulong at, Address sender, params int[] idx)
    {
        _app.SetTime(at);
        return _app.Execute(sender, _lock, $$$"""{"unlock_position_funds":{"positions_idx":[{{{string.Join(",", idx.Select(i => $"\"{i}\""))}}}]}}""");
    }

    private AppResponse Release(ulong at, int idx, Address? sender = null)
    {
        _app.SetTime(at);
        return _app.Execute(sender ?? MintAddr, _lock, $$$"""{"release_position_funds":{"position_idx":"{{{idx}}}"}}""");
    }

    private string LockInfo(int idx) => _app.Query(_lock, $$$"""{"position_lock_info":{"position_idx":"{{{idx}}}"}}""").GetRawText();

    private static string LockInfoJson(int idx, Address receiver, UInt128 amount, ulong unlockTime) =>
        $$$"""{"idx":"{{{idx}}}","receiver":"{{{receiver}}}","locked_amount":"{{{amount}}}","unlock_time":{{{unlockTime}}}}""";

    private (string, string)[] Attrs(params (string, string)[] attributes) => [("_contract_address", _lock.ToString()), .. attributes];

    [Fact]
    public void Instantiate_and_update_config_round_trip()
    {
        Assert.Equal($$$"""{"owner":"{{{Owner}}}","mint_contract":"{{{MintAddr}}}","base_denom":"uusd","lockup_period":100}""",
            _app.Query(_lock, """{"config":{}}""").GetRawText());
        var res = _app.Execute(Owner, _lock, $$$"""{"update_config":{"owner":"{{{Owner1}}}","mint_contract":"{{{MintAddr1}}}","base_denom":"ukrw","lockup_period":5}}""");
        Assert.Equal(Attrs(("action", "update_config")), res.WasmAttributes);
        Assert.Equal($$$"""{"owner":"{{{Owner1}}}","mint_contract":"{{{MintAddr1}}}","base_denom":"ukrw","lockup_period":5}""",
            _app.Query(_lock, """{"config":{}}""").GetRawText());
        Assert.Equal(Unauthorized, Fail.Execute(() => _app.Execute(Owner, _lock, """{"update_config":{}}""")));
        _app.Execute(Owner1, _lock, """{"update_config":{"owner":null}}""");
        Assert.Equal(Owner1.ToString(), _app.Query(_lock, """{"config":{}}""").GetProperty("owner").GetString());
    }

    [Fact]
    public void Lock_at_20_with_100_uusd_unlocks_at_120()
    {
        Proceeds(100);
        Assert.Equal(Unauthorized, Fail.Execute(() => LockHook(20, 1, Addr0, sender: Addr0)));
        var res = LockHook(20, 1, Addr0);
        Assert.Equal(
            Attrs(("action", "lock_position_funds_hook"), ("position_idx", "1"), ("locked_amount", "100uusd"),
                ("total_locked_amount", "100uusd"), ("unlock_time", "120")),
            res.WasmAttributes);
        Assert.Equal(LockInfoJson(1, Addr0, 100, 120), LockInfo(1));
    }

    [Fact]
    public void A_hook_with_no_new_funds_has_nothing_to_lock()
    {
        Assert.Equal("Generic error: Nothing to lock: execute wasm contract failed", Fail.Execute(() => LockHook(1, 1, Addr0)));
        Proceeds(100);
        LockHook(1, 1, Addr0);
        Assert.Equal("Generic error: Nothing to lock: execute wasm contract failed", Fail.Execute(() => LockHook(2, 2, Addr0)));
    }

    [Fact]
    public void Locking_more_into_a_record_needs_the_same_receiver_and_resets_unlock_time()
    {
        Proceeds(100);
        LockHook(1, 1, Addr0);
        Proceeds(100);
        Assert.Equal("Generic error: Receiver address do not match with existing record: execute wasm contract failed",
            Fail.Execute(() => LockHook(10, 1, Addr1)));
        var res = LockHook(10, 1, Addr0);
        Assert.Equal(
            Attrs(("action", "lock_position_funds_hook"), ("position_idx", "1"), ("locked_amount", "100uusd"),
                ("total_locked_amount", "200uusd"), ("unlock_time", "110")),
            res.WasmAttributes);
        // the whole record, including the earlier 100, now unlocks at 10 + 100
        Assert.Equal(LockInfoJson(1, Addr0, 200, 110), LockInfo(1));
    }

    [Fact]
    public void Unlock_follows_the_upstream_test_with_tax_zero()
    {
        Proceeds(100);
        LockHook(1, 1, Addr0);
        Proceeds(100);
        LockHook(10, 1, Addr0);

        Assert.Equal(NoUnlockable, Fail.Execute(() => Unlock(120, Addr1, 1))); // not the receiver
        Assert.Equal(NoUnlockable, Fail.Execute(() => Unlock(50, Addr0, 1))); // still locked

        var res = Unlock(120, Addr0, 1);
        Assert.Equal(Attrs(("action", "unlock_shorting_funds"), ("unlocked_amount", "200uusd"), ("tax_amount", "0uusd")), res.WasmAttributes);
        Assert.Equal(200, (long)_app.Balance(Addr0, "uusd"));
        Assert.Equal(0, (long)_app.Balance(_lock, "uusd"));
        Assert.Equal(NoUnlockable, Fail.Execute(() => Unlock(120, Addr0, 1)));
        Assert.Equal("mirror_lock::state::PositionLockInfo not found: query wasm contract failed", Fail.Query(() => LockInfo(1)));

        // two positions at t=1 and t=2 unlocked together at t=102
        Proceeds(100);
        LockHook(1, 2, Addr0);
        Proceeds(200);
        LockHook(2, 3, Addr0);
        res = Unlock(102, Addr0, 2, 3);
        Assert.Equal(Attrs(("action", "unlock_shorting_funds"), ("unlocked_amount", "300uusd"), ("tax_amount", "0uusd")), res.WasmAttributes);
        Assert.Equal(500, (long)_app.Balance(Addr0, "uusd"));
    }

    [Fact]
    public void Unlock_time_is_inclusive_one_second_before_is_still_locked()
    {
        Proceeds(100);
        LockHook(1000, 1, Addr0);
        Assert.Equal(LockInfoJson(1, Addr0, 100, 1100), LockInfo(1));
        Assert.Equal(NoUnlockable, Fail.Execute(() => Unlock(1099, Addr0, 1)));
        Assert.Equal(100, (long)_app.Balance(_lock, "uusd"));
        var res = Unlock(1100, Addr0, 1);
        Assert.Equal("100uusd", res.Attribute("unlocked_amount"));
        Assert.Equal(100, (long)_app.Balance(Addr0, "uusd"));
    }

    [Fact]
    public void Unlock_pays_only_the_unlockable_records_and_skips_others_silently()
    {
        Proceeds(100);
        LockHook(1, 1, Addr0);
        Proceeds(200);
        LockHook(50, 2, Addr0);
        Proceeds(400);
        LockHook(1, 3, Addr1);
        var res = Unlock(101, Addr0, 1, 2, 3, 4);
        Assert.Equal("100uusd", res.Attribute("unlocked_amount"));
        Assert.Equal(LockInfoJson(2, Addr0, 200, 150), LockInfo(2));
        Assert.Equal(LockInfoJson(3, Addr1, 400, 101), LockInfo(3));
        Assert.Equal(600, (long)_app.Balance(_lock, "uusd"));
    }

    [Fact]
    public void a_repeated_position_idx_is_refused_instead_of_paid_twice()
    {
        Proceeds(100);
        LockHook(1, 1, Addr0);
        Proceeds(200);
        LockHook(2, 2, Addr1);
        Assert.Equal("Generic error: Duplicate position_idx: execute wasm contract failed", Fail.Execute(() => Unlock(102, Addr0, 1, 1)));
        Assert.Equal(300, (long)_app.Balance(_lock, "uusd"));
        Assert.Equal(0, (long)_app.Balance(Addr0, "uusd"));
        Assert.Equal(LockInfoJson(1, Addr0, 100, 101), LockInfo(1));
        // the single idx is still unlockable; position 2 keeps its 200
        Assert.Equal("100uusd", Unlock(102, Addr0, 1).Attribute("unlocked_amount"));
        Assert.Equal(200, (long)_app.Balance(_lock, "uusd"));
    }

    [Fact]
    public void Release_is_mint_only_ignores_the_lock_period_and_pays_the_receiver()
    {
        Proceeds(100);
        LockHook(1, 1, Addr0);
        Assert.Equal(Unauthorized, Fail.Execute(() => Release(1, 1, sender: Addr0)));
        var res = Release(50, 1);
        Assert.Equal(
            Attrs(("action", "release_shorting_funds"), ("position_idx", "1"), ("unlocked_amount", "100uusd"), ("tax_amount", "0uusd")),
            res.WasmAttributes);
        Assert.Equal(100, (long)_app.Balance(Addr0, "uusd"));
        Assert.Equal(0, (long)_app.Balance(MintAddr, "uusd"));
        // the record is gone: a second release is an empty success
        res = Release(50, 1);
        Assert.Empty(res.WasmAttributes);
        Assert.Equal(Unauthorized, Fail.Execute(() => Release(50, 1, sender: Owner)));
    }

    [Fact]
    public void Total_locked_funds_track_payouts_so_the_next_lock_gets_only_new_funds()
    {
        Proceeds(100);
        LockHook(1, 1, Addr0);
        Proceeds(300);
        LockHook(2, 2, Addr1);
        Release(3, 1);
        Unlock(102, Addr1, 2);
        Proceeds(50);
        Assert.Equal("50uusd", LockHook(200, 3, Addr0).Attribute("locked_amount"));
    }

    [Fact]
    public void Funds_sent_to_the_lock_by_other_means_go_to_the_next_position()
    {
        _app.Mint(Addr1, new Coin("uusd", 70));
        _app.Send(Addr1, _lock, new Coin("uusd", 70)); // not a swap proceed
        Proceeds(30);
        Assert.Equal("100uusd", LockHook(5, 9, Addr0).Attribute("locked_amount"));
    }

    [Fact]
    public void The_lockup_period_is_read_from_config_at_lock_time()
    {
        _app.Execute(Owner, _lock, """{"update_config":{"lockup_period":0}}""");
        Proceeds(10);
        LockHook(500, 1, Addr0);
        Assert.Equal(LockInfoJson(1, Addr0, 10, 500), LockInfo(1));
        Assert.Equal("10uusd", Unlock(500, Addr0, 1).Attribute("unlocked_amount"));
        _app.Execute(Owner, _lock, """{"update_config":{"lockup_period":86400}}""");
        Proceeds(10);
        Assert.Equal("86900", LockHook(500, 2, Addr0).Attribute("unlock_time"));
    }

    [Fact]
    public void Only_the_base_denom_balance_is_locked()
    {
        _app.Mint(_lock, new Coin("ukrw", 1000));
        Assert.Equal("Generic error: Nothing to lock: execute wasm contract failed", Fail.Execute(() => LockHook(1, 1, Addr0)));
    }

    [Fact]
    public void Upstream_one_percent_tax_amounts_follow_terraswap_compute_tax()
    {
        const ulong OnePercent = 10_000_000_000_000_000; // Decimal::percent(1) atomics
        const ulong Cap = 100_000_000;
        Assert.Equal(2, (long)TerraTax.Compute(200, OnePercent, Cap)); // unlock 200 → send 198
        Assert.Equal(3, (long)TerraTax.Compute(300, OnePercent, Cap));
        Assert.Equal(1, (long)TerraTax.Compute(100, OnePercent, Cap)); // release 100
        Assert.Equal(0, (long)TerraTax.Compute(100, 0, Cap)); // MirrorChain's rate
    }

    [Fact]
    public void Position_lock_info_of_an_unknown_idx_is_not_found()
    {
        Assert.Equal("mirror_lock::state::PositionLockInfo not found: query wasm contract failed", Fail.Query(() => LockInfo(42)));
    }
}
