global using Decimal = MirrorChain.Core.Numerics.Decimal;
