namespace MirrorChain.CrashTest.Tests;

public class KillPlanTests
{
    [Fact]
    public void The_same_seed_gives_the_same_schedule()
    {
        Assert.Equal(KillPlan.Schedule(42, 20), KillPlan.Schedule(42, 20));
        Assert.NotEqual(KillPlan.Schedule(42, 20), KillPlan.Schedule(43, 20));
    }

    [Fact]
    public void Any_four_consecutive_cycles_use_every_kill_mode()
    {
        var plans = KillPlan.Schedule(7, 9);

        Assert.Equal(Enum.GetValues<KillMode>().Length, plans.Skip(3).Take(4).Select(p => p.Mode).Distinct().Count());
        Assert.All(plans, p => Assert.InRange(p.Fraction, 0, 1));
    }
}
