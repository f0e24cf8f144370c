using MirrorChain.Core;

namespace MirrorChain.Tx.Tests;

/// <summary>
/// A SIGN_MODE_DIRECT signing vector made with cosmjs 0.38.1 (@cosmjs/proto-signing <c>DirectSecp256k1HdWallet</c>,
/// deterministic RFC 6979 signature): LocalTerra test1 key, account 7, sequence 3, chain mirrorchain-1.
/// </summary>
internal static class CosmjsSignVector
{
    public const string Test1Mnemonic =
        "notice oak worry limit wrap speak medal online prefer cluster roof addict wrist behave treat actual wasp year salad speed social layer crew genius";

    public const string Test1Address = "terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v";
    public const string Test1PubKeyHex = "023b33a8524344061b12364cba20fe0a1ab36d4486abf451bb7cebd11ea2241e5b";
    public const string ChainId = "mirrorchain-1";
    public const ulong AccountNumber = 7;

    public const string BodyHex =
        "0a91010a242f636f736d7761736d2e7761736d2e76312e4d736745786563757465436f6e747261637412690a2c74657272613178343672716179346433637373713867787876717a387874366e776c7a34746432306b333876122c74657272613178343672716179346433637373713867787876717a387874366e776c7a34746432306b3338761a0b7b2270696e67223a7b7d7d";

    public const string AuthInfoHex =
        "0a500a460a1f2f636f736d6f732e63727970746f2e736563703235366b312e5075624b657912230a21023b33a8524344061b12364cba20fe0a1ab36d4486abf451bb7cebd11ea2241e5b12040a020801180312130a0d0a05756c756e6112043330303010c09a0c";

    public const string SignatureHex =
        "b8d83109d2d79efebd80adb85e5f0565199581354330d0c16780a9922d54e48040e80d0a61f56e642d186a086ae40f7140d7d470be4a655cd5c393a82126df99";

    public const string SignDocSha256Hex = "eec34edef5a76dcd6218f55d6fd5652473c1b5f9c0b0ecbfe1f9b98f400b6cdb";

    public const string TxHashHex = "05F8873646778475C894ABE4A542700C738DA7C2C3019DC9E3D8410086A77F2E";

    public static byte[] Body => Hex.Decode(BodyHex);

    public static byte[] AuthInfo => Hex.Decode(AuthInfoHex);

    public static byte[] Signature => Hex.Decode(SignatureHex);

    /// <summary>SignDoc = 0a9401 body 1267 auth_info 1a0d "mirrorchain-1" 2007.</summary>
    public static byte[] SignDoc => Hex.Decode("0a9401" + BodyHex + "1267" + AuthInfoHex + "1a0d6d6972726f72636861696e2d31" + "2007");

    /// <summary>TxRaw = 0a9401 body 1267 auth_info 1a40 signature.</summary>
    public static byte[] TxRaw => Hex.Decode("0a9401" + BodyHex + "1267" + AuthInfoHex + "1a40" + SignatureHex);
}
