// Namespaces most files of this project use; file-level usings name the rest.
global using System.Security.Cryptography;
global using System.Text;
global using MirrorChain.Core;
