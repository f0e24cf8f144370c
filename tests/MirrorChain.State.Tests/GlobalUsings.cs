// TempDirectory and the other helpers shared by all test projects (tests/Shared).
global using MirrorChain.Tests;
