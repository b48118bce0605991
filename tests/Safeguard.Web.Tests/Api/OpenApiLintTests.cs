using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Safeguard.Web.Tests.Infrastructure;

namespace Safeguard.Web.Tests.Api;

/// <summary>
/// The partner OpenAPI document, as the running app serves it, passes Redocly's "recommended" lint with no error and
/// no warning. Redocly CLI is pinned in tests/openapi-lint (package.json and package-lock.json) and installed there
/// with `npm ci` the first time this test runs on a machine.
/// </summary>
public sealed class OpenApiLintTests(SafeguardAppFactory app) : AppTests(app)
{
    [Fact]
    public async Task OpenApiDocument_PassesRedoclyRecommendedLint_WithNoErrorsOrWarnings()
    {
        var response = await App.CreateClient().GetAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var lintDirectory = LintDirectory();
        var document = Path.Combine(Path.GetTempPath(), $"safeguard-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await response.Content.ReadAsStringAsync());
        try
        {
            await InstallAsync(lintDirectory);
            var redocly = Path.Combine(lintDirectory, "node_modules", ".bin", "redocly");
            var (exit, output, errors) = await RunAsync(lintDirectory, redocly,
                "lint", "--extends", "recommended", "--format", "json", "--max-problems", "1000", document);

            var json = output[output.IndexOf('{')..];
            using var report = JsonDocument.Parse(json);
            var totals = report.RootElement.GetProperty("totals");
            var problems = report.RootElement.GetProperty("problems").EnumerateArray()
                .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()}")
                .ToList();
            totals.GetProperty("errors").GetInt32().ShouldBe(0, string.Join("\n", problems));
            totals.GetProperty("warnings").GetInt32().ShouldBe(0, string.Join("\n", problems));
            exit.ShouldBe(0, errors);
        }
        finally
        {
            File.Delete(document);
        }
    }

    private static string LintDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "openapi-lint");
            if (File.Exists(Path.Combine(candidate, "package-lock.json"))) return candidate;
        }
        throw new InvalidOperationException("tests/openapi-lint/package-lock.json not found above " + AppContext.BaseDirectory);
    }

    /// <summary>`npm ci` unless the pinned version is already installed.</summary>
    private static async Task InstallAsync(string directory)
    {
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "package.json")));
        var pinned = manifest.RootElement.GetProperty("devDependencies").GetProperty("@redocly/cli").GetString();
        var installed = Path.Combine(directory, "node_modules", "@redocly", "cli", "package.json");
        if (File.Exists(installed) && File.Exists(Path.Combine(directory, "node_modules", ".bin", "redocly")))
        {
            using var current = JsonDocument.Parse(await File.ReadAllTextAsync(installed));
            if (current.RootElement.GetProperty("version").GetString() == pinned) return;
        }
        var (exit, output, errors) = await RunAsync(directory, "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund");
        exit.ShouldBe(0, $"npm ci in {directory} failed:\n{output}\n{errors}");
    }

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(string directory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }
}
