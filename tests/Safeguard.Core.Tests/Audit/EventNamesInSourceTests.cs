using System.Text.RegularExpressions;
using Safeguard.Core.Audit;

namespace Safeguard.Core.Tests.Audit;

/// <summary>
/// An event's name is written once, in its record: services write events with <c>db.Record(new SomethingHappened(...))</c>
/// and tests find them with <c>SomethingHappened.Name</c>, so a renamed or mistyped name cannot pass unnoticed.
/// </summary>
public partial class EventNamesInSourceTests
{
    /// <summary>Pins every name ever stored (a stored name is forever), so it is the one place a test spells them.</summary>
    private const string PinningTest = "EventCatalogueTests.cs";

    [Fact]
    public void NoEventIsRecordedByAStringName() =>
        Lines("src").Where(l => l.Text.Contains(".Record(\"", StringComparison.Ordinal)).Select(l => l.Where).ShouldBeEmpty();

    [Fact]
    public void EventNamesAreWrittenOnlyInTheirRecords()
    {
        var names = EventCatalogue.Names.ToHashSet(StringComparer.Ordinal);
        var misplaced = Lines("src").Concat(Lines("tests").Where(l => Path.GetFileName(l.File) != PinningTest))
            .Where(l => !NameDeclaration().IsMatch(l.Text))
            .SelectMany(l => StringLiteral().Matches(l.Text).Select(m => m.Groups[1].Value).Where(names.Contains).Select(n => $"{l.Where}: \"{n}\""))
            .ToList();

        misplaced.ShouldBeEmpty("use the record's Name (e.g. ContactReceived.Name) instead of the string");
    }

    private sealed record SourceLine(string File, int Number, string Text)
    {
        public string Where => $"{File}:{Number}";
    }

    private static IEnumerable<SourceLine> Lines(string folder)
    {
        var root = Path.Combine(RepositoryRoot(), folder);
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepositoryRoot(), file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")) continue;
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (line.TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
                yield return new SourceLine(relative, number, line);
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Safeguard.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("The repository (Safeguard.slnx) was not found above the test's folder.");
    }

    [GeneratedRegex("static string Name => \"[^\"]+\";")]
    private static partial Regex NameDeclaration();

    [GeneratedRegex("\"([a-z][a-z.-]*)\"")]
    private static partial Regex StringLiteral();
}
