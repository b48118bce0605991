using System.Runtime.CompilerServices;

namespace Safeguard.Core.People.Matching;

[Flags]
internal enum ComparisonNotes : byte
{
    None = 0,
    NamesSwapped = 1,
}

/// <summary>The agreement level of every field for one pair, packed four bits per field.</summary>
internal readonly record struct ComparisonVector(uint Pattern, ComparisonNotes Notes)
{
    public int Level(MatchField field) => (int)((Pattern >> (4 * (int)field)) & 0xF);
}

/// <summary>Works out the agreement level of each field for a pair of prepared records.</summary>
internal static class PairComparer
{
    private const int GivenNickname = 1;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ComparisonVector Compare(PreparedPerson a, PreparedPerson b)
    {
        var notes = ComparisonNotes.None;
        var given = GivenLevel(a, b);
        var family = FamilyLevel(a, b);
        if ((given > 2 || family > 2) && a.Given.Length > 0 && a.Family.Length > 0 && b.Given.Length > 0 && b.Family.Length > 0
            && (a.Given[0] == b.Family[0] || a.Family[0] == b.Given[0]))
        {
            // Given and family names recorded the wrong way round on one record?
            var crossGiven = NameLevel(a.Given, b.Family, a.GivenSoundex, b.FamilySoundex);
            var crossFamily = NameLevel(a.Family, b.Given, a.FamilySoundex, b.GivenSoundex);
            if (crossGiven <= 1 && crossFamily <= 1)
            {
                var swappedGiven = GivenFromNameLevel(crossGiven);
                var swappedFamily = FamilyFromNameLevel(crossFamily);
                if (swappedGiven + swappedFamily < given + family)
                {
                    given = swappedGiven;
                    family = swappedFamily;
                    notes |= ComparisonNotes.NamesSwapped;
                }
            }
        }

        uint pattern = 0;
        pattern |= (uint)given << (4 * (int)MatchField.GivenName);
        pattern |= (uint)family << (4 * (int)MatchField.FamilyName);
        pattern |= (uint)DateLevel(a, b) << (4 * (int)MatchField.DateOfBirth);
        pattern |= (uint)SexLevel(a, b) << (4 * (int)MatchField.Sex);
        pattern |= (uint)NhsLevel(a, b) << (4 * (int)MatchField.NhsNumber);
        pattern |= (uint)IdentifierLevel(a, b) << (4 * (int)MatchField.OtherIdentifier);
        pattern |= (uint)AddressLevel(a, b) << (4 * (int)MatchField.Address);
        return new ComparisonVector(pattern, notes);
    }

    /// <summary>0 exact, 1 small typo, 2 similar or sounds alike, 3 disagrees.</summary>
    private static int NameLevel(string x, string y, string soundexX, string soundexY)
    {
        if (x == y)
        {
            return 0;
        }

        var jw = StringSimilarity.JaroWinklerAtLeast(x, y, 0.85);
        if (jw >= 0.92)
        {
            return 1;
        }

        if (jw >= 0.85 || (soundexX.Length > 0 && soundexX == soundexY))
        {
            return 2;
        }

        return 3;
    }

    private static int GivenFromNameLevel(int nameLevel) => nameLevel switch { 0 => 0, 1 => 2, 2 => 3, _ => 5 };

    private static int FamilyFromNameLevel(int nameLevel) => nameLevel switch { 0 => 0, 1 => 2, 2 => 3, _ => 4 };

    private static int GivenLevel(PreparedPerson a, PreparedPerson b)
    {
        if (a.Given.Length == 0 || b.Given.Length == 0)
        {
            return FieldLevels.Missing;
        }

        if (a.Given == b.Given)
        {
            return 0;
        }

        if (a.GivenFirst == b.GivenFirst && a.GivenFirst.Length > 1)
        {
            return GivenNickname;
        }

        if (Nicknames.ShareGroup(a.GivenGroups, b.GivenGroups) || Contains(b.OtherNames, a.Given) || Contains(a.OtherNames, b.Given))
        {
            return GivenNickname;
        }

        var level = NameLevel(a.Given, b.Given, a.GivenSoundex, b.GivenSoundex);
        if (level == 3 && (a.Given.Length == 1 || b.Given.Length == 1) && a.Given[0] == b.Given[0])
        {
            return 4;
        }

        return GivenFromNameLevel(level);
    }

    private static int FamilyLevel(PreparedPerson a, PreparedPerson b)
    {
        if (a.Family.Length == 0 || b.Family.Length == 0)
        {
            return FieldLevels.Missing;
        }

        var level = FamilyFromNameLevel(NameLevel(a.Family, b.Family, a.FamilySoundex, b.FamilySoundex));
        if (level > 1 && (Contains(b.OtherNames, a.Family) || Contains(a.OtherNames, b.Family)))
        {
            return 1;
        }

        return level;
    }

    private static bool Contains(string[] names, string name)
    {
        foreach (var n in names)
        {
            if (n == name || (n.Length > 3 && StringSimilarity.JaroWinklerAtLeast(n, name, 0.94) > 0))
            {
                return true;
            }
        }

        return false;
    }

    internal static int DateLevel(PreparedPerson a, PreparedPerson b)
    {
        var x = a.Dob;
        var y = b.Dob;
        if (x.IsEmpty || y.IsEmpty)
        {
            return FieldLevels.Missing;
        }

        var dx = a.DobDigits;
        var dy = b.DobDigits;
        if (x.IsComplete && y.IsComplete && x.Year == y.Year && x.Month == y.Month && x.Day == y.Day)
        {
            return 0;
        }

        if (dx.Length == 8 && dy.Length == 8)
        {
            if (dx == dy)
            {
                return 0;
            }

            var span1 = dx.AsSpan();
            var span2 = dy.AsSpan();
            if (span1[..4].SequenceEqual(span2[..4]) && span1.Slice(4, 2).SequenceEqual(span2.Slice(6, 2)) && span1.Slice(6, 2).SequenceEqual(span2.Slice(4, 2)))
            {
                return 1;
            }

            if (StringSimilarity.DamerauLevenshtein(dx, dy, 1) <= 1)
            {
                return 2;
            }
        }

        if (x.Year is not null && y.Year is not null)
        {
            if (x.Year != y.Year)
            {
                return 5;
            }

            if (x.Month is not null && y.Month is not null && x.Month != y.Month)
            {
                return 4;
            }

            if (x.Month is null || y.Month is null)
            {
                return 4;
            }

            return 3;
        }

        if (dx.Length >= 4 && dy.Length >= 4)
        {
            return StringSimilarity.DamerauLevenshtein(dx, dy, 1) <= 1 ? 2 : 5;
        }

        return FieldLevels.Missing;
    }

    private static int SexLevel(PreparedPerson a, PreparedPerson b)
    {
        if (a.Sex == Sex.Unknown || b.Sex == Sex.Unknown)
        {
            return FieldLevels.Missing;
        }

        return a.Sex == b.Sex ? 0 : 1;
    }

    private static int NhsLevel(PreparedPerson a, PreparedPerson b)
    {
        if (a.Nhs is null || b.Nhs is null)
        {
            return FieldLevels.Missing;
        }

        return a.Nhs == b.Nhs ? 0 : 1;
    }

    private static int IdentifierLevel(PreparedPerson a, PreparedPerson b)
    {
        var best = (int)FieldLevels.Missing;
        foreach (var (schemeA, valueA) in a.Extra)
        {
            foreach (var (schemeB, valueB) in b.Extra)
            {
                if (!string.Equals(schemeA, schemeB, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var level = valueA == valueB ? 0 : StringSimilarity.DamerauLevenshtein(valueA, valueB, 1) <= 1 ? 1 : 2;
                best = Math.Min(best, level);
            }
        }

        return best;
    }

    internal static int AddressLevel(PreparedPerson a, PreparedPerson b)
    {
        var available = 0;
        var points = 0.0;
        if (a.AddressTokens.Length > 0 && b.AddressTokens.Length > 0)
        {
            available += 2;
            var similarity = TokenSimilarity(a.AddressTokens, b.AddressTokens);
            points += similarity >= 0.9 ? 2 : similarity >= 0.6 ? 1 : 0;
        }

        if (a.Town.Length > 0 && b.Town.Length > 0)
        {
            available++;
            if (a.Town == b.Town || StringSimilarity.JaroWinklerAtLeast(a.Town, b.Town, 0.9) > 0)
            {
                points++;
            }
        }

        if (a.Postcode.Length > 0 && b.Postcode.Length > 0)
        {
            available++;
            if (a.Postcode == b.Postcode)
            {
                points++;
            }
            else if ((a.PostcodeOutward is not null && a.PostcodeOutward == b.PostcodeOutward)
                     || (a.PostcodeOutward is null && StringSimilarity.DamerauLevenshtein(a.Postcode, b.Postcode, 1) <= 1))
            {
                points += 0.5;
            }
        }

        if (available == 0)
        {
            return FieldLevels.Missing;
        }

        var fraction = points / available;
        if (fraction >= 0.85)
        {
            return available == 4 ? 0 : 1;
        }

        return fraction >= 0.6 ? 1 : fraction >= 0.35 ? 2 : fraction > 0 ? 3 : 4;
    }

    /// <summary>Fuzzy Dice overlap of two token lists: tokens pair up when equal, or (words only) when their
    /// Jaro-Winkler similarity is at least 0.85, counting that similarity.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static double TokenSimilarity(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        Span<bool> used = stackalloc bool[Math.Min(b.Length, 64)];
        var sum = 0.0;
        foreach (var x in a)
        {
            var best = 0.0;
            var bestIndex = -1;
            for (var j = 0; j < used.Length; j++)
            {
                if (used[j])
                {
                    continue;
                }

                var y = b[j];
                double similarity;
                if (x == y)
                {
                    similarity = 1;
                }
                else if (char.IsAsciiDigit(x[0]) || char.IsAsciiDigit(y[0]))
                {
                    similarity = 0;
                }
                else
                {
                    similarity = StringSimilarity.JaroWinklerAtLeast(x, y, 0.85);
                }

                if (similarity > best)
                {
                    best = similarity;
                    bestIndex = j;
                    if (similarity == 1)
                    {
                        break;
                    }
                }
            }

            if (bestIndex >= 0)
            {
                used[bestIndex] = true;
                sum += best;
            }
        }

        return 2 * sum / (a.Length + b.Length);
    }
}
