namespace MirrorChain.Tests;

/// <summary>
/// What a killed process leaves of an open RocksDB store: a copy of its directory's files as they are now, taken
/// while the store stays open. RocksDB hands every logged write to the operating system before the write returns
/// (the WAL file), and writes table files and the MANIFEST as flushes finish, so the files hold exactly what
/// survives a SIGKILL: flushed memtables and the WAL; the memtables' unlogged writes are lost. Take it while no
/// flush or compaction runs (after <c>RocksDbStore.Flush</c> returns, with fewer table files than a compaction
/// needs), so no file is half written. Files that vanish while copying (an obsolete WAL being deleted) are skipped.
/// </summary>
internal static class CrashImage
{
    /// <summary>Copies the store files in <paramref name="liveDirectory"/> to <paramref name="target"/> (created); not its lock.</summary>
    public static void Copy(string liveDirectory, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(liveDirectory))
        {
            var name = Path.GetFileName(file);
            if (name == "LOCK")
            {
                continue;
            }
            try
            {
                File.Copy(file, Path.Combine(target, name));
            }
            catch (FileNotFoundException)
            {
                // deleted as obsolete while copying: not part of the store any more
            }
        }
    }
}
