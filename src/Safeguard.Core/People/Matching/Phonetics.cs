namespace Safeguard.Core.People.Matching;

/// <summary>Phonetic keys for names. American Soundex (letter + three digits) is enough for blocking and for a
/// "sounds alike" comparison level; it groups e.g. Smith/Smyth, Robert/Rupert, Ashcraft/Ashcroft.</summary>
public static class Phonetics
{
    //                               abcdefghijklmnopqrstuvwxyz
    private const string Codes = "01230120022455012623010202";

    public static string Soundex(ReadOnlySpan<char> name)
    {
        Span<char> result = stackalloc char[4];
        var length = 0;
        var last = '\0';
        foreach (var raw in name)
        {
            var c = char.ToLowerInvariant(raw);
            if (c is < 'a' or > 'z')
            {
                continue;
            }

            var code = Codes[c - 'a'];
            if (length == 0)
            {
                result[length++] = char.ToUpperInvariant(c);
                last = code;
                continue;
            }

            if (c is 'h' or 'w')
            {
                continue; // h and w do not separate letters with the same code
            }

            if (code == '0')
            {
                last = '0'; // vowels do separate them
                continue;
            }

            if (code != last)
            {
                result[length++] = code;
                if (length == 4)
                {
                    break;
                }
            }

            last = code;
        }

        if (length == 0)
        {
            return string.Empty;
        }

        while (length < 4)
        {
            result[length++] = '0';
        }

        return new string(result);
    }
}
