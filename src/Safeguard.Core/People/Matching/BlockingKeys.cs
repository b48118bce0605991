namespace Safeguard.Core.People.Matching;

/// <summary>
/// Blocking: only records sharing at least one key are compared. Several independent keys keep recall high when
/// any one field is wrong or missing:
/// NHS number; each other identifier; full date of birth; family-name Soundex + birth year; given-name prefix +
/// postcode; the two name Soundex codes in sorted order (catches swapped names); family name + given initial +
/// birth month/day (catches a wrong year); given name + birth year + month (catches a changed family name);
/// each half of an identifier + family-name Soundex or postcode (catches a mistyped identifier).
/// </summary>
internal static class BlockingKeys
{
    private enum Tag : byte
    {
        Nhs = 1,
        Identifier,
        DateOfBirth,
        FamilySoundexYear,
        GivenPrefixPostcode,
        SortedNameSoundex,
        FamilyInitialDayMonth,
        GivenYearMonth,
        IdentifierHalf,
    }

    public static void For(PreparedPerson p, List<ulong> keys)
    {
        keys.Clear();
        if (p.Nhs is not null)
        {
            keys.Add(Hash(Tag.Nhs, p.Nhs));
        }

        foreach (var (scheme, value) in p.Extra)
        {
            var upper = scheme.ToUpperInvariant();
            keys.Add(Hash(Tag.Identifier, upper, value));
            if (value.Length >= 6)
            {
                // One mistyped character leaves one half intact; pair each half with a second attribute.
                var half = (value.Length + 1) / 2;
                var first = "<" + value[..half];
                var last = ">" + value[half..];
                if (p.FamilySoundex.Length > 0)
                {
                    keys.Add(Hash(Tag.IdentifierHalf, upper + first, p.FamilySoundex));
                    keys.Add(Hash(Tag.IdentifierHalf, upper + last, p.FamilySoundex));
                }

                if (p.Postcode.Length > 0)
                {
                    keys.Add(Hash(Tag.IdentifierHalf, upper + first, p.Postcode));
                    keys.Add(Hash(Tag.IdentifierHalf, upper + last, p.Postcode));
                }
            }
        }

        var dob = p.Dob;
        if (dob.IsComplete)
        {
            keys.Add(Hash(Tag.DateOfBirth, p.DobDigits));
        }

        var year = dob.Year is { } y ? y.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) : null;
        if (p.FamilySoundex.Length > 0 && year is not null)
        {
            keys.Add(Hash(Tag.FamilySoundexYear, p.FamilySoundex, year));
            foreach (var other in p.OtherNames)
            {
                keys.Add(Hash(Tag.FamilySoundexYear, Phonetics.Soundex(other), year));
            }
        }

        if (p.Given.Length >= 2 && p.Postcode.Length > 0)
        {
            keys.Add(Hash(Tag.GivenPrefixPostcode, p.Given[..2], p.Postcode));
        }

        if (p.GivenSoundex.Length > 0 && p.FamilySoundex.Length > 0)
        {
            var (first, second) = string.CompareOrdinal(p.GivenSoundex, p.FamilySoundex) <= 0
                ? (p.GivenSoundex, p.FamilySoundex)
                : (p.FamilySoundex, p.GivenSoundex);
            keys.Add(Hash(Tag.SortedNameSoundex, first, second));
        }

        if (p.Family.Length > 0 && p.Given.Length > 0 && dob.Month is not null && dob.Day is not null)
        {
            keys.Add(Hash(Tag.FamilyInitialDayMonth, p.Family, p.Given[..1], p.DobDigits[4..]));
        }

        if (p.GivenFirst.Length > 0 && year is not null && dob.Month is { } month)
        {
            keys.Add(Hash(Tag.GivenYearMonth, p.GivenFirst, year, month.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    private static ulong Hash(Tag tag, string a, string? b = null, string? c = null)
    {
        // FNV-1a, 64 bit. A collision only merges two blocks, which costs a few extra comparisons.
        var hash = 14695981039346656037UL;
        hash = (hash ^ (byte)tag) * 1099511628211UL;
        hash = Mix(hash, a);
        if (b is not null)
        {
            hash = Mix((hash ^ 0x1F) * 1099511628211UL, b);
        }

        if (c is not null)
        {
            hash = Mix((hash ^ 0x1F) * 1099511628211UL, c);
        }

        return hash;
    }

    private static ulong Mix(ulong hash, string text)
    {
        foreach (var ch in text)
        {
            hash = (hash ^ ch) * 1099511628211UL;
        }

        return hash;
    }
}
