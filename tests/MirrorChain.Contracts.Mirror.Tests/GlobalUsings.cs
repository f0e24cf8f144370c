// Namespaces nearly every test and fixture here uses; file-level usings name the rest.
global using System.Globalization;
global using System.Text;
global using System.Text.Json;
global using MirrorChain.Contracts.Mirror.Tests.Support;
global using MirrorChain.Contracts.Testing;
global using MirrorChain.Core;
global using MirrorChain.CosmWasm;
global using MirrorChain.Execution.Contracts;
global using static MirrorChain.Contracts.Mirror.Tests.Support.ExecuteErrors;
global using Decimal = MirrorChain.Core.Numerics.Decimal;
