using System.Net.Sockets;

namespace MirrorChain.Abci.Tests;

/// <summary>
/// A client that talks to the server as CometBFT's socket client does (abci/client/socket_client.go): each request
/// is written as a length-prefixed frame followed by a Flush request, and the answers come back in order, the
/// method's response and then ResponseFlush.
/// </summary>
internal sealed class AbciTestClient : IDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;

    public AbciTestClient(string listenAddress)
    {
        var endpoint = AbciServer.ParseTcp(listenAddress);
        _tcp = new TcpClient();
        _tcp.Connect(endpoint);
        _stream = _tcp.GetStream();
        _stream.ReadTimeout = 30_000;
    }

    public Response Call(Request request)
    {
        Send(request);
        Send(new Request { Flush = new RequestFlush() });
        var answer = Read();
        var flush = Read();
        Assert.Equal(Response.ValueOneofCase.Flush, flush.ValueCase);
        return answer;
    }

    public void Send(Request request) => AbciFraming.WriteMessage(_stream, request);

    public void SendRaw(byte[] bytes) => _stream.Write(bytes);

    public Response Read()
    {
        var body = AbciFraming.ReadMessageAsync(_stream, AbciFraming.DefaultMaxMessageBytes, CancellationToken.None).AsTask().GetAwaiter().GetResult()
            ?? throw new InvalidOperationException("the server closed the connection");
        return Response.Parser.ParseFrom(body);
    }

    /// <summary>True when the server closed the connection (a read returns end of stream).</summary>
    public bool ServerClosed()
    {
        var buffer = new byte[1];
        try
        {
            return _stream.Read(buffer) == 0;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _tcp.Dispose();
    }
}
