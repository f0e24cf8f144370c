using Google.Protobuf;

namespace MirrorChain.Execution.Tests;

/// <summary>How balances, accounts, params and message events read back from their stored or built form.</summary>
public sealed class StoredValueTests
{
    private static readonly Address Holder = Address.FromBytes(Hashing.Sha256("stored value holder"u8).AsSpan(0, 20));

    private static StateCache WithBalance(string stored)
    {
        var state = new StateCache(new EmptyReader());
        state.Set(StateKeys.Balance(Holder, "uluna"), Encoding.ASCII.GetBytes(stored));
        return state;
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("7", "7")]
    [InlineData("007", "7")]
    [InlineData("18446744073709551615", "18446744073709551615")]
    [InlineData("18446744073709551616", "18446744073709551616")]
    [InlineData("340282366920938463463374607431768211455", "340282366920938463463374607431768211455")]
    [InlineData("000000000000000000000000000000000000001", "1")]
    public void Stored_balances_read_as_decimal_digits(string stored, string expected) =>
        Assert.Equal(UInt128.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Bank.GetBalance(WithBalance(stored), Holder, "uluna"));

    [Theory]
    [InlineData("")]
    [InlineData("12a")]
    [InlineData("-1")]
    [InlineData(" 1")]
    [InlineData("340282366920938463463374607431768211456")]
    [InlineData("999999999999999999999999999999999999999")]
    [InlineData("0000000000000000000000000000000000000001")]
    public void Corrupt_stored_balances_are_rejected(string stored) =>
        Assert.Throws<InvalidDataException>(() => Bank.GetBalance(WithBalance(stored), Holder, "uluna"));

    [Fact]
    public void Balances_are_stored_as_ascii_decimal_without_leading_zeros()
    {
        var state = new StateCache(new EmptyReader());
        Bank.Mint(state, Holder, [new Coin("uluna", UInt128.MaxValue), new Coin("uusd", 1)]);
        Assert.Equal("340282366920938463463374607431768211455", Encoding.ASCII.GetString(state.Get(StateKeys.Balance(Holder, "uluna"))!));
        Assert.Equal("1", Encoding.ASCII.GetString(state.Get(StateKeys.Balance(Holder, "uusd"))!));
        Assert.Equal("1", Encoding.ASCII.GetString(state.Get(StateKeys.Supply("uusd"))!));
    }

    [Fact]
    public void Balance_key_is_prefix_length_address_and_denom()
    {
        var key = StateKeys.Balance(Holder, "ibc/ÄB");
        Assert.Equal([.. StateKeys.BalancesPrefix(Holder), .. Encoding.UTF8.GetBytes("ibc/ÄB")], key);
        Assert.Equal(new byte[] { 0x02, 0x01, 20 }, key[..3]);
    }

    [Fact]
    public void Chain_params_load_follows_the_stored_bytes()
    {
        var state = new StateCache(new EmptyReader());
        Assert.Same(ChainParams.Default, ChainParams.Load(state));

        var a = ChainParams.Default with { MaxTxBytes = 1000, MinGasPrices = GasPrice.ParseList("0.015uluna") };
        var b = a with { MaxTxBytes = 2000 };
        a.Store(state);
        var loaded = ChainParams.Load(state);
        Assert.Equal(1000, loaded.MaxTxBytes);
        Assert.Equal(1000, ChainParams.Load(state).MaxTxBytes);
        Assert.Equal("0.015uluna", GasPrice.FormatList(loaded.MinGasPrices));

        b.Store(state);
        Assert.Equal(2000, ChainParams.Load(state).MaxTxBytes);
        a.Store(state);
        Assert.Equal(1000, ChainParams.Load(state).MaxTxBytes);
        state.Delete(StateKeys.ChainParams());
        Assert.Same(ChainParams.Default, ChainParams.Load(state));
    }

    [Fact]
    public void Account_decode_reuses_the_expected_address_only_when_the_stored_text_matches()
    {
        var other = Address.FromBytes(Hashing.Sha256("another holder"u8).AsSpan(0, 20));
        var stored = new Account(Holder, 4, 9, null).Encode();

        var same = Account.Decode(stored, Holder);
        Assert.Same(Holder, same.Address);
        Assert.Equal(4UL, same.AccountNumber);
        Assert.Equal(9UL, same.Sequence);

        var mismatch = Account.Decode(stored, other);
        Assert.Equal(Holder, mismatch.Address);
        Assert.NotSame(Holder, mismatch.Address);
    }

    [Fact]
    public void Message_index_is_appended_to_every_event_without_changing_the_originals()
    {
        var original = new[] { Event.Of("a", ("k", "v")), new Event("b", []) };
        var target = new List<Event> { Event.Of("first") };

        TxEvents.AddWithMessageIndex(target, original, 3);

        Assert.Equal(["first{}", "a{k=v,msg_index=3}", "b{msg_index=3}"], EventText.Of(target));
        Assert.Equal(["a{k=v}", "b{}"], EventText.Of(original));
        Assert.Equal(["a{k=v,msg_index=3}", "b{msg_index=3}"], EventText.Of([.. TxEvents.WithMessageIndex(original, 3)]));
    }

    [Fact]
    public void Stored_user_accounts_are_the_protobuf_serializers_bytes()
    {
        var key = Convert.FromHexString("02" + new string('a', 64));
        var contract = Address.FromBytes(Hashing.Sha256("a contract"u8));
        ulong[] numbers = [0, 1, 127, 128, 300, 16_383, 16_384, uint.MaxValue, ulong.MaxValue];
        foreach (var address in new[] { Holder, contract })
        {
            foreach (var pubKey in new[] { null, key, [] })
            {
                foreach (var number in numbers)
                {
                    foreach (var sequence in numbers)
                    {
                        var account = new Account(address, number, sequence, pubKey);
                        var encoded = account.Encode();
                        Assert.Equal(account.ToAny().ToByteArray(), encoded);
                        var decoded = Account.Decode(encoded);
                        Assert.Equal((address, number, sequence), (decoded.Address, decoded.AccountNumber, decoded.Sequence));
                    }
                }
            }
        }
    }
}
