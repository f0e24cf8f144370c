using System.Text.Json;

namespace MirrorChain.CosmWasm;

/// <summary>Handles one <c>ExecuteMsg</c> variant; <paramref name="body"/> is the variant's value.</summary>
public delegate Response ExecuteHandler(Deps deps, Env env, MessageInfo info, JsonElement body);

/// <summary>Handles one <c>QueryMsg</c> variant and returns the JSON answer (<c>to_binary(&amp;answer)</c>).</summary>
public delegate byte[] QueryHandler(QueryDeps deps, Env env, JsonElement body);

/// <summary>Runs an execute or query message through its contract's <see cref="MessageRoutes{THandler}"/> table.</summary>
public static class MessageRoutesDispatch
{
    /// <summary>The execute entry point: route <paramref name="msg"/> by its variant and run the handler.</summary>
    public static Response Dispatch(this MessageRoutes<ExecuteHandler> routes, Deps deps, Env env, MessageInfo info, JsonElement msg)
    {
        var (handler, body) = routes.Route(msg);
        return handler(deps, env, info, body);
    }

    /// <summary>The query entry point: route <paramref name="msg"/> by its variant and run the handler.</summary>
    public static byte[] Dispatch(this MessageRoutes<QueryHandler> routes, QueryDeps deps, Env env, JsonElement msg)
    {
        var (handler, body) = routes.Route(msg);
        return handler(deps, env, body);
    }
}
