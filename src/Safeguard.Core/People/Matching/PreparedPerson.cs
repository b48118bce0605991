using System.Text;
using Safeguard.Core.People.Identifiers;

namespace Safeguard.Core.People.Matching;

/// <summary>A record with its comparison features worked out once: normalised names, phonetic codes, nickname
/// groups, parsed date, identifiers and address tokens.</summary>
internal sealed class PreparedPerson
{
    private static readonly Dictionary<string, string> AddressWords = new(StringComparer.Ordinal)
    {
        ["st"] = "street", ["rd"] = "road", ["ave"] = "avenue", ["av"] = "avenue", ["cres"] = "crescent",
        ["cr"] = "crescent", ["pl"] = "place", ["ct"] = "court", ["dr"] = "drive", ["ln"] = "lane",
        ["cl"] = "close", ["gdns"] = "gardens", ["sq"] = "square", ["tce"] = "terrace", ["ter"] = "terrace",
        ["hwy"] = "highway", ["pde"] = "parade", ["cct"] = "circuit", ["gr"] = "grove", ["flt"] = "flat",
        ["apt"] = "flat", ["apartment"] = "flat",
    };

    /// <param name="pool">Optional string pool: an index of a million people shares one copy of each common
    /// name, phonetic code, town, postcode district and address word.</param>
    public PreparedPerson(PersonRecord source, StringPool? pool = null)
    {
        Source = source;
        Given = Intern(pool, NormaliseName(source.GivenName));
        Family = Intern(pool, NormaliseName(source.FamilyName));
        GivenFirst = Intern(pool, FirstToken(Given));
        GivenSoundex = Intern(pool, Phonetics.Soundex(Given));
        FamilySoundex = Intern(pool, Phonetics.Soundex(Family));
        GivenGroups = Nicknames.GroupsOf(GivenFirst);
        OtherNames = source.OtherNames.Select(NormaliseName).Where(n => n.Length > 0).Distinct().ToArray();

        Dob = source.DateOfBirth;
        DobDigits = Intern(pool, Dob.Digits);
        Sex = source.Sex;
        Nhs = Identifiers.NhsNumber.TryParse(source.NhsNumber, out var nhs) ? nhs.Value : null;
        Extra = source.Identifiers
            .Where(i => !string.IsNullOrWhiteSpace(i.Value))
            .Select(i => (i.Scheme, Value: NormaliseId(i.Value)))
            .Where(i => i.Value.Length > 0)
            .ToArray();

        AddressTokens = source.AddressLines.SelectMany(Tokens).Select(t => Intern(pool, t)).ToArray();
        Town = Intern(pool, NormaliseName(source.Town));
        if (Identifiers.Postcode.TryParse(source.Postcode, out var uk))
        {
            Postcode = uk.Value;
            PostcodeOutward = Intern(pool, uk.OutwardCode);
        }
        else
        {
            Postcode = NormaliseId(source.Postcode ?? string.Empty);
            PostcodeOutward = null;
        }
    }

    private static string Intern(StringPool? pool, string text) => pool is null ? text : pool.Intern(text);

    public PersonRecord Source { get; }
    public string Given { get; }
    public string GivenFirst { get; }
    public string Family { get; }
    public string GivenSoundex { get; }
    public string FamilySoundex { get; }
    public int[] GivenGroups { get; }
    public string[] OtherNames { get; }
    public PartialDate Dob { get; }
    public string DobDigits { get; }
    public Sex Sex { get; }
    public string? Nhs { get; }
    public (string Scheme, string Value)[] Extra { get; }
    public string[] AddressTokens { get; }
    public string Town { get; }
    public string Postcode { get; }
    public string? PostcodeOutward { get; }

    /// <summary>Lower case letters, one space between words; apostrophes and accents dropped, hyphens become
    /// spaces.</summary>
    internal static string NormaliseName(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var raw in System.Text.Ascii.IsValid(text) ? text : text.Normalize(NormalizationForm.FormD))
        {
            var c = char.ToLowerInvariant(raw);
            if (c is >= 'a' and <= 'z')
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                space = false;
                builder.Append(c);
            }
            else if (c is ' ' or '-' or '_' or ',' or '.' or '/')
            {
                space = true;
            }
        }

        return builder.ToString();
    }

    private static string NormaliseId(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static string FirstToken(string name)
    {
        var space = name.IndexOf(' ');
        return space < 0 ? name : name[..space];
    }

    private static IEnumerable<string> Tokens(string line)
    {
        var builder = new StringBuilder();
        foreach (var raw in line.ToLowerInvariant() + " ")
        {
            if (char.IsAsciiLetterOrDigit(raw))
            {
                builder.Append(raw);
                continue;
            }

            if (builder.Length > 0)
            {
                var token = builder.ToString();
                builder.Clear();
                yield return AddressWords.TryGetValue(token, out var full) ? full : token;
            }
        }
    }
}

/// <summary>A single-threaded string pool (one copy of each distinct string).</summary>
internal sealed class StringPool
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);

    public string Intern(string text)
    {
        if (text.Length == 0)
        {
            return string.Empty;
        }

        if (_strings.TryGetValue(text, out var existing))
        {
            return existing;
        }

        _strings.Add(text);
        return text;
    }
}
