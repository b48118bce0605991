using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Safeguard.Core.Data;
using Safeguard.Core.Returns;
using Safeguard.Core.Returns.Validation;
using Safeguard.Core.Text;
using Safeguard.Core.Timescales;

namespace Safeguard.Cli.Commands;

/// <summary>`safeguard returns ...`: statutory returns written from the record (docs/returns.md).</summary>
internal static class ReturnsCommands
{
    public static Command Create()
    {
        var returns = new Command("returns", "Statutory returns: the Children in Need census, Ofsted's Annex A lists");
        returns.Subcommands.Add(CreateCinCensus());
        returns.Subcommands.Add(AnnexACommand.Create());
        return returns;
    }

    private static Command CreateCinCensus()
    {
        var year = new Option<int>("--year") { Description = "The census year, named by the year it ends in: 2026 is 1 April 2025 to 31 March 2026", Required = true };
        var output = new Option<string>("--output") { Description = "The XML file to write", Required = true };
        var check = new Option<bool>("--check") { Description = "Also check every child against the DfE rules Safeguard knows and list the failures" };
        var command = new Command("cin-census", "Write the DfE Children in Need census XML for a year (LA code etc. from CinCensus__* variables)")
        {
            year, output, check,
        };
        CliDatabase.AddOptionsTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var endingIn = parse.GetValue(year);
            if (endingIn is < 2013 or > 2100)
            {
                Console.Error.WriteLine("--year: Enter the year the census ends in, for example 2026 for 1 April 2025 to 31 March 2026.");
                return 2;
            }
            if (ReturnFile.PathIn(parse.GetValue(output)!) is not { } path) return 2;

            var (provider, connection) = CliDatabase.Resolve(parse);
            await using var services = CliDatabase.Services(provider, connection);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var settings = SettingsFromEnvironment();
            var export = new CinCensusExport(db, Options.Create(settings), TimeProvider.System);
            var census = new CensusYear(endingIn);
            var checker = parse.GetValue(check)
                ? new CensusCheck(CensusContext.For(census, settings, scope.ServiceProvider.GetRequiredService<IWorkingDayCalendar>()))
                : null;
            if (await ReturnFile.WriteWholeAsync(path, file => export.WriteAsync(census, file, ProgressLine(), ct, checker is null ? null : checker.Add))
                is not { Written: true, Value: { } summary }) return 2;
            if (!Console.IsErrorRedirected) Console.Error.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CIN census {census} (reference date {census.ReferenceDate:yyyy-MM-dd}): {Plural.Count(summary.Children, "child", "children")}, "
                + $"{Plural.Count(summary.Episodes, "CIN episode")} written to {path} in {summary.Elapsed.TotalSeconds:0.0} s"));
            if (checker is not null) WriteFailures(checker.Finish());
            return 0;
        });
        return command;
    }

    /// <summary>
    /// A line of totals, then one line per rule that failed: its code, severity, how many children (or the whole return),
    /// and DfE's message.
    /// </summary>
    private static void WriteFailures(IReadOnlyList<CensusFailure> failures)
    {
        var errors = failures.Count(f => f.Severity == RuleSeverity.Error);
        Console.WriteLine($"Checked against {CensusRules.All.Count} of DfE's rules: {Plural.Count(errors, "error")}, "
            + $"{Plural.Count(failures.Count - errors, "query", "queries")}");
        foreach (var rule in failures.GroupBy(f => (f.Code, f.Severity, f.Message)).OrderBy(g => g.Key.Severity).ThenBy(g => g.Key.Code, StringComparer.Ordinal))
        {
            var children = rule.Select(f => f.LaChildId).OfType<string>().Distinct().ToList();
            var who = children.Count == 0
                ? "the whole return"
                : $"{Plural.Count(children.Count, "child", "children")}, e.g. {string.Join(", ", children.Take(3))}";
            Console.WriteLine($"{rule.Key.Code} {rule.Key.Severity} ({who}): {rule.Key.Message.Trim()}");
        }
    }

    /// <summary>Children written so far, on one line of the terminal that updates itself; nothing when standard error is not a terminal.</summary>
    private static IProgress<int>? ProgressLine() =>
        Console.IsErrorRedirected ? null : new SynchronousProgress(n => Console.Error.Write($"\r{Plural.Count(n, "child", "children")} written"));

    private static CinCensusSettings SettingsFromEnvironment()
    {
        var settings = new CinCensusSettings();
        settings.LaCode = Environment.GetEnvironmentVariable("CinCensus__LaCode") ?? settings.LaCode;
        settings.SoftwareCode = Environment.GetEnvironmentVariable("CinCensus__SoftwareCode") ?? settings.SoftwareCode;
        settings.Release = Environment.GetEnvironmentVariable("CinCensus__Release") ?? settings.Release;
        settings.SerialNo = Environment.GetEnvironmentVariable("CinCensus__SerialNo") ?? settings.SerialNo;
        return settings;
    }

    // Progress<T> posts to the thread pool; a console line must be written in order.
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
