// Namespaces most files of this project use; file-level usings name the rest.
global using System.Text;
global using System.Text.Json;
global using MirrorChain.Contracts.Testing;
global using MirrorChain.Core;
global using MirrorChain.CosmWasm;
global using MirrorChain.Execution.Contracts;
// Kept although nothing here may name Decimal: it makes `Decimal` the deterministic CosmWasm one, never System.Decimal.
#pragma warning disable IDE0005
global using Decimal = MirrorChain.Core.Numerics.Decimal;
#pragma warning restore IDE0005
