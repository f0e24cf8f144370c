namespace MirrorChain.Storage;

/// <summary>An error reported by RocksDB; the message is RocksDB's own status text.</summary>
public class RocksDbException(string message) : Exception(message);
