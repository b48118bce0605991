using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Workforce;

namespace Safeguard.Cli.Commands;

/// <summary>What the organisation and team commands share: a scope on the database, refusals and tables.</summary>
internal sealed class WorkforceRun : IAsyncDisposable
{
    public const int BadInput = 2;

    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;
    private readonly ParseResult _parse;

    private WorkforceRun(ParseResult parse)
    {
        _parse = parse;
        var (provider, connection) = CliDatabase.Resolve(parse);
        _services = CliDatabase.Services(provider, connection);
        _scope = _services.CreateAsyncScope();
    }

    public static WorkforceRun Start(ParseResult parse) => new(parse);

    public TextWriter Output => _parse.InvocationConfiguration.Output;

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>Each problem on a line of its own ("Name: There is already ..."), exit code 2.</summary>
    /// <param name="nameOption">The option that gave the name checked (--to when renaming).</param>
    public int Refused(WorkforceChangeResult result, string nameOption = "--name")
    {
        foreach (var (field, message) in result.Errors)
        {
            var option = field == "Name" ? nameOption : Option(field);
            _parse.InvocationConfiguration.Error.WriteLine(field is "" ? $"{message}." : $"{option}: {message}.");
        }
        return BadInput;
    }

    public int NotFound(string what, string name)
    {
        _parse.InvocationConfiguration.Error.WriteLine($"There is no {what} called '{name.Trim()}'. See `safeguard {what} list --all`.");
        return BadInput;
    }

    public void Table(string[] headings, IEnumerable<string[]> rows)
    {
        var lines = rows.ToList();
        var widths = headings.Select((h, i) => Math.Max(h.Length, lines.Count == 0 ? 0 : lines.Max(r => r[i].Length))).ToArray();
        Output.WriteLine(Line(headings, widths));
        foreach (var row in lines) Output.WriteLine(Line(row, widths));
    }

    public static string Status(DateTimeOffset? retiredAt) =>
        retiredAt is { } at ? "retired " + at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "active";

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();

    /// <summary>The command-line option a field's problem is about.</summary>
    private static string Option(string field) => field switch
    {
        "Name" => "--name",
        "Kind" => "--kind",
        "CinReferralSourceCode" => "--cin-code",
        "Reason" => "--reason",
        _ => field,
    };

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
    }
}
