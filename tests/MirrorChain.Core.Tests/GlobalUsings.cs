// Namespaces most files of this project use; file-level usings name the rest.
global using MirrorChain.Core.Numerics;
global using Decimal = MirrorChain.Core.Numerics.Decimal;
