// Namespaces nearly every test and fixture here uses; file-level usings name the rest.
global using System.Globalization;
global using System.Text;
global using System.Text.Json;
global using MirrorChain.Contracts.Testing;
global using MirrorChain.Core;
global using MirrorChain.Execution.Contracts;
global using Decimal = MirrorChain.Core.Numerics.Decimal;
