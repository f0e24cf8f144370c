namespace MirrorChain.Core;

/// <summary>A registered error: codespace + code + description, as the Cosmos SDK's errors registry.</summary>
public sealed record SdkError(string Codespace, uint Code, string Description)
{
    // codespace "sdk" (cosmos-sdk types/errors)
    public static readonly SdkError TxDecode = new("sdk", 2, "tx parse error");
    public static readonly SdkError InvalidSequence = new("sdk", 3, "invalid sequence");
    public static readonly SdkError Unauthorized = new("sdk", 4, "unauthorized");
    public static readonly SdkError InsufficientFunds = new("sdk", 5, "insufficient funds");
    public static readonly SdkError UnknownRequest = new("sdk", 6, "unknown request");
    public static readonly SdkError InvalidAddress = new("sdk", 7, "invalid address");
    public static readonly SdkError InvalidPubKey = new("sdk", 8, "invalid pubkey");
    public static readonly SdkError UnknownAddress = new("sdk", 9, "unknown address");
    public static readonly SdkError InvalidCoins = new("sdk", 10, "invalid coins");
    public static readonly SdkError OutOfGas = new("sdk", 11, "out of gas");
    public static readonly SdkError MemoTooLarge = new("sdk", 12, "memo too large");
    public static readonly SdkError InsufficientFee = new("sdk", 13, "insufficient fee");
    public static readonly SdkError TooManySignatures = new("sdk", 14, "maximum number of signatures exceeded");
    public static readonly SdkError NoSignatures = new("sdk", 15, "no signatures supplied");
    public static readonly SdkError JsonMarshal = new("sdk", 16, "failed to marshal JSON bytes");
    public static readonly SdkError JsonUnmarshal = new("sdk", 17, "failed to unmarshal JSON bytes");
    public static readonly SdkError InvalidRequest = new("sdk", 18, "invalid request");
    public static readonly SdkError TxInMempoolCache = new("sdk", 19, "tx already in mempool");
    public static readonly SdkError MempoolIsFull = new("sdk", 20, "mempool is full");
    public static readonly SdkError TxTooLarge = new("sdk", 21, "tx too large");
    public static readonly SdkError KeyNotFound = new("sdk", 22, "key not found");
    public static readonly SdkError WrongPassword = new("sdk", 23, "invalid account password");
    public static readonly SdkError InvalidChainId = new("sdk", 28, "invalid chain-id");
    public static readonly SdkError InvalidType = new("sdk", 29, "invalid type");
    public static readonly SdkError TxTimeoutHeight = new("sdk", 30, "tx timeout height");
    public static readonly SdkError UnknownExtensionOptions = new("sdk", 31, "unknown extension options");
    public static readonly SdkError WrongSequence = new("sdk", 32, "incorrect account sequence");
    public static readonly SdkError PackAny = new("sdk", 33, "failed packing protobuf message to Any");
    public static readonly SdkError UnpackAny = new("sdk", 34, "failed unpacking protobuf message from Any");
    public static readonly SdkError Logic = new("sdk", 35, "internal logic error");
    public static readonly SdkError Conflict = new("sdk", 36, "conflict");
    public static readonly SdkError NotSupported = new("sdk", 37, "feature not supported");
    public static readonly SdkError NotFound = new("sdk", 38, "not found");
    public static readonly SdkError InvalidGasLimit = new("sdk", 41, "invalid gas limit");

    // codespace "wasm" (wasmd x/wasm/types/errors.go)
    public static readonly SdkError WasmInstantiateFailed = new("wasm", 4, "instantiate wasm contract failed");
    public static readonly SdkError WasmExecuteFailed = new("wasm", 5, "execute wasm contract failed");
    public static readonly SdkError WasmGasLimit = new("wasm", 6, "insufficient gas");
    public static readonly SdkError WasmInvalidGenesis = new("wasm", 7, "invalid genesis");
    public static readonly SdkError WasmNotFound = new("wasm", 8, "not found");
    public static readonly SdkError WasmQueryFailed = new("wasm", 9, "query wasm contract failed");
    public static readonly SdkError WasmInvalidMsg = new("wasm", 10, "invalid CosmosMsg from the contract");
    public static readonly SdkError WasmMigrationFailed = new("wasm", 11, "migrate wasm contract failed");
    public static readonly SdkError WasmEmpty = new("wasm", 14, "empty");
    public static readonly SdkError WasmInvalid = new("wasm", 21, "invalid");
    public static readonly SdkError WasmNoSuchCode = new("wasm", 22, "no such code");
    public static readonly SdkError WasmMaxCallDepth = new("wasm", 27, "max call depth exceeded");

    /// <summary>Wraps this error with context, as <c>errorsmod.Wrapf</c>: the log reads "context: description".</summary>
    public SdkException Wrap(string context) => new(this, $"{context}: {Description}");

    public SdkException Exception() => new(this, Description);
}

/// <summary>An error that becomes a tx result's (codespace, code, log) or a query's error response.</summary>
public sealed class SdkException(SdkError error, string log) : Exception(log)
{
    public SdkError Error { get; } = error;

    public string Log => Message;
}
