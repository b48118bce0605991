using System.Runtime.CompilerServices;

namespace Safeguard.Core.People.Matching;

/// <summary>Edit-distance and Jaro-Winkler measures used by the comparisons. Allocation-free for short strings.</summary>
public static class StringSimilarity
{
    /// <summary>Jaro-Winkler similarity in [0, 1] with the usual prefix scale 0.1 over at most four characters.</summary>
    public static double JaroWinkler(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var jaro = Jaro(a, b);
        if (jaro <= 0.7)
        {
            return jaro;
        }

        var prefix = 0;
        var limit = Math.Min(4, Math.Min(a.Length, b.Length));
        while (prefix < limit && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1 - jaro));
    }

    /// <summary>
    /// Jaro-Winkler similarity when it is at least <paramref name="minimum"/>, otherwise 0. A cheap upper bound
    /// (how many characters of the shorter string occur at all in the longer) skips most hopeless pairs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double JaroWinklerAtLeast(ReadOnlySpan<char> a, ReadOnlySpan<char> b, double minimum)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        ulong mask = 0;
        foreach (var c in b)
        {
            mask |= 1UL << (c & 63);
        }

        var possible = 0;
        foreach (var c in a)
        {
            if ((mask & (1UL << (c & 63))) != 0)
            {
                possible++;
            }
        }

        var matches = Math.Min(possible, Math.Min(a.Length, b.Length));
        var jaroBound = (((double)matches / a.Length) + ((double)matches / b.Length) + 1) / 3;
        var bound = jaroBound + (0.4 * (1 - jaroBound));
        if (bound < minimum)
        {
            return 0;
        }

        var similarity = JaroWinkler(a, b);
        return similarity >= minimum ? similarity : 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Jaro(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1 : 0;
        }

        if (a.SequenceEqual(b))
        {
            return 1;
        }

        if (a.Length > 64 || b.Length > 64)
        {
            // Long strings: compare their first 64 characters; names and address lines rarely get here.
            a = a[..Math.Min(64, a.Length)];
            b = b[..Math.Min(64, b.Length)];
        }

        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        ulong matchedA = 0, matchedB = 0;
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var start = Math.Max(0, i - window);
            var end = Math.Min(b.Length - 1, i + window);
            for (var j = start; j <= end; j++)
            {
                if ((matchedB & (1UL << j)) != 0 || a[i] != b[j])
                {
                    continue;
                }

                matchedA |= 1UL << i;
                matchedB |= 1UL << j;
                matches++;
                break;
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if ((matchedA & (1UL << i)) == 0)
            {
                continue;
            }

            while ((matchedB & (1UL << k)) == 0)
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        double m = matches;
        return ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2)) / m)) / 3.0;
    }

    /// <summary>
    /// Optimal-string-alignment Damerau-Levenshtein distance (insert, delete, substitute, swap two neighbours).
    /// Stops early and returns <paramref name="max"/> + 1 once the distance must exceed <paramref name="max"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int DamerauLevenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max = int.MaxValue)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return Math.Max(a.Length, b.Length);
        }

        var width = b.Length + 1;
        Span<int> rows = width * 3 <= 512 ? stackalloc int[width * 3] : new int[width * 3];
        var previous2 = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(width * 2, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var spare = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }

        return previous[b.Length];
    }
}
