using System.Globalization;

namespace Safeguard.Core.Returns.Validation;

/// <summary>DfE's recognised LA codes for a UPN's characters 2-4 (rule 1530), read from the embedded Data/la-codes.txt.</summary>
public static class LaCodes
{
    private const string ResourceSuffix = "la-codes.txt";

    public static IReadOnlySet<string> Recognised { get; } = Load();

    /// <summary>Codes and inclusive ranges ("201-213"), one a line; # starts a comment.</summary>
    public static IReadOnlySet<string> Parse(TextReader reader)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split('-', StringSplitOptions.TrimEntries);
            var first = int.Parse(parts[0], CultureInfo.InvariantCulture);
            var last = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : first;
            for (var code = first; code <= last; code++) codes.Add(code.ToString("000", CultureInfo.InvariantCulture));
        }
        return codes;
    }

    private static IReadOnlySet<string> Load()
    {
        var assembly = typeof(LaCodes).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(ResourceSuffix, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return Parse(reader);
    }
}
