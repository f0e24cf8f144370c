using System.Net.Sockets;
using Google.Protobuf;
using MirrorChain.Abci.Proto;

namespace MirrorChain.Abci;

/// <summary>
/// One ABCI socket: requests are read and answered strictly in order (CometBFT matches responses to requests by
/// position). Echo and Flush are answered here; everything else goes to the application. Responses are buffered
/// and flushed on a Flush request or whenever no further request is already waiting, so a client that never
/// sends Flush still gets its answers.
/// </summary>
internal sealed class AbciConnection(Socket socket, IAbciApplication app, int maxMessageBytes, Action<string>? log, int id)
{
    public AbciConnectionKind Kind { get; private set; }

    public async Task RunAsync(CancellationToken ct)
    {
        await using var network = new NetworkStream(socket, ownsSocket: true);
        await using var output = new BufferedStream(network, 64 * 1024);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var body = await AbciFraming.ReadMessageAsync(network, maxMessageBytes, ct).ConfigureAwait(false);
                if (body is null)
                {
                    break;
                }
                Request request;
                try
                {
                    request = Request.Parser.ParseFrom(body);
                }
                catch (InvalidProtocolBufferException e)
                {
                    Answer(output, Exception($"undecodable ABCI request: {e.Message}"));
                    await output.FlushAsync(ct).ConfigureAwait(false);
                    throw new AbciProtocolException($"undecodable request: {e.Message}");
                }
                Learn(request.ValueCase);
                var response = request.ValueCase switch
                {
                    Request.ValueOneofCase.Echo => new Response { Echo = new ResponseEcho { Message = request.Echo.Message } },
                    Request.ValueOneofCase.Flush => new Response { Flush = new ResponseFlush() },
                    Request.ValueOneofCase.None => Exception("empty ABCI request (no method set)"),
                    _ => Dispatch(request),
                };
                Answer(output, response);
                if (request.ValueCase == Request.ValueOneofCase.Flush || socket.Available == 0)
                {
                    await output.FlushAsync(ct).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is AbciProtocolException or IOException or SocketException)
        {
            log?.Invoke($"abci: connection {id} ({Kind}) closed: {e.Message}");
        }
        finally
        {
            app.ConnectionClosed(id);
        }
    }

    private Response Dispatch(Request request)
    {
        try
        {
            return app.Handle(request, id);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log?.Invoke($"abci: {request.ValueCase} failed on connection {id}: {e.Message}");
            return Exception($"{request.ValueCase}: {e.Message}");
        }
    }

    private void Learn(Request.ValueOneofCase method)
    {
        if (Kind != AbciConnectionKind.Unknown)
        {
            return;
        }
        Kind = method switch
        {
            Request.ValueOneofCase.CheckTx => AbciConnectionKind.Mempool,
            Request.ValueOneofCase.Info or Request.ValueOneofCase.Query => AbciConnectionKind.Query,
            Request.ValueOneofCase.ListSnapshots or Request.ValueOneofCase.OfferSnapshot
                or Request.ValueOneofCase.LoadSnapshotChunk or Request.ValueOneofCase.ApplySnapshotChunk => AbciConnectionKind.Snapshot,
            Request.ValueOneofCase.Echo or Request.ValueOneofCase.Flush or Request.ValueOneofCase.None => AbciConnectionKind.Unknown,
            _ => AbciConnectionKind.Consensus,
        };
    }

    private static Response Exception(string error) => new() { Exception = new ResponseException { Error = error } };

    private static void Answer(Stream output, Response response) => AbciFraming.WriteMessage(output, response);
}
