namespace MirrorChain.Crypto.Tests;

/// <summary>
/// The public LocalTerra test accounts (terra-money/LocalTerra README; devnet keys only), path m/44'/330'/0'/0/0; the
/// addresses were derived with cosmjs.
/// </summary>
internal static class TestAccounts
{
    public const string Test1Mnemonic =
        "notice oak worry limit wrap speak medal online prefer cluster roof addict wrist behave treat actual wasp year salad speed social layer crew genius";

    public const string Test1Address = "terra1x46rqay4d3cssq8gxxvqz8xt6nwlz4td20k38v";

    public const string Test1PubKeyHex = "023b33a8524344061b12364cba20fe0a1ab36d4486abf451bb7cebd11ea2241e5b";

    public const string Test2Mnemonic =
        "quality vacuum heart guard buzz spike sight swarm shove special gym robust assume sudden deposit grid alcohol choice devote leader tilt noodle tide penalty";

    public const string Test2Address = "terra17lmam6zguazs5q5u6z5mmx76uj63gldnse2pdp";

    public static TheoryData<string, string, string> All => new()
    {
        { "validator", "terra1dcegyrekltswvyy0xy69ydgxn9x8x32zdtapd8", "satisfy adjust timber high purchase tuition stool faith fine install that you unaware feed domain license impose boss human eager hat rent enjoy dawn" },
        { "test1", Test1Address, Test1Mnemonic },
        { "test2", Test2Address, Test2Mnemonic },
        { "test3", "terra1757tkx08n0cqrw7p86ny9lnxsqeth0wgp0em95", "symbol force gallery make bulk round subway violin worry mixture penalty kingdom boring survey tool fringe patrol sausage hard admit remember broken alien absorb" },
        { "test4", "terra199vw7724lzkwz6lf2hsx04lrxfkz09tg8dlp6r", "bounce success option birth apple portion aunt rural episode solution hockey pencil lend session cause hedgehog slender journey system canvas decorate razor catch empty" },
        { "test5", "terra18wlvftxzj6zt0xugy2lr9nxzu402690ltaf4ss", "second render cat sing soup reward cluster island bench diet lumber grocery repeat balcony perfect diesel stumble piano distance caught occur example ozone loyal" },
        { "test6", "terra1e8ryd9ezefuucd4mje33zdms9m2s90m57878v9", "spatial forest elevator battle also spoon fun skirt flight initial nasty transfer glory palm drama gossip remove fan joke shove label dune debate quick" },
        { "test7", "terra17tv2hvwpg0ukqgd2y5ct2w54fyan7z0zxrm2f9", "noble width taxi input there patrol clown public spell aunt wish punch moment will misery eight excess arena pen turtle minimum grain vague inmate" },
        { "test8", "terra1lkccuqgj6sjwjn8gsa9xlklqv4pmrqg9dx2fxc", "cream sport mango believe inhale text fish rely elegant below earth april wall rug ritual blossom cherry detail length blind digital proof identify ride" },
        { "test9", "terra1333veey879eeqcff8j3gfcgwt8cfrg9mq20v6f", "index light average senior silent limit usual local involve delay update rack cause inmate wall render magnet common feature laundry exact casual resource hundred" },
        { "test10", "terra1fmcjjt6yc9wqup2r06urnrd928jhrde6gcld6n", "prefer forget visit mistake mixture feel eyebrow autumn shop pair address airport diesel street pass vague innocent poem method awful require hurry unhappy shoulder" },
    };
}
