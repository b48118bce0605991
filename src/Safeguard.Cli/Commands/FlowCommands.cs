using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Oversight.Flow;

namespace Safeguard.Cli.Commands;

/// <summary>`safeguard flow replay`: the flow-drop rule run over past working days, raising nothing (docs/flow-alerts.md).</summary>
internal static class FlowCommands
{
    public static Command Create()
    {
        var flow = new Command("flow", "The flow of work from contacts to conferences, watched for a fall");
        flow.Subcommands.Add(CreateReplay());
        return flow;
    }

    private static Command CreateReplay()
    {
        var from = new Option<string>("--from") { Description = "First day, YYYY-MM-DD", Required = true };
        var to = new Option<string>("--to") { Description = "Last day, YYYY-MM-DD", Required = true };
        var command = new Command("replay", "Print the working days the flow-drop rule would alert on (settings: the defaults, or FlowWatch__* variables); raises nothing")
        {
            from, to,
        };
        CliDatabase.AddOptionsTo(command);
        command.SetAction(async (parse, ct) =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(from), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
                || !DateOnly.TryParseExact(parse.GetValue(to), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last)
                || last < first)
            {
                Console.Error.WriteLine("--from and --to: Enter two dates as YYYY-MM-DD, the first not after the second.");
                return 2;
            }
            var (provider, connection) = CliDatabase.Resolve(parse);
            await using var services = CliDatabase.Services(provider, connection, SettingsFromEnvironment);
            await using var scope = services.CreateAsyncScope();
            var watch = scope.ServiceProvider.GetRequiredService<FlowWatch>();
            var judged = await watch.ReplayAsync(first, last, ct);
            var alerts = judged.Where(j => j.Alert is not null).ToList();
            foreach (var j in alerts)
            {
                Console.WriteLine($"{j.Day.Day:yyyy-MM-dd}\t{j.Alert}\t{j.Stage}\t{j.Day.Count}\t{FlowWatch.Number(j.Day.Usual)}\t{j.Message()}");
            }
            var workingDays = judged.Select(j => j.Day.Day).Distinct().Count();
            var judgedDays = judged.Where(j => j.Day.Status != FlowStatus.NotJudged).Select(j => (j.Day.Day, j.Stage, j.OrganisationId)).Count();
            Console.WriteLine($"{workingDays} working days, {judgedDays} stage-days judged, {alerts.Count} would alert, "
                + $"on {alerts.Select(a => a.Day.Day).Distinct().Count()} days.");
            foreach (var group in alerts.GroupBy(a => (a.Stage, a.Alert)).OrderBy(g => g.Key.Stage))
            {
                Console.WriteLine($"  {group.Key.Stage.Words()}, {group.Key.Alert}: {group.Count()}");
            }
            return 0;
        });
        return command;
    }

    /// <summary>FlowWatch__DropBelow and the like, as the web app's configuration would give them.</summary>
    private static void SettingsFromEnvironment(IServiceCollection services) =>
        services.Configure<FlowWatchSettings>(s =>
        {
            static double? Number(string name) =>
                double.TryParse(Environment.GetEnvironmentVariable($"FlowWatch__{name}"), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
            s.DropBelow = Number(nameof(s.DropBelow)) ?? s.DropBelow;
            s.QuietDayFactor = Number(nameof(s.QuietDayFactor)) ?? s.QuietDayFactor;
            s.MinimumUsual = Number(nameof(s.MinimumUsual)) ?? s.MinimumUsual;
            s.MaxChance = Number(nameof(s.MaxChance)) ?? s.MaxChance;
            s.UsualWeeks = (int)(Number(nameof(s.UsualWeeks)) ?? s.UsualWeeks);
            s.SpreadWeeks = (int)(Number(nameof(s.SpreadWeeks)) ?? s.SpreadWeeks);
            s.SummerFactor = Number(nameof(s.SummerFactor)) ?? s.SummerFactor;
            s.SummerFrom = Environment.GetEnvironmentVariable($"FlowWatch__{nameof(s.SummerFrom)}") ?? s.SummerFrom;
            s.SummerTo = Environment.GetEnvironmentVariable($"FlowWatch__{nameof(s.SummerTo)}") ?? s.SummerTo;
        });
}
