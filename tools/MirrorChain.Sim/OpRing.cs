namespace MirrorChain.Sim;

/// <summary>The last ops of the run, for a failure report.</summary>
public sealed class OpRing(int capacity)
{
    private readonly Queue<string> _items = new();

    public void Add(string line)
    {
        _items.Enqueue(line);
        while (_items.Count > capacity)
        {
            _items.Dequeue();
        }
    }

    public IReadOnlyList<string> Items => _items.ToList();
}
