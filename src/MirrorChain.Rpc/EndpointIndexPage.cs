using System.Net;
using System.Text;

namespace MirrorChain.Rpc;

/// <summary>The page <c>GET /</c> shows, as CometBFT's: links to the methods without arguments, then templates for the rest.</summary>
internal static class EndpointIndexPage
{
    public static byte[] Render(RpcMethodTable methods, string host)
    {
        var h = WebUtility.HtmlEncode(host);
        var sb = new StringBuilder("<html><body>");
        sb.Append("<br>Available endpoints:<br>");
        foreach (var m in methods.All.Where(m => m.ArgNames.Count == 0))
        {
            sb.Append("<a href=\"//").Append(h).Append('/').Append(m.Name).Append("\">").Append(m.Name).Append("</a><br>");
        }
        sb.Append("<br>Endpoints that require arguments:<br>");
        foreach (var m in methods.All.Where(m => m.ArgNames.Count > 0))
        {
            var link = "//" + h + "/" + m.Name + "?" + string.Join("&", m.ArgNames.Select(a => a + "=_"));
            sb.Append("<a href=\"").Append(link).Append("\">").Append(link).Append("</a></br>");
        }
        sb.Append("</body></html>");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
