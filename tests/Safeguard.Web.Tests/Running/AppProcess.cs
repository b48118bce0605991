using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Safeguard.Web.Tests.Running;

/// <summary>
/// The built Safeguard.Web.dll run as a separate process (<c>dotnet Safeguard.Web.dll</c>), as a council would run one of
/// several instances, with its JSON log lines kept for the test to read.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public IReadOnlyCollection<string> Lines => _lines;

    public static AppProcess Start(string name, IReadOnlyDictionary<string, string> settings)
    {
        var (webProject, dll) = WebBuild();
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString());
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(webProject);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Instance__Name"] = name;
        // Signed in with a password alone: two-factor sign-in has its own tests (TwoFactorSignInTests).
        start.Environment["Security__RequireTwoFactor"] = "false";
        start.Environment["Logging__Format"] = "json";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var app = new AppProcess(process, address);
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) app._lines.Enqueue(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) app._lines.Enqueue(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Waits until the instance answers /health/ready (it has migrated and, if asked, seeded the database).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan within)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var tries = (int)(within.TotalMilliseconds / 250);
        for (var i = 0; i < tries; i++)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The instance stopped:\n{string.Join("\n", _lines)}");
            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The instance at {Address} was not ready:\n{string.Join("\n", _lines)}");
    }

    /// <summary>The JSON log entries whose message template is <paramref name="template"/>: their State objects.</summary>
    public IReadOnlyList<JsonElement> Logged(string template) =>
        _lines.Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("State", out var state) && state.TryGetProperty("{OriginalFormat}", out var format)
                && format.GetString() == template)
            .Select(e => e.GetProperty("State").Clone())
            .ToList();

    /// <summary>Stops the instance as a service manager would (SIGTERM) and waits for it to end, its logs flushed.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The web project's folder and its built dll, in the configuration these tests were built in.</summary>
    private static (string Project, string Dll) WebBuild()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Safeguard.slnx"))) root = root.Parent;
        if (root is null) throw new InvalidOperationException("Safeguard.slnx not found above the test binaries");
        var project = Path.Combine(root.FullName, "src", "Safeguard.Web");
        var dll = Path.Combine(project, "bin", configuration, framework, "Safeguard.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Build src/Safeguard.Web first", dll);
        return (project, dll);
    }
}
