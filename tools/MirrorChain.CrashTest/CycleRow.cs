using System.Globalization;

namespace MirrorChain.CrashTest;

/// <summary>One line of the cycle table; the lost and chain columns are filled by the check after the restart.</summary>
internal sealed class CycleRow(int cycle)
{
    public const string Header =
        "cycle  pid      kill moment                                                     h@kill  reopen   committed  in-flight(c/d)  total  lost  chain   aimed block";

    public int Cycle { get; } = cycle;

    public int Pid { get; set; }

    public string Moment { get; set; } = "";

    /// <summary>Highest height the node had shown as committed (log line or commit reply) when it was killed.</summary>
    public long HeightAtKill { get; set; }

    /// <summary>The height the restarted node reopened its database at (its last durable block).</summary>
    public long RestartHeight { get; set; }

    /// <summary>broadcast_tx_commit replies with a height during the cycle.</summary>
    public int CommittedReplies { get; set; }

    public IReadOnlyList<InFlightTx> InFlight { get; set; } = [];

    public int InFlightCommitted { get; set; }

    public int InFlightDropped { get; set; }

    public int TotalCommitted { get; set; }

    public int Lost { get; set; }

    /// <summary>The block a mid-block or block-offset kill aimed at; 0 for the other modes.</summary>
    public long TargetHeight { get; set; }

    public bool ChainOk { get; set; }

    public string Format() => string.Create(CultureInfo.InvariantCulture,
        $"{Cycle,5}  {Pid,-7}  {Trim(Moment, 62),-62}  {HeightAtKill,6}  {RestartHeight,7}  {CommittedReplies + InFlightCommitted,9}  {$"{InFlightCommitted}/{InFlightDropped}",14}  {TotalCommitted,5}  {Lost,4}  {(ChainOk ? "ok" : "BROKEN"),-6}  {Aimed()}");

    private string Aimed() => TargetHeight == 0 ? "-"
        : RestartHeight >= TargetHeight ? string.Create(CultureInfo.InvariantCulture, $"{TargetHeight} written")
        : string.Create(CultureInfo.InvariantCulture, $"{TargetHeight} not written");

    private static string Trim(string s, int width) => s.Length <= width ? s : s[..(width - 1)] + "…";
}
