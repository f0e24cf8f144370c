using Google.Protobuf;

namespace MirrorChain.Execution.Tests;

/// <summary>
/// The wire reader for stored user accounts (<see cref="Account.TryDecodeUserAccount"/>) against the protobuf
/// reference (<see cref="Account.DecodeWithProtobuf"/>): when it answers, the reference gives an equal account, and
/// <see cref="Account.Decode(byte[], Address?)"/> always gives the reference's account or throws its exception, for
/// stored encodings and seeded random mutations of them.
/// </summary>
public sealed class AccountDecodeDifferentialTests
{
    private static readonly Address Holder = Address.FromBytes(Hashing.Sha256("decode holder"u8).AsSpan(0, 20));
    private static readonly Address Contract = Address.FromBytes(Hashing.Sha256("decode contract"u8));

    [Fact]
    public void Fast_account_decode_reads_every_stored_user_account_as_the_reference_does()
    {
        var fastAnswers = 0;
        foreach (var stored in StoredAccounts())
        {
            foreach (var expected in new[] { Holder, Contract, null })
            {
                AssertAgree(stored, expected);
                fastAnswers += Account.TryDecodeUserAccount(stored, expected) is null ? 0 : 1;
            }
        }
        Assert.Equal(24, fastAnswers); // each user account under its own address, except an empty key (left to the reference)
    }

    [Fact]
    public void Account_decoders_agree_on_random_mutations_of_stored_accounts()
    {
        var random = new Random(31337);
        var stored = StoredAccounts().ToArray();
        for (var n = 0; n < 6000; n++)
        {
            var bytes = new List<byte>(stored[random.Next(stored.Length)]);
            for (var e = 1 + random.Next(2); e > 0; e--)
            {
                var at = random.Next(bytes.Count + 1);
                switch (random.Next(4))
                {
                    case 0 when at < bytes.Count:
                        bytes[at] = (byte)random.Next(256);
                        break;
                    case 1:
                        bytes.Insert(at, (byte)random.Next(256));
                        break;
                    case 2 when at < bytes.Count:
                        bytes.RemoveAt(at);
                        break;
                    default:
                        bytes = [.. bytes.Take(at)];
                        break;
                }
            }
            AssertAgree([.. bytes], random.Next(2) == 0 ? Holder : Contract);
        }
    }

    private static IEnumerable<byte[]> StoredAccounts()
    {
        var key = Convert.FromHexString("03" + new string('b', 64));
        foreach (var address in new[] { Holder, Contract })
        {
            foreach (var pubKey in new[] { null, key, [], [0x02] })
            {
                foreach (var number in new ulong[] { 0, 1, 300, ulong.MaxValue })
                {
                    yield return new Account(address, number, number / 2, pubKey).Encode();
                }
            }
        }
        yield return Accounts.Create(new StateCache(new EmptyReader()), ModuleAccounts.FeeCollectorAddress).Encode();
    }

    private static void AssertAgree(byte[] stored, Address? expected)
    {
        var (reference, referenceError) = Outcome(() => Account.DecodeWithProtobuf(stored, expected));
        if (Account.TryDecodeUserAccount(stored, expected) is { } fast)
        {
            Assert.True(reference is not null, $"fast decode accepted {Convert.ToHexString(stored)}: {referenceError}");
            AssertEqual(reference!, fast);
        }
        var (decoded, error) = Outcome(() => Account.Decode(stored, expected));
        if (reference is null)
        {
            Assert.Equal(referenceError!.GetType(), error!.GetType());
            Assert.Equal(referenceError.Message, error.Message);
        }
        else
        {
            AssertEqual(reference, decoded!);
        }
    }

    private static void AssertEqual(Account expected, Account actual)
    {
        Assert.Equal(expected.Address, actual.Address);
        Assert.Equal(ReferenceEquals(expected.Address, Holder), ReferenceEquals(actual.Address, Holder));
        Assert.Equal(expected.AccountNumber, actual.AccountNumber);
        Assert.Equal(expected.Sequence, actual.Sequence);
        Assert.Equal(expected.PubKey, actual.PubKey);
        Assert.Equal(expected.ModuleName, actual.ModuleName);
        Assert.Equal(expected.Permissions, actual.Permissions);
        Assert.Equal(expected.ToAny().ToByteArray(), actual.ToAny().ToByteArray());
    }

    private static (Account? Account, Exception? Error) Outcome(Func<Account> decode)
    {
        try
        {
            return (decode(), null);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or FormatException or InvalidDataException or ArgumentException)
        {
            return (null, e);
        }
    }
}
