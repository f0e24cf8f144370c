using Google.Protobuf;
using MirrorChain.Core;
using MirrorChain.Tx.Proto.Cosmos.Tx.V1Beta1;

namespace MirrorChain.Tx.Tests;

public class SignDocBuilderTests
{
    [Fact]
    public void Sign_bytes_are_the_protobuf_serializers_SignDoc_for_every_field_size()
    {
        var random = new Random(5);
        int[] lengths = [0, 1, 127, 128, 300, 16_384];
        ulong[] numbers = [0, 1, 127, 128, 16_384, uint.MaxValue, ulong.MaxValue];
        string[] chainIds = ["", "mirrorchain-1", new string('c', 200)];
        foreach (var bodyLength in lengths)
        {
            foreach (var authLength in lengths)
            {
                var body = new byte[bodyLength];
                var auth = new byte[authLength];
                random.NextBytes(body);
                random.NextBytes(auth);
                foreach (var chainId in chainIds)
                {
                    foreach (var number in numbers)
                    {
                        var expected = new SignDoc
                        {
                            BodyBytes = ByteString.CopyFrom(body), AuthInfoBytes = ByteString.CopyFrom(auth), ChainId = chainId, AccountNumber = number,
                        }.ToByteArray();
                        Assert.Equal(expected, SignDocBuilder.SignBytes(body, auth, chainId, number));
                    }
                }
            }
        }
    }

    [Fact]
    public void Sign_hash_is_sha256_of_the_sign_bytes()
    {
        var tx = TxDecoder.Decode(RawTx.Bytes(), new DecodeOptions());
        foreach (var number in new ulong[] { 0, 7, ulong.MaxValue })
        {
            var hash = new byte[32];
            SignDocBuilder.SignHash(tx, "mirrorchain-1", number, hash);
            Assert.Equal(Hashing.Sha256(SignDocBuilder.SignBytes(tx, "mirrorchain-1", number)), hash);
        }
    }
}
