// Namespaces most files of this project use; file-level usings name the rest.
global using System.Text;
global using MirrorChain.Core;
global using MirrorChain.Storage;
