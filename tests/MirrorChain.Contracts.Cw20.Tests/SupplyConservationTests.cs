using System.Globalization;

namespace MirrorChain.Contracts.Cw20.Tests;

/// <summary>
/// Property: over random transfer / mint / burn / allowance / transfer_from / burn_from / send sequences (seeded),
/// total_supply always equals the sum of all balances, every balance matches a simple model, and a failed
/// message changes nothing.
/// </summary>
public sealed class SupplyConservationTests : Cw20TestBase
{
    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(20210520)]
    public void Total_supply_equals_the_sum_of_balances(int seed)
    {
        var rng = new Random(seed);
        var users = Enumerable.Range(0, 6).Select(i => TestAddress.Of($"user{i}")).ToList();
        var receiver = NewReceiver();
        var holders = users.Append(receiver).ToList();
        var model = holders.ToDictionary(h => h, _ => UInt128.Zero);
        model[users[0]] = 1_000_000;
        model[users[1]] = 250_000;
        var cap = (UInt128)5_000_000;
        var token = NewToken([(users[0], 1_000_000), (users[1], 250_000)], MinterAddr, cap);
        var allowances = new Dictionary<(Address, Address), UInt128>();
        var (ok, failed) = (0, 0);

        for (var step = 0; step < 300; step++)
        {
            var a = users[rng.Next(users.Count)];
            var b = users[rng.Next(users.Count)];
            var amount = RandomAmount(rng, model[a]);
            var supply = model.Values.Aggregate(UInt128.Zero, (s, v) => s + v);
            var kind = rng.Next(7);
            var forward = kind == 6 && rng.Next(2) == 0;   // the receiver passes the tokens on to b
            var (sender, json, apply) = kind switch
            {
                0 => (a, $$$$"""{"transfer":{"recipient":"{{{{b}}}}","amount":"{{{{amount}}}}"}}""",
                    Valid(amount != 0 && amount <= model[a], () => { model[a] -= amount; model[b] += amount; })),
                1 => (MinterAddr, $$$$"""{"mint":{"recipient":"{{{{b}}}}","amount":"{{{{amount}}}}"}}""",
                    Valid(amount != 0 && supply + amount <= cap, () => model[b] += amount)),
                2 => (a, $$$$"""{"burn":{"amount":"{{{{amount}}}}"}}""",
                    Valid(amount != 0 && amount <= model[a], () => model[a] -= amount)),
                3 => (a, $$$$"""{"increase_allowance":{"spender":"{{{{b}}}}","amount":"{{{{amount}}}}"}}""",
                    Valid(a != b, () => allowances[(a, b)] = allowances.GetValueOrDefault((a, b)) + amount)),
                4 => (b, $$$$"""{"transfer_from":{"owner":"{{{{a}}}}","recipient":"{{{{b}}}}","amount":"{{{{amount}}}}"}}""",
                    Valid(allowances.TryGetValue((a, b), out var al) && amount <= al && amount <= model[a],
                        () => { allowances[(a, b)] -= amount; model[a] -= amount; model[b] += amount; })),
                5 => (b, $$$$"""{"burn_from":{"owner":"{{{{a}}}}","amount":"{{{{amount}}}}"}}""",
                    Valid(allowances.TryGetValue((a, b), out var al2) && amount <= al2 && amount <= model[a],
                        () => { allowances[(a, b)] -= amount; model[a] -= amount; })),
                _ => (a, $$$$"""{"send":{"contract":"{{{{receiver}}}}","amount":"{{{{amount}}}}","msg":"{{{{Hook(forward, b)}}}}"}}""",
                    Valid(amount != 0 && amount <= model[a], () => { model[a] -= amount; model[receiver] += amount; })),
            };

            try
            {
                App.Execute(sender, token, json);
                Assert.True(apply is not null, $"step {step}: expected failure of {json}");
                apply!();
                if (forward)
                {
                    model[receiver] -= amount;
                    model[b] += amount;
                }
                ok++;
            }
            catch (SdkException)
            {
                Assert.True(apply is null, $"step {step}: unexpected failure of {json}");
                failed++;
            }

            if (step % 10 == 9)
            {
                AssertConserved(token, model);
            }
        }
        AssertConserved(token, model);
        Assert.True(ok > 100 && failed > 10, $"ok {ok}, failed {failed}: the sequence should exercise both paths");
    }

    private static Action? Valid(bool valid, Action apply) => valid ? apply : null;

    /// <summary>Mostly within the balance, sometimes zero, sometimes one too many.</summary>
    private static UInt128 RandomAmount(Random rng, UInt128 balance) => rng.Next(10) switch
    {
        0 => 0,
        1 => balance + 1,
        2 => balance,
        _ => balance == 0 ? (UInt128)rng.Next(1, 1_000) : (UInt128)(ulong)rng.NextInt64(1, (long)(ulong)balance + 1),
    };

    /// <summary>The receiver either forwards the tokens to b (<c>{"forward":{"to":b}}</c>) or keeps them.</summary>
    private static string Hook(bool forward, Address b) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
        forward ? $$$$"""{"forward":{"to":"{{{{b}}}}"}}""" : """{"keep":{}}"""));

    private void AssertConserved(Address token, Dictionary<Address, UInt128> model)
    {
        var accounts = AllAccounts(token);
        var sum = accounts.Aggregate(UInt128.Zero, (s, h) => s + BalanceOf(token, Address.Parse(h)));
        Assert.Equal(Supply(token), sum);
        Assert.Equal(model.Values.Aggregate(UInt128.Zero, (s, v) => s + v), sum);
        foreach (var (holder, balance) in model)
        {
            Assert.True(balance == BalanceOf(token, holder), $"{holder}: model {balance.ToString(CultureInfo.InvariantCulture)}");
        }
    }
}
