// Namespaces most files of this project use; file-level usings name the rest.
global using System.Net;
global using System.Text;
global using System.Text.Json;
global using MirrorChain.Core;
global using MirrorChain.Node;
global using MirrorChain.Tests;
