using System.Runtime.CompilerServices;

// The mint's and factory's message surface is internal; its JSON is pinned by the contract tests.
[assembly: InternalsVisibleTo("MirrorChain.Contracts.Mirror.Tests")]
