namespace Safeguard.Core.Audit;

/// <summary>
/// Turns a person's events into history lines, one line per action. A save that records a named event
/// ("Contact C1 decided: early help") also writes automatic rows for each entity it touched ("Contact changed",
/// "Referral created"); those rows have the same actor and (almost) the same time. They are shown under the named
/// event as "Also recorded", never dropped, so the history stays complete. Automatic rows with no named event in
/// their save (an edit of the record) are one line together.
/// </summary>
public static class HistoryGrouping
{
    /// <summary>Events of one save are written within this window; a person's next action is never this quick.</summary>
    public static readonly TimeSpan SameSave = TimeSpan.FromSeconds(2);

    public static bool IsAutomatic(string type) => type is EventTypes.Created or EventTypes.Changed or EventTypes.Deleted;

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
        var named = run.Where(e => !IsAutomatic(e.Type)).ToList();
        var automatic = run.Where(e => IsAutomatic(e.Type)).ToList();
        if (named.Count == 0)
        {
            var newest = run[0];
            yield return new HistoryEntry(newest.OccurredAt, newest.ActorName, newest.Type,
                string.Join("; ", automatic.Select(a => a.Summary).Distinct()), newest.Reason, []);
            yield break;
        }
        // An automatic row belongs with the named event about the same subject, otherwise with the save's first named event.
        var also = named.ToDictionary(n => n, _ => new List<string>());
        foreach (var a in automatic)
        {
            var owner = named.FirstOrDefault(n => n.SubjectId is not null && n.SubjectId == a.SubjectId) ?? named[^1];
            if (!also[owner].Contains(a.Summary)) also[owner].Add(a.Summary);
        }
        foreach (var n in named)
        {
            yield return new HistoryEntry(n.OccurredAt, n.ActorName, n.Type, n.Summary, n.Reason, also[n]);
        }
    }
}

/// <summary>One event as the history reads it.</summary>
public sealed record HistoryEvent(DateTimeOffset OccurredAt, string ActorName, string Type, string Summary, string? Reason,
    string? SubjectType, Guid? SubjectId);

/// <summary>One line of a person's change history: an action, with the automatic change rows of the same save.</summary>
public sealed record HistoryEntry(DateTimeOffset OccurredAt, string ActorName, string Type, string Summary, string? Reason,
    IReadOnlyList<string> AlsoRecorded);
