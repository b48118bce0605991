using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Performance;
using Safeguard.Core.Performance.Daily;
using Safeguard.Core.Timescales;

namespace Safeguard.Cli.Commands;

/// <summary>`safeguard performance refresh`: (re)builds the dashboard's daily figures (docs/measures.md, "Speed").</summary>
internal static class PerformanceCommands
{
    public static Command Create()
    {
        var performance = new Command("performance", "The leaders' performance dashboard");
        performance.Subcommands.Add(CreateRefresh());
        return performance;
    }

    private static Command CreateRefresh()
    {
        var from = new Option<string?>("--from") { Description = $"First day, YYYY-MM-DD (default: {PerformancePeriodRule.MaxYears} years before today)" };
        var to = new Option<string?>("--to") { Description = "Last day, YYYY-MM-DD (default: today)" };
        var command = new Command("refresh", "Compute the dashboard's daily figures again for the days given, replacing what was there") { from, to };
        CliDatabase.AddOptionsTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var today = TimeLimits.UkDay(TimeProvider.System.GetUtcNow());
            var first = today.AddYears(-PerformancePeriodRule.MaxYears);
            var last = today;
            if ((parse.GetValue(from) is { } f && !TryDay(f, out first)) || (parse.GetValue(to) is { } t && !TryDay(t, out last))
                || last < first || last > today)
            {
                Console.Error.WriteLine("--from and --to: Enter dates as YYYY-MM-DD, the first not after the second, the second not after today.");
                return 2;
            }
            var (provider, connection) = CliDatabase.Resolve(parse);
            await using var services = CliDatabase.Services(provider, connection);
            await using var scope = services.CreateAsyncScope();
            var clock = Stopwatch.StartNew();
            var result = await scope.ServiceProvider.GetRequiredService<DailyFigures>().RefreshAsync(first, last, ct);
            Console.WriteLine($"Computed {result.Days} days ({result.From:yyyy-MM-dd} to {result.To:yyyy-MM-dd}): {result.Rows} rows in {clock.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        });
        return command;
    }

    private static bool TryDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
