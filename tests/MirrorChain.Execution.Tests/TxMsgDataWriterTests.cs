using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using MirrorChain.Tx.Proto.Cosmos.Base.Abci.V1Beta1;

namespace MirrorChain.Execution.Tests;

public sealed class TxMsgDataWriterTests
{
    [Fact]
    public void Tx_data_is_the_protobuf_serializers_TxMsgData_for_any_responses()
    {
        var random = new Random(11);
        string[] typeUrls = ["", "/cosmos.bank.v1beta1.MsgSendResponse", "/cosmwasm.wasm.v1.MsgExecuteContractResponse", new string('t', 200), "/é"];
        int[] valueLengths = [0, 1, 127, 128, 20_000];
        for (var n = 0; n < 300; n++)
        {
            var responses = new List<Any>();
            for (var i = random.Next(4); i > 0; i--)
            {
                var value = new byte[valueLengths[random.Next(valueLengths.Length)]];
                random.NextBytes(value);
                responses.Add(new Any { TypeUrl = typeUrls[random.Next(typeUrls.Length)], Value = ByteString.CopyFrom(value) });
            }
            var expected = new TxMsgData();
            expected.MsgResponses.AddRange(responses);
            Assert.Equal(expected.ToByteArray(), TxMsgDataWriter.Write(responses));
        }
    }
}
