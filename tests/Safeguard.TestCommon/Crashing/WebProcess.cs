using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Safeguard.TestCommon.Crashing;

/// <summary>
/// The built Safeguard.Web.dll run as a child process (<c>dotnet exec</c>) on a fixed loopback port, so that it can be
/// killed and started again at the same address. <see cref="Kill"/> is <see cref="Process.Kill()"/>, which on Linux
/// sends SIGKILL: no shutdown code runs, nothing is flushed.
/// </summary>
public sealed class WebProcess : IAsyncDisposable
{
    private readonly string _webDll;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public WebProcess(string webDll, IReadOnlyDictionary<string, string> environment)
    {
        _webDll = webDll;
        _environment = environment;
        Port = FreePort();
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    /// <summary>Times the process was started.</summary>
    public int Starts { get; private set; }

    /// <summary>The web app beside the running program (test and benchmark projects reference the Web project).</summary>
    public static string BesideThisProgram() => Path.Combine(AppContext.BaseDirectory, "Safeguard.Web.dll");

    /// <summary>Starts the process and waits until /health/ready answers 200 (the database is reachable and migrated).</summary>
    public async Task StartAsync(TimeSpan timeout)
    {
        if (_process is { HasExited: false }) throw new InvalidOperationException("The web process is already running.");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(_webDll)!,
        };
        foreach (var arg in new[] { "exec", _webDll, "--urls", Address.ToString().TrimEnd('/') }) start.ArgumentList.Add(arg);
        foreach (var (name, value) in _environment) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_webDll}");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Starts++;
        await WaitReadyAsync(process, timeout);
    }

    private async Task WaitReadyAsync(Process process, TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            if (process.HasExited) throw new InvalidOperationException($"The web process exited with {process.ExitCode}:\n{RecentOutput()}");
            try
            {
                using var response = await client.GetAsync(new Uri(Address, "/health/ready"));
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The web process was not ready after {timeout.TotalSeconds:0} s:\n{RecentOutput()}");
    }

    /// <summary>SIGKILL, then waits for the process to be gone (its port free for the next start).</summary>
    public void Kill()
    {
        if (_process is not { } process) return;
        if (!process.HasExited) process.Kill();
        process.WaitForExit();
        process.Dispose();
        _process = null;
    }

    /// <summary>The last lines the process wrote (for failure messages).</summary>
    public string RecentOutput() => string.Join("\n", _output.TakeLast(40));

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 400) _output.TryDequeue(out _);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }
}
