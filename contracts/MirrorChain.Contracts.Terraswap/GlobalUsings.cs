global using Decimal = MirrorChain.Core.Numerics.Decimal;
global using MirrorChain.CosmWasm;
