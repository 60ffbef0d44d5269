using System;
using System.Text;
using CorpusSdk.Cli;
using CorpusSdk.Seeds;

// UTF-8 without a byte order mark, whatever the terminal's locale says.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
return CorpusCli.Run(
    args,
    Console.Out,
    Console.Error,
    Corpus.Instance,
    new CorpusCliOptions
    {
        ShowProgress = !Console.IsErrorRedirected,
        Highlight = !Console.IsOutputRedirected,
    });
