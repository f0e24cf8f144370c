using System.Globalization;

namespace MirrorChain.Rpc;

/// <summary>CometBFT's height and pagination argument rules (rpc/core/env.go), with its error texts.</summary>
internal static class Heights
{
    /// <summary>The height to serve: the requested one after the range checks, else <paramref name="latest"/>.</summary>
    public static long Resolve(long? requested, long latest, long earliest)
    {
        if (requested is not { } h)
        {
            return latest;
        }
        if (h <= 0)
        {
            throw RpcException.Internal($"height must be greater than 0, but got {Str(h)}");
        }
        if (h > latest)
        {
            throw RpcException.Internal($"height {Str(h)} must be less than or equal to the current blockchain height {Str(latest)}");
        }
        if (h < earliest)
        {
            throw RpcException.Internal($"height {Str(h)} is not available, lowest height is {Str(earliest)}");
        }
        return h;
    }

    /// <summary>per_page: absent or &lt; 1 → 30; capped at 100.</summary>
    public static int PerPage(int? requested) => requested switch
    {
        null or < 1 => CometBft.DefaultPerPage,
        > CometBft.MaxPerPage => CometBft.MaxPerPage,
        { } n => n,
    };

    /// <summary>page: absent → 1; otherwise it must lie in [1, pages] where an empty result still has one page.</summary>
    public static int Page(int? requested, int perPage, int totalCount)
    {
        if (requested is not { } page)
        {
            return 1;
        }
        var pages = Math.Max((totalCount - 1) / perPage + 1, 1);
        if (page <= 0 || page > pages)
        {
            throw RpcException.Internal($"page should be within [1, {pages.ToString(CultureInfo.InvariantCulture)}] range, given {page.ToString(CultureInfo.InvariantCulture)}");
        }
        return page;
    }

    public static string Str(long v) => v.ToString(CultureInfo.InvariantCulture);
}
