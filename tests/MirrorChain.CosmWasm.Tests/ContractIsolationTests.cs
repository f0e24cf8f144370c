using System.Reflection;
using System.Xml.Linq;
using MirrorChain.Contracts.Cw20;
using MirrorChain.Contracts.Mirror;
using MirrorChain.Contracts.Terraswap.Pair;
using MirrorChain.Tests;

namespace MirrorChain.CosmWasm.Tests;

/// <summary>
/// Contracts see the chain only through MirrorChain.CosmWasm (the cosmwasm-std analogue) and Core, as a wasm
/// contract sees only its imports: the project references make anything else a compile error, and this test
/// documents it on the built assemblies.
/// </summary>
public sealed class ContractIsolationTests
{
    private static readonly string[] Host =
        ["MirrorChain.Execution", "MirrorChain.State", "MirrorChain.Storage", "MirrorChain.Tx", "MirrorChain.Node", "MirrorChain.Rpc", "MirrorChain.Cli", "MirrorChain.Crypto"];

    public static TheoryData<string, string[]> Packages => new()
    {
        // Rust: cw20-base depends on cosmwasm-std; terraswap on cw20; mirror on terraswap and cw20
        { typeof(Cw20BaseContract).Assembly.GetName().Name!, ["MirrorChain.Core", "MirrorChain.CosmWasm"] },
        { typeof(PairContract).Assembly.GetName().Name!, ["MirrorChain.Core", "MirrorChain.CosmWasm", "MirrorChain.Contracts.Cw20"] },
        {
            typeof(MirrorCodes).Assembly.GetName().Name!,
            ["MirrorChain.Core", "MirrorChain.CosmWasm", "MirrorChain.Contracts.Cw20", "MirrorChain.Contracts.Terraswap"]
        },
        { typeof(IContract).Assembly.GetName().Name!, ["MirrorChain.Core"] },
    };

    [Theory]
    [MemberData(nameof(Packages))]
    public void Contract_packages_reference_no_host_assembly(string assembly, string[] allowed)
    {
        var references = MirrorChainReferences(assembly);
        Assert.Empty(references.Intersect(Host));
        Assert.Empty(references.Except(allowed));
    }

    [Fact]
    public void Contract_packages_do_reference_the_contract_surface()
    {
        Assert.Contains("MirrorChain.CosmWasm", MirrorChainReferences(typeof(Cw20BaseContract).Assembly.GetName().Name!));
        Assert.Contains("MirrorChain.CosmWasm", MirrorChainReferences(typeof(MirrorCodes).Assembly.GetName().Name!));
    }

    [Theory]
    [InlineData("contracts/MirrorChain.Contracts.Cw20/MirrorChain.Contracts.Cw20.csproj")]
    [InlineData("contracts/MirrorChain.Contracts.Terraswap/MirrorChain.Contracts.Terraswap.csproj")]
    [InlineData("contracts/MirrorChain.Contracts.Mirror/MirrorChain.Contracts.Mirror.csproj")]
    [InlineData("src/MirrorChain.CosmWasm/MirrorChain.CosmWasm.csproj")]
    public void Contract_projects_have_no_project_reference_to_the_host(string project)
    {
        var references = XDocument.Load(RepoPaths.File(project)).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value))
            .ToList();
        Assert.NotEmpty(references);
        Assert.Empty(references.Intersect(Host));
        Assert.DoesNotContain(references, r => !r.StartsWith("MirrorChain.Contracts.", StringComparison.Ordinal) && r is not ("MirrorChain.Core" or "MirrorChain.CosmWasm"));
    }

    private static List<string> MirrorChainReferences(string assembly) =>
    [
        .. Assembly.Load(assembly).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("MirrorChain.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal),
    ];
}
