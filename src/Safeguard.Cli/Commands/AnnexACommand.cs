using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Data;
using Safeguard.Core.Returns;
using Safeguard.Core.Returns.AnnexA;

namespace Safeguard.Cli.Commands;

/// <summary>`safeguard returns annex-a`: Ofsted's Annex A lists 1 to 7 for a period, as an .xlsx workbook (docs/returns.md).</summary>
internal static class AnnexACommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The period's first day, YYYY-MM-DD (required)" };
        var to = new Option<string>("--to") { Description = "The period's last day, YYYY-MM-DD (required)" };
        var output = new Option<string>("--output") { Description = "The .xlsx file to write (required)" };
        var command = new Command("annex-a", "Write Ofsted's Annex A child-level lists 1 to 7 for a period, one sheet per list") { from, to, output };
        CliDatabase.AddOptionsTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (!TryDay(parse.GetValue(from), "--from", out var start) || !TryDay(parse.GetValue(to), "--to", out var end)) return 2;
            if (start > end)
            {
                Console.Error.WriteLine("--from: The period's first day must be on or before its last day (--to).");
                return 2;
            }
            // Checked here rather than by the parser, so that wrong input of any kind is exit code 2 with one line.
            if (string.IsNullOrWhiteSpace(parse.GetValue(output)))
            {
                Console.Error.WriteLine("--output: Enter the .xlsx file to write, for example --output annex-a.xlsx.");
                return 2;
            }
            if (ReturnFile.PathIn(parse.GetValue(output)!) is not { } path) return 2;

            var (provider, connection) = CliDatabase.Resolve(parse);
            await using var services = CliDatabase.Services(provider, connection);
            await using var scope = services.CreateAsyncScope();
            var export = new AnnexAExport(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>());
            var period = new ReturnPeriod(start, end);
            var stopwatch = Stopwatch.StartNew();
            if (await ReturnFile.WriteWholeAsync(path, file => export.WriteAsync(period, file, ProgressLines(), ct))
                is not { Written: true, Value: { } summary }) return 2;
            if (!Console.IsErrorRedirected) Console.Error.WriteLine();
            var lists = string.Join(", ", summary.Lists.Select(l => string.Create(CultureInfo.InvariantCulture, $"list {l.List.Number} {l.Rows:N0}")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Annex A {start:yyyy-MM-dd} to {end:yyyy-MM-dd}: {lists} rows written to {path} in {stopwatch.Elapsed.TotalSeconds:0.0} s"));
            return 0;
        });
        return command;
    }

    private static bool TryDay(string? text, string option, out DateOnly day)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)) return true;
        Console.Error.WriteLine($"{option}: Enter a real date as YYYY-MM-DD, for example 2026-03-31.");
        return false;
    }

    /// <summary>
    /// Rows written so far on one terminal line that updates itself: list 1, then list 2, then lists 3 to 7 together (they
    /// are written from the same reading of the children); nothing when standard error is not a terminal.
    /// </summary>
    private static IProgress<AnnexAProgress>? ProgressLines()
    {
        if (Console.IsErrorRedirected) return null;
        var rows = new SortedDictionary<int, int>();
        var line = 0;
        return new SynchronousProgress(p =>
        {
            var group = Math.Min(p.List.Number, 3);
            if (group != line && line != 0) Console.Error.WriteLine();
            line = group;
            rows[p.List.Number] = p.Rows;
            Console.Error.Write(group < 3
                ? $"\r{p.List.SheetName} ({p.List.Title}): {p.Rows:N0} rows"
                : "\rLists 3 to 7: " + string.Join(", ", rows.Where(r => r.Key >= 3).Select(r => $"list {r.Key} {r.Value:N0}")) + " rows");
        });
    }

    private sealed class SynchronousProgress(Action<AnnexAProgress> report) : IProgress<AnnexAProgress>
    {
        public void Report(AnnexAProgress value) => report(value);
    }
}
