using System.Diagnostics;

namespace Safeguard.Core.Tests.Timescales;

/// <summary>Runs the real `safeguard` CLI (src/Safeguard.Cli build output) as a process.</summary>
public sealed class CalendarCliTests : IClassFixture<CalendarCliTests.CliFixture>, IDisposable
{
    private readonly CliFixture _cli;
    private readonly string _directory = Directory.CreateTempSubdirectory("safeguard-calendar-cli-").FullName;

    public CalendarCliTests(CliFixture cli) => _cli = cli;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void AddWorkingDays_OverEaster_PrintsOnlyTheDate()
    {
        var result = _cli.Run("calendar", "add-working-days", "2024-03-28", "1");

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdOut.ShouldBe("2024-04-02" + Environment.NewLine);
        result.StdErr.ShouldBeEmpty();
    }

    [Fact]
    public void AddWorkingDays_NegativeCount_GoesBack()
    {
        var result = _cli.Run("calendar", "add-working-days", "2024-04-02", "-1");

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdOut.Trim().ShouldBe("2024-03-28");
    }

    [Theory]
    [InlineData("2022-09-19", "false")] // State Funeral of Queen Elizabeth II
    [InlineData("2024-06-08", "false")] // Saturday
    [InlineData("2024-06-07", "true")]
    public void IsWorkingDay_PrintsTrueOrFalse(string date, string expected)
    {
        var result = _cli.Run("calendar", "is-working-day", date);

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdOut.ShouldBe(expected + Environment.NewLine);
    }

    [Theory]
    [InlineData("add-working-days", "28/03/2024", "1", "not a valid date")]
    [InlineData("add-working-days", "2024-03-28", "one", "not a whole number")]
    [InlineData("is-working-day", "2024-02-30", null, "not a valid date")]
    public void BadInput_ExitsWithTwoAndAClearMessage(string command, string date, string? count, string message)
    {
        var args = count is null ? new[] { "calendar", command, date } : ["calendar", command, date, count];

        var result = _cli.Run(args);

        result.ExitCode.ShouldBe(2);
        result.StdOut.ShouldBeEmpty();
        result.StdErr.ShouldContain(message);
        result.StdErr.ShouldNotContain(" at ");
    }

    [Fact]
    public void HolidaysOption_ReplacementFile_IsHonoured()
    {
        var path = Path.Combine(_directory, "holidays.csv");
        File.WriteAllText(path, "date,title\n2024-06-10,Council day\n");

        _cli.Run("calendar", "is-working-day", "2024-06-10", "--holidays", path).StdOut.Trim().ShouldBe("false");
        _cli.Run("calendar", "add-working-days", "2024-03-28", "1", "--holidays", path).StdOut.Trim()
            .ShouldBe("2024-03-29"); // Good Friday is not in this file
    }

    [Fact]
    public void HolidaysOption_MalformedFile_ExitsWithTwoNamingTheLine()
    {
        var path = Path.Combine(_directory, "bad.csv");
        File.WriteAllText(path, "date,title\n2024-06-10,Council day\n10/06/2024,Bad\n");

        var result = _cli.Run("calendar", "is-working-day", "2024-06-10", "--holidays", path);

        result.ExitCode.ShouldBe(2);
        result.StdErr.ShouldContain($"'{path}' line 3: '10/06/2024' is not a valid date");
    }

    public sealed record CliResult(int ExitCode, string StdOut, string StdErr);

    /// <summary>Runs the CLI build output that the project reference copies beside the tests.</summary>
    public sealed class CliFixture
    {
        private readonly string _cliDll = Path.Combine(AppContext.BaseDirectory, "safeguard.dll");

        public CliResult Run(params string[] args) =>
            Execute(DotnetHost(), ["exec", _cliDll, .. args], Path.GetTempPath());

        private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host
            ? host
            : "dotnet";

        private static CliResult Execute(string fileName, IEnumerable<string> args, string workingDirectory)
        {
            var start = new ProcessStartInfo(fileName)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory,
            };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment.Remove("Calendar__BankHolidaysFile");
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
            var stdOut = process.StandardOutput.ReadToEndAsync();
            var stdErr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish in 5 minutes.");
            }

            return new CliResult(process.ExitCode, stdOut.Result, stdErr.Result);
        }
    }
}
