namespace MirrorChain.Fuzz.Engine;

/// <summary>Blind byte-level mutations (for protobuf and as the rough edge of the JSON mutator).</summary>
public static class ByteMutator
{
    private static readonly byte[][] Interesting =
    [
        [0x00], [0xFF], [0x7F], [0x80], [0xC0], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01],
        [0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F], [0x12, 0x00], [0x1A, 0x01], [0x08, 0x00],
    ];

    public static byte[] Mutate(byte[] input, FuzzRandom r, IReadOnlyList<byte[]>? splice = null)
    {
        var data = new List<byte>(input);
        var rounds = 1 + r.Next(4);
        for (var k = 0; k < rounds; k++)
        {
            switch (r.Next(9))
            {
                case 0 when data.Count > 0: // flip a bit
                    var i = r.Next(data.Count);
                    data[i] ^= (byte)(1 << r.Next(8));
                    break;
                case 1 when data.Count > 0: // random byte
                    data[r.Next(data.Count)] = (byte)r.Next(256);
                    break;
                case 2: // insert interesting bytes
                    data.InsertRange(r.Next(data.Count + 1), r.Pick(Interesting));
                    break;
                case 3 when data.Count > 0: // delete a run
                    var at = r.Next(data.Count);
                    data.RemoveRange(at, Math.Min(data.Count - at, 1 + r.Next(8)));
                    break;
                case 4 when data.Count > 0: // truncate
                    var keep = r.Next(data.Count);
                    data.RemoveRange(keep, data.Count - keep);
                    break;
                case 5 when data.Count > 1: // duplicate a run
                    var from = r.Next(data.Count);
                    var len = Math.Min(data.Count - from, 1 + r.Next(32));
                    data.InsertRange(r.Next(data.Count + 1), data.GetRange(from, len));
                    break;
                case 6 when splice is { Count: > 0 }: // splice another corpus item's tail
                    var other = r.Pick(splice);
                    if (other.Length > 0)
                    {
                        var cut = r.Next(data.Count + 1);
                        data.RemoveRange(cut, data.Count - cut);
                        data.AddRange(other.AsSpan(r.Next(other.Length)).ToArray());
                    }
                    break;
                case 7 when data.Count > 0: // set a byte to a length-ish value
                    data[r.Next(data.Count)] = r.Pick<byte>([0, 1, 0x7F, 0x80, 0xFF, 0x3F, 0x40]);
                    break;
                default: // append garbage
                    for (var n = r.Next(16); n > 0; n--)
                    {
                        data.Add((byte)r.Next(256));
                    }
                    break;
            }
        }
        return [.. data];
    }
}
