global using System.Text;
global using MirrorChain.Contracts.Testing;
global using MirrorChain.Core;
global using MirrorChain.CosmWasm;
global using MirrorChain.Execution.Contracts;
global using Decimal = MirrorChain.Core.Numerics.Decimal;
