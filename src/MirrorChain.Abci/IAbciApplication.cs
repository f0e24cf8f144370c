using MirrorChain.Abci.Proto;

namespace MirrorChain.Abci;

/// <summary>
/// What the socket server calls for each request other than Echo and Flush, in the order each connection sends
/// them. Calls from different connections (consensus, mempool, query, snapshot) may run concurrently.
/// </summary>
public interface IAbciApplication
{
    /// <summary>
    /// Answers one request from connection <paramref name="connectionId"/> (numbered by the server from 1); an
    /// exception becomes a <c>ResponseException</c> (fatal for CometBFT).
    /// </summary>
    Response Handle(Request request, int connectionId);

    /// <summary>A connection closed: drop anything it left half done (a finalized block that was never committed).</summary>
    void ConnectionClosed(int connectionId);
}
