using System.Text.Json;

namespace Safeguard.Benchmarks.Pages;

/// <summary>
/// The app's own request durations, read from its JSON console log (Production logging) when it runs with
/// `Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics=Information`: the "Request finished" entries, whose
/// ElapsedMilliseconds is measured inside Kestrel from the request's start to the response's end, without the client.
/// </summary>
public static class ServerLog
{
    /// <summary>The durations of the last <paramref name="count"/> GETs whose path (with its query string) matches, oldest first.</summary>
    public static double[] LastDurations(string file, Func<string, bool> path, int count)
    {
        var found = new List<double>();
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (!line.Contains("\"ElapsedMilliseconds\"", StringComparison.Ordinal)) continue;
            using var json = JsonDocument.Parse(line);
            if (!json.RootElement.TryGetProperty("State", out var state)) continue;
            if (state.TryGetProperty("Method", out var method) && method.GetString() == "GET"
                && state.TryGetProperty("Path", out var p) && p.GetString() is { } requested
                && path(requested + (state.TryGetProperty("QueryString", out var query) ? query.GetString() : "")))
            {
                found.Add(Number(state.GetProperty("ElapsedMilliseconds")));
            }
        }
        return found.Count < count
            ? throw new InvalidOperationException($"{file}: {found.Count} matching requests logged, {count} expected (is request logging on?)")
            : found.GetRange(found.Count - count, count).ToArray();
    }

    private static double Number(JsonElement value) => value.ValueKind == JsonValueKind.Number
        ? value.GetDouble()
        : double.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}
