global using System.Text;
global using MirrorChain.Core;
global using MirrorChain.Execution.Contracts;
global using MirrorChain.Contracts.Testing;
global using Decimal = MirrorChain.Core.Numerics.Decimal;
global using MirrorChain.CosmWasm;
