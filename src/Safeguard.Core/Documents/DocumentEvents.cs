using Safeguard.Core.Audit;

namespace Safeguard.Core.Documents;

/// <summary>Someone downloaded the child's chronology as a PDF: how many entries it held, the filters chosen (in words), and whether it was the family's.</summary>
public sealed record ChronologyDownloaded(int Entries, string Filters, bool Family) : IEvent, IRecordsAReading
{
    public static string Name => "chronology.downloaded";

    public string Describe() => $"{(Family ? "Family chronology" : "Chronology")} downloaded as a PDF: {Entries} {(Entries == 1 ? "entry" : "entries")}"
        + (Filters.Length == 0 ? "" : $" ({Filters})");
}

/// <summary>Someone downloaded the child's case summary as a PDF, with the number of significant entries it listed.</summary>
public sealed record CaseSummaryDownloaded(int SignificantEntries) : IEvent, IRecordsAReading
{
    public static string Name => "case-summary.downloaded";

    public string Describe() => "Case summary downloaded as a PDF";
}
