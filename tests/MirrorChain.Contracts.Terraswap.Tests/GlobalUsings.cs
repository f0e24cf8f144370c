global using MirrorChain.CosmWasm;
global using Decimal = MirrorChain.Core.Numerics.Decimal;
