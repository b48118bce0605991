namespace Safeguard.Core.People.Matching;

/// <summary>How one field compared for one pair, with its weight; <see cref="Words"/> says it plainly for people.</summary>
public sealed record FieldComparison(MatchField Field, string Label, int Level, string Description, AgreementKind Kind, double Weight)
{
    /// <summary>e.g. "date of birth with day and month swapped" (<see cref="MatchWords"/>).</summary>
    public string Words { get; init; } = MatchWords.Of(Field, Level);

    /// <summary>What a worker reads: the plain words, without weights.</summary>
    public string Explanation => Words;

    /// <summary>For tuning the matcher, not for pages: "Date of birth: day and month swapped (partial agreement, +4.1)".</summary>
    public string Detail => Kind switch
    {
        AgreementKind.Missing => $"{Label}: {Description} (0)",
        AgreementKind.Exact => $"{Label}: {Description} ({FormatWeight(Weight)})",
        AgreementKind.Partial => $"{Label}: {Description} (partial agreement, {FormatWeight(Weight)})",
        _ => $"{Label}: {Description} (disagreement, {FormatWeight(Weight)})",
    };

    private static string FormatWeight(double weight) =>
        weight.ToString("+0.0;-0.0;0", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The comparison of two records: total score (sum of log2 likelihood ratios), probability and band.</summary>
public sealed record MatchComparison(double Score, double Probability, MatchBand Band, IReadOnlyList<FieldComparison> Fields)
{
    public IReadOnlyList<string> Explanation => Fields.Select(f => f.Explanation).ToArray();
}

/// <summary>An indexed record that may be the same person as the query.</summary>
public sealed record MatchCandidate(PersonRecord Record, double Score, double Probability, MatchBand Band, IReadOnlyList<FieldComparison> Fields)
{
    public string Id => Record.Id;

    public IReadOnlyList<string> Explanation => Fields.Select(f => f.Explanation).ToArray();
}

/// <summary>Two records judged the same person. <see cref="FromClosure"/> marks a pair that was not linked
/// directly but through other records, and whose own score still passed the closure check.</summary>
public sealed record MatchPair(string Id1, string Id2, double Score, double Probability, MatchBand Band, bool FromClosure);

public sealed record DedupeResult(
    IReadOnlyList<MatchPair> Pairs,
    MatchModel Model,
    MatchThresholds Thresholds,
    int RecordCount,
    long CandidatePairs);

public sealed record DedupeOptions
{
    /// <summary>Weights to use; when <see cref="EstimateWeights"/> is on they are only the starting point.</summary>
    public MatchModel? Model { get; init; }

    /// <summary>Fit m/u/prior to the candidate pairs by unsupervised EM (default on).</summary>
    public bool EstimateWeights { get; init; } = true;

    /// <summary>Add pairs implied by transitive closure, if their own score reaches
    /// <see cref="ClosureMinimumScore"/> (default 0: the records themselves do not argue against the match).</summary>
    public bool TransitiveClosure { get; init; } = true;

    public double ClosureMinimumScore { get; init; }

    /// <summary>Clusters bigger than this are not closed (they are a sign of a bad link and need review).</summary>
    public int MaxClusterSizeForClosure { get; init; } = 50;

    /// <summary>Blocks with more records than this are too common to discriminate and are skipped.</summary>
    public int MaxBlockSize { get; init; } = 1000;

    /// <summary>Run comparisons on all cores (default on).</summary>
    public bool Parallel { get; init; } = true;
}

internal static class Explanations
{
    public static IReadOnlyList<FieldComparison> Build(PreparedPerson a, PreparedPerson b, ComparisonVector vector, MatchModel model)
    {
        var fields = new FieldComparison[FieldLevels.FieldCount];
        for (var f = 0; f < FieldLevels.FieldCount; f++)
        {
            var field = (MatchField)f;
            var level = vector.Level(field);
            var info = FieldLevels.Info(field, level);
            var description = info.Description;
            if ((vector.Notes & ComparisonNotes.NamesSwapped) != 0 && field is MatchField.GivenName or MatchField.FamilyName && level != FieldLevels.Missing)
            {
                description += " (given and family names swapped)";
            }

            var label = FieldLevels.Label(field);
            string? scheme = null;
            if (field == MatchField.OtherIdentifier)
            {
                scheme = a.Extra.Select(e => e.Scheme)
                    .FirstOrDefault(s => b.Extra.Any(e => string.Equals(e.Scheme, s, StringComparison.OrdinalIgnoreCase)));
                if (scheme is not null)
                {
                    label = $"{label} ({scheme})";
                }
            }

            var swapped = (vector.Notes & ComparisonNotes.NamesSwapped) != 0;
            fields[f] = new FieldComparison(field, label, level, description, info.Kind, model.Weight(field, level))
            {
                Words = MatchWords.Of(field, level, scheme, swapped),
            };
        }

        return fields;
    }
}
