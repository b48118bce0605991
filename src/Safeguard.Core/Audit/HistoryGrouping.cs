namespace Safeguard.Core.Audit;

/// <summary>
/// Turns a person's events into history lines, one line per action. A save that records a named event
/// ("Contact C1 decided: early help") also writes automatic rows for each entity it touched ("Contact changed",
/// "Referral created"), after it, by the same actor at (almost) the same time. They are shown under the named
/// event as "Also recorded", never dropped, so the history stays complete. Automatic rows with no named event in
/// their save (an edit of the record) are one line together.
/// </summary>
public static class HistoryGrouping
{
    /// <summary>Events of one save are written within this window; a person's next action is never this quick.</summary>
    public static readonly TimeSpan SameSave = TimeSpan.FromSeconds(2);

    public static bool IsAutomatic(string type) => AutomaticChange.IsAutomatic(type);

    /// <summary>Groups events given newest first (as the history shows them); returns lines newest first.</summary>
    public static IReadOnlyList<HistoryEntry> Group(IReadOnlyList<HistoryEvent> newestFirst)
    {
        var lines = new List<HistoryEntry>();
        var i = 0;
        while (i < newestFirst.Count)
        {
            var first = newestFirst[i];
            var run = new List<HistoryEvent> { first };
            var j = i + 1;
            while (j < newestFirst.Count && newestFirst[j].ActorName == first.ActorName
                   && (first.OccurredAt - newestFirst[j].OccurredAt).Duration() <= SameSave)
            {
                run.Add(newestFirst[j]);
                j++;
            }
            lines.AddRange(OneSave(run));
            i = j;
        }
        return lines;
    }

    private static IEnumerable<HistoryEntry> OneSave(List<HistoryEvent> run)
    {
        // A save writes its named events first and its automatic rows when it saves, so (newest first) the automatic
        // rows of an action come just before its named event: each named event takes the rows above it.
        var pending = new List<HistoryEvent>();
        foreach (var e in run)
        {
            if (IsAutomatic(e.Type))
            {
                pending.Add(e);
                continue;
            }
            yield return new HistoryEntry(e.OccurredAt, e.ActorName, e.Type, e.Summary, e.Reason,
                pending.Select(p => p.Summary).Distinct().ToList());
            pending.Clear();
        }
        if (pending.Count > 0)
        {
            // Rows with no named event (an edit of the record): one line together.
            yield return new HistoryEntry(pending[0].OccurredAt, pending[0].ActorName, pending[0].Type,
                string.Join("; ", pending.Select(p => p.Summary).Distinct()), pending[0].Reason, []);
        }
    }
}

/// <summary>One event as the history reads it; <paramref name="Summary"/> is its description (<see cref="EventCatalogue.Describe"/>).</summary>
public sealed record HistoryEvent(DateTimeOffset OccurredAt, string ActorName, string Type, string Summary, string? Reason,
    string? SubjectType, Guid? SubjectId);

/// <summary>One line of a person's change history: an action, with the automatic change rows of the same save.</summary>
public sealed record HistoryEntry(DateTimeOffset OccurredAt, string ActorName, string Type, string Summary, string? Reason,
    IReadOnlyList<string> AlsoRecorded);
