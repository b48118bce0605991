using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.People.Matching;

namespace Safeguard.Cli.Commands;

/// <summary>`safeguard people ...`: person matching operator commands.</summary>
internal static class PeopleCommands
{
    public static Command Create()
    {
        var people = new Command("people", "Person records: find duplicates and explain matches");
        people.Subcommands.Add(CreateDedupe());
        people.Subcommands.Add(CreateSweep());
        return people;
    }

    private static Command CreateSweep()
    {
        var command = new Command("sweep", "Find likely duplicate people in the database and queue new pairs for review (never merges)");
        CliDatabase.AddOptionsTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var (provider, connection) = CliDatabase.Resolve(parse);
            await using var services = CliDatabase.Services(provider, connection);
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<Safeguard.Core.People.DuplicateSweep>().RunAsync(ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"people {result.PeopleScanned}, pairs found {result.PairsFound}, newly queued for review {result.Queued}, "
                + $"name keys filled {result.KeysFilled}, elapsed {result.Elapsed.TotalMilliseconds:0} ms"));
            return 0;
        });
        return command;
    }

    private static Command CreateDedupe()
    {
        var input = new Option<string>("--input") { Description = "File of person records", Required = true };
        var format = new Option<string>("--format") { Description = "Input format (febrl)", Required = true };
        var output = new Option<string>("--output") { Description = "CSV file to write: id1,id2,score", Required = true };
        var threshold = new Option<double?>("--threshold")
        {
            Description = "Minimum score (sum of log2 weights) for a pair to be judged the same person. "
                + "Default: the score at which a candidate pair is at least as likely a match as not.",
        };
        var noClosure = new Option<bool>("--no-closure") { Description = "Do not add pairs implied by transitive closure" };
        var showModel = new Option<bool>("--show-model") { Description = "Print the fitted m/u probabilities and weights" };

        var dedupe = new Command("dedupe", "Find records that are the same person (unsupervised Fellegi–Sunter weights)")
        {
            input, format, output, threshold, noClosure, showModel,
        };
        dedupe.SetAction(parseResult => Dedupe(
            parseResult.GetValue(input)!,
            parseResult.GetValue(format)!,
            parseResult.GetValue(output)!,
            parseResult.GetValue(threshold),
            !parseResult.GetValue(noClosure),
            parseResult.GetValue(showModel)));
        return dedupe;
    }

    private static int Dedupe(string input, string format, string output, double? threshold, bool closure, bool showModel)
    {
        var stopwatch = Stopwatch.StartNew();
        if (!string.Equals(format, "febrl", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine($"Unknown format '{format}'. Supported formats: febrl.");
            return 2;
        }

        if (!File.Exists(input))
        {
            Console.Error.WriteLine($"Input file not found: {input}");
            return 2;
        }

        IReadOnlyList<PersonRecord> records;
        try
        {
            records = FebrlReader.Read(input);
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"{input} is not a valid FEBRL file: {ex.Message}");
            return 2;
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"Could not read {input}: {ex.Message}");
            return 2;
        }

        var result = PersonMatcher.Deduplicate(records, threshold, new DedupeOptions { TransitiveClosure = closure });
        try
        {
            using var writer = new StreamWriter(output);
            writer.WriteLine("id1,id2,score");
            foreach (var pair in result.Pairs)
            {
                writer.Write(Csv(pair.Id1));
                writer.Write(',');
                writer.Write(Csv(pair.Id2));
                writer.Write(',');
                writer.WriteLine(pair.Score.ToString("0.###", CultureInfo.InvariantCulture));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Could not write {output}: {ex.Message}");
            return 2;
        }

        stopwatch.Stop();
        if (showModel)
        {
            Console.WriteLine(result.Model);
        }

        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        var certain = result.Pairs.Count(p => p.Band == MatchBand.Certain);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"records {result.RecordCount}, candidate pairs {result.CandidatePairs}, pairs written {result.Pairs.Count} "
            + $"({certain} certain, {result.Pairs.Count - certain} possible - review), "
            + $"threshold {result.Thresholds.Possible:0.0}, elapsed {stopwatch.ElapsedMilliseconds} ms, peak memory {peakMb:0} MB"));
        return 0;
    }

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
