using System.Globalization;
using MirrorChain.Tx.Proto.Cosmos.Tx.Signing.V1Beta1;

namespace MirrorChain.Tx.Amino;

/// <summary>The protobuf names of cosmos.tx.signing.v1beta1.SignMode, as errors and the LCD show them.</summary>
public static class SignModeNames
{
    public static string Of(SignMode mode) => mode switch
    {
        SignMode.Unspecified => "SIGN_MODE_UNSPECIFIED",
        SignMode.Direct => "SIGN_MODE_DIRECT",
        SignMode.Textual => "SIGN_MODE_TEXTUAL",
        SignMode.DirectAux => "SIGN_MODE_DIRECT_AUX",
        SignMode.LegacyAminoJson => "SIGN_MODE_LEGACY_AMINO_JSON",
        SignMode.Eip191 => "SIGN_MODE_EIP_191",
        _ => ((int)mode).ToString(CultureInfo.InvariantCulture),
    };
}
