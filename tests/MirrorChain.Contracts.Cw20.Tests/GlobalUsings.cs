global using System.Text;
global using System.Text.Json;
global using MirrorChain.Core;
global using MirrorChain.Contracts.Testing;
global using MirrorChain.Execution.Contracts;
global using Decimal = MirrorChain.Core.Numerics.Decimal;
global using MirrorChain.CosmWasm;
