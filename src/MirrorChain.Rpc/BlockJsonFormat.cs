using System.Text.Json;
using MirrorChain.Core;

namespace MirrorChain.Rpc;

/// <summary>
/// How one wire spells the parts of a block that <see cref="BlockJson"/> writes: CometBFT's JSON-RPC (HexBytes as
/// upper-case hex, <c>parts</c>) or the Cosmos gateway's proto3 JSON of tendermint.types.Block (bytes as base64,
/// <c>part_set_header</c>), whose <c>sdk_block</c> variant gives the proposer as a bech32 consensus address.
/// </summary>
internal sealed class BlockJsonFormat
{
    /// <summary>Bech32 prefix of consensus (validator) addresses on Terra.</summary>
    public const string ValconsPrefix = "terravalcons";

    /// <summary>CometBFT 0.38 JSON-RPC (<c>block</c>, <c>header</c>, <c>blockchain</c>).</summary>
    public static BlockJsonFormat CometBft { get; } = new(hex: true, partsName: "parts", bech32Proposer: false, clampLastCommitHeight: false);

    /// <summary>The gateway's <c>block</c> field (tendermint.types.Block).</summary>
    public static BlockJsonFormat Gateway { get; } = new(hex: false, partsName: "part_set_header", bech32Proposer: false, clampLastCommitHeight: true);

    /// <summary>The gateway's <c>sdk_block</c> field (cosmos.base.tendermint.v1beta1.Block).</summary>
    public static BlockJsonFormat GatewaySdk { get; } = new(hex: false, partsName: "part_set_header", bech32Proposer: true, clampLastCommitHeight: true);

    private readonly bool _hex;
    private readonly bool _bech32Proposer;

    private BlockJsonFormat(bool hex, string partsName, bool bech32Proposer, bool clampLastCommitHeight)
    {
        _hex = hex;
        PartsName = partsName;
        _bech32Proposer = bech32Proposer;
        ClampLastCommitHeight = clampLastCommitHeight;
    }

    /// <summary>Name of the part-set header inside a block id.</summary>
    public string PartsName { get; }

    /// <summary>Whether <c>last_commit.height</c> of block 0 is written as 0 rather than -1.</summary>
    public bool ClampLastCommitHeight { get; }

    /// <summary>A hash or other bytes field.</summary>
    public void WriteBytes(Utf8JsonWriter w, string name, ReadOnlySpan<byte> value)
    {
        if (_hex)
        {
            w.WriteHex(name, value);
        }
        else
        {
            w.WriteBase64String(name, value);
        }
    }

    /// <summary>
    /// A CommitSig's <c>block_id_flag</c>: a number on CometBFT's JSON-RPC, the cometbft.types.BlockIDFlag enum name
    /// in the gateway's proto3 JSON (1 absent, 2 commit, 3 nil).
    /// </summary>
    public void WriteBlockIdFlag(Utf8JsonWriter w, long flag)
    {
        if (_hex)
        {
            w.WriteNumber("block_id_flag", flag);
        }
        else
        {
            w.WriteString("block_id_flag", BlockIdFlagName(flag));
        }
    }

    /// <summary>The proto3 JSON name of a cometbft.types.BlockIDFlag value.</summary>
    public static string BlockIdFlagName(long flag) => flag switch
    {
        1 => "BLOCK_ID_FLAG_ABSENT",
        2 => "BLOCK_ID_FLAG_COMMIT",
        3 => "BLOCK_ID_FLAG_NIL",
        _ => "BLOCK_ID_FLAG_UNKNOWN",
    };

    public void WriteProposer(Utf8JsonWriter w, ReadOnlySpan<byte> proposer)
    {
        if (_bech32Proposer)
        {
            w.WriteString("proposer_address", proposer.IsEmpty ? "" : Bech32.Encode(ValconsPrefix, proposer));
        }
        else
        {
            WriteBytes(w, "proposer_address", proposer);
        }
    }
}
