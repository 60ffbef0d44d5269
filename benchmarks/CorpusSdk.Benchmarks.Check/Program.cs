using System;
using System.Diagnostics;
using System.IO;
using BenchmarkDotNet.Running;
using CorpusSdk.Benchmarks.Check;
using CorpusSdk.Cli;

// --quick: one timed run of 'corpus check' over 1,000 synthetic seeds, exit 1 over 2 s; otherwise BenchmarkDotNet.
if (args.Length > 0 && args[0] == "--quick")
{
    var benchmark = new CheckBenchmarks { Seeds = 1000 };
    benchmark.Setup();
    benchmark.CheckText(); // JIT warm-up, as after the first seed in a real run
    TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    benchmark.CheckText();
    double seconds = watch.Elapsed.TotalSeconds;
    double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    Console.WriteLine($"1,000 seeds checked in {seconds:F3} s ({cpuSeconds:F3} s of CPU, all threads: GC included)");
    return seconds < 2 ? 0 : 1;
}

BenchmarkSwitcher.FromAssembly(typeof(CheckBenchmarks).Assembly).Run(args);
return 0;
