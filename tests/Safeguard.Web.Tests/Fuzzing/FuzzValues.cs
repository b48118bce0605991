using System.Text;

namespace Safeguard.Web.Tests.Fuzzing;

/// <summary>
/// The values the fuzzer types into a field, a query string or a JSON string, in order from plain to hostile so that
/// shrinking (towards index 0) lands on the simplest value that still fails. Lengths come from the database model:
/// for every column size L in it, text of L-1, L and L+1 characters, so every field is tried within and beyond every
/// column it might be stored in.
/// </summary>
public sealed class FuzzValues
{
    /// <summary>A value sent as it is, already percent-encoded (invalid UTF-8, broken escapes), not encoded again.</summary>
    public const string RawPrefix = "\uE000raw:";

    private readonly List<string> _values = [];

    public FuzzValues(IEnumerable<int> columnSizes, IEnumerable<Guid> knownIds)
    {
        _values.AddRange(["", " ", "a", "0", "1", "true", "false", "on", "yes", "Yes", "none"]);
        _values.AddRange(Numbers);
        _values.AddRange(Dates);
        _values.AddRange(Hostile);
        _values.AddRange(ControlCharacters);
        _values.AddRange(Unicode);
        _values.Add(Guid.NewGuid().ToString());
        _values.Add(Guid.Empty.ToString());
        _values.Add("{" + Guid.NewGuid() + "}");
        _values.Add("not-a-guid");
        _values.AddRange(knownIds.Select(id => id.ToString()));
        foreach (var size in columnSizes.Append(4_000).Append(980).Distinct().Order())
        {
            foreach (var length in new[] { size - 1, size, size + 1 }.Where(l => l > 0))
            {
                _values.Add(new string('a', length));
            }
            // Letters outside ASCII: more bytes than characters, for limits counted in bytes.
            _values.Add(string.Concat(Enumerable.Repeat("é", size + 1)));
        }
        _values.Add(Words(4_001));
        _values.Add(Words(20_001));
        _values.Add(new string('x', 100_000));
        _values.Add(string.Concat(Enumerable.Repeat("🙂", 2_001)));
        _values.AddRange(Raw);
    }

    public int Count => _values.Count;

    public string this[int index] => _values[((index % _values.Count) + _values.Count) % _values.Count];

    public static bool IsRaw(string value) => value.StartsWith(RawPrefix, StringComparison.Ordinal);

    /// <summary>A value as it goes into a form body or a query string.</summary>
    public static string Encode(string value) => IsRaw(value) ? value[RawPrefix.Length..] : PercentEncode(value);

    /// <summary>
    /// A value as a segment of an address, at most 200 characters. NUL is left out: Kestrel refuses a path with NUL (400)
    /// before the app sees it, and the in-process test server throws instead, so it tests nothing of Safeguard's.
    /// </summary>
    public static string PathSegment(string value)
    {
        var cut = value.Length > 200 ? value[..200] : value;
        return Encode(cut).Replace("%00", "");
    }

    /// <summary>Percent-encodes the UTF-8 of any text, lone surrogates included (sent as U+FFFD, as a browser does).</summary>
    public static string PercentEncode(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var text = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
                text.Append((char)b);
            else
                text.Append('%').Append(b.ToString("X2"));
        }
        return text.ToString();
    }

    /// <summary>
    /// Whether a page that refuses the value can be expected to show it back as typed: well-formed text of at most 20,000
    /// characters (the longest text Safeguard keeps), not blank, with no control characters but tabs and line breaks
    /// (HTML cannot carry the others). Compared with <see cref="Normalise"/> on both sides.
    /// </summary>
    public static bool Echoable(string value) =>
        !IsRaw(value) && value.Length <= 20_000 && value.Trim().Length > 0 && IsWellFormed(value)
        && !value.Any(c => char.IsControl(c) && c is not '\r' and not '\n' and not '\t' || c is '\uffff' or '\ufffe');

    /// <summary>Text as HTML gives it back: line breaks as \n, without the spaces around it.</summary>
    public static string Normalise(string value) => value.Replace("\r\n", "\n").Replace('\r', '\n').Trim();

    private static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && (i + 1 >= value.Length || !char.IsLowSurrogate(value[++i]))) return false;
            if (char.IsLowSurrogate(value[i]) && (i == 0 || !char.IsHighSurrogate(value[i - 1]))) return false;
        }
        return true;
    }

    private static string Words(int length)
    {
        var text = new StringBuilder(length + 10);
        while (text.Length < length) text.Append("the child was seen ");
        return text.ToString(0, length);
    }

    private static readonly string[] Numbers =
    [
        "-1", "-0", "00", "2", "7", "13", "32", "99", "999", "2147483647", "2147483648", "-2147483648", "-2147483649",
        "4294967296", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e308", "1e309", "-1e308",
        "NaN", "Infinity", "-Infinity", "0x10", "1,000", "1.5", "1e3", "١٢", "+1", "٣١",
    ];

    private static readonly string[] Dates =
    [
        "2026-02-30", "2026-02-29", "2024-02-29", "2026-13-01", "2026-00-10", "0000-00-00", "0001-01-01", "9999-12-31",
        "99999-01-01", "-2026-01-01", "31/02/2026", "12/31/2026", "yesterday", "today", "tomorrow", "2026-12-04T25:61:00",
        "2026-12-04T09:00:00Z", "2026-12-04T09:00:00+14:00", "2026-03-29T01:30:00", "1900-01-01", "2100-01-01", "20261204",
        "1970-01-01T00:00:00Z", "2026-W49", "09:00", "24:00", "23:59:60", "12:00pm", "-1:00",
    ];

    private static readonly string[] Hostile =
    [
        "' OR '1'='1", "'; DROP TABLE \"People\"; --", "\" OR 1=1 --", "1; SELECT pg_sleep(0) --", "%", "_", "\\", "%' --",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${jndi:ldap://x/a}",
        "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%s%s%s%n", "@Model", "=cmd|' /C calc'!A0", "+44 (0)20 7946 0000",
        "a@b", "@@@", "test@example.com", "NB1 1AA", "nb11aa", "ZZ99 9ZZ", "943 476 5919", "9434765919", "9434765918",
        "null", "undefined", "[]", "{}", "__proto__", "constructor",
    ];

    private static readonly string[] ControlCharacters =
    [
        "\0", "a\0b", "\u0001\u0002\u001f", "\u007f", "\r\n", "line one\r\nline two", "\t", "\u0085", "\u2028\u2029",
        "\ud800", "a\udc00b", "\uffff", "\ufffe", "\u0000\u0000\u0000",
    ];

    private static readonly string[] Unicode =
    [
        "Zoë", "O'Brien-Łukasz", "\u202eevil\u202c", "مرحبا", "שלום", "👨‍👩‍👧‍👦", "🙂", "e\u0301\u0301\u0301\u0301", "\u200b",
        "\ufeffBOM", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "日本語", "Ǆ", "ß", "İ", "\u00a0",
    ];

    private static readonly string[] Raw =
    [
        RawPrefix + "%FF%FE", RawPrefix + "%C3%28", RawPrefix + "%ED%A0%80", RawPrefix + "%", RawPrefix + "%ZZ",
        RawPrefix + "%00", RawPrefix + "a%2", RawPrefix + "%F4%90%80%80", RawPrefix + "+%2B+",
    ];
}
