// Namespaces most files of this project use; file-level usings name the rest.
global using Google.Protobuf;
global using MirrorChain.Abci.Proto;
global using MirrorChain.Core;
global using MirrorChain.Node;
global using MirrorChain.Tests;
