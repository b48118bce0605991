using System.Reflection;

namespace Safeguard.Core.Passwords;

/// <summary>
/// The list of common and breached passwords kept in the repository (common-passwords.txt, see the README beside it),
/// read once and held as a set for a lookup in constant time.
/// </summary>
public static class CommonPasswords
{
    private const string Resource = "Safeguard.Core.Passwords.common-passwords.txt";

    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static int Count => List.Value.Count;

    /// <summary>Whether the password is on the list, whatever its case.</summary>
    public static bool Contains(string password) => List.Value.Contains(password);

    /// <summary>
    /// Whether the password is on the list once digits and symbols added at its end are taken off
    /// ("liverpool2026!" is "liverpool" to someone guessing).
    /// </summary>
    public static bool ContainsWithEndingAdded(string password)
    {
        if (Contains(password)) return true;
        var end = password.Length;
        while (end > 0 && !char.IsLetter(password[end - 1])) end--;
        return end > 0 && end < password.Length && Contains(password[..end]);
    }

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded password list {Resource} is missing");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) set.Add(line);
        }
        return set;
    }
}
