// Kept although nothing here may name Decimal: it makes `Decimal` the deterministic CosmWasm one, never System.Decimal.
#pragma warning disable IDE0005
global using Decimal = MirrorChain.Core.Numerics.Decimal;
#pragma warning restore IDE0005
global using MirrorChain.CosmWasm;
