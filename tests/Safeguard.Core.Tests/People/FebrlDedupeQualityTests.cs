using System.Text.RegularExpressions;
using Safeguard.Core.People.Matching;

namespace Safeguard.Core.Tests.People;

/// <summary>Deduplication quality against the FEBRL ground truth (records sharing rec-N- are one person).
/// Weights are fitted without labels; the labels are only used here to score the result.</summary>
public partial class FebrlDedupeQualityTests
{
    [Theory]
    [InlineData("dataset1.csv")]
    [InlineData("dataset3.csv")]
    public void Deduplicate_FebrlDataset_ReachesF1OfAtLeast098(string file)
    {
        var records = FebrlReader.Read(Path.Combine(FebrlFolder(), file));

        var result = PersonMatcher.Deduplicate(records);

        var (precision, recall, f1) = Score(records, result.Pairs);
        f1.ShouldBeGreaterThanOrEqualTo(0.98, $"{file}: precision {precision:0.0000}, recall {recall:0.0000}");
    }

    [Fact]
    public void FebrlReader_ReadsEveryRowAndKeepsInvalidDates()
    {
        var records = FebrlReader.Read(Path.Combine(FebrlFolder(), "dataset1.csv"));

        records.Count.ShouldBe(1000);
        records.ShouldContain(r => r.DateOfBirth.Raw != null && !r.DateOfBirth.IsComplete);
        records.ShouldAllBe(r => r.Identifiers.All(i => i.Scheme == FebrlReader.SocialSecurityScheme));
    }

    [Fact]
    public void FebrlReader_WrongHeader_IsAFormatError()
    {
        Should.Throw<FormatException>(() => FebrlReader.Read(new StringReader("id,name\n1,x\n")));
    }

    internal static (double Precision, double Recall, double F1) Score(IReadOnlyList<PersonRecord> records, IReadOnlyList<MatchPair> pairs)
    {
        var truth = new HashSet<(string, string)>();
        foreach (var group in records.GroupBy(r => EntityOf(r.Id)))
        {
            var ids = group.Select(r => r.Id).Order(StringComparer.Ordinal).ToArray();
            for (var i = 0; i < ids.Length; i++)
            {
                for (var j = i + 1; j < ids.Length; j++)
                {
                    truth.Add((ids[i], ids[j]));
                }
            }
        }

        var predicted = pairs
            .Select(p => string.CompareOrdinal(p.Id1, p.Id2) < 0 ? (p.Id1, p.Id2) : (p.Id2, p.Id1))
            .ToHashSet();
        var truePositives = predicted.Count(truth.Contains);
        var precision = predicted.Count == 0 ? 0 : (double)truePositives / predicted.Count;
        var recall = truth.Count == 0 ? 0 : (double)truePositives / truth.Count;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return (precision, recall, f1);
    }

    private static string EntityOf(string recordId) => EntityPattern().Match(recordId).Groups[1].Value;

    [GeneratedRegex("^rec-(\\d+)-")]
    private static partial Regex EntityPattern();

    /// <summary>Walks up from the test's base directory to the repository's tests/data/febrl (a copy of the FEBRL sets).</summary>
    internal static string FebrlFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "data", "febrl");
            if (File.Exists(Path.Combine(candidate, "dataset1.csv")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"FEBRL data not found: no folder tests/data/febrl (with dataset1.csv) above {AppContext.BaseDirectory}.");
    }
}
