using Safeguard.Core.Timescales;

namespace Safeguard.Core.Allocation;

/// <summary>
/// What makes an allocation discussion a record of a real discussion (issue 12: "allocated electronically without
/// discussion" must not happen): it took place, not in the future and not before the referral; the manager who records it
/// took part; at least one first action was agreed, each with what and a due day that has not passed; the risks discussed
/// are written down.
/// </summary>
public static class DiscussionRule
{
    public const int MaxActionLength = 200;
    public const int MaxRisksLength = 4000;
    public const int MaxNotesLength = 4000;
    public const int MaxReasonLength = 2000;
    public const int MaxActions = 20;

    public static List<AllocationError> Check(AllocationDiscussion discussion, DateTimeOffset now, DateOnly referralDate, Guid? actorId)
    {
        var errors = new List<AllocationError>();
        if (discussion.DiscussedAt > now)
        {
            errors.Add(new(AllocationFields.DiscussedAt, "The discussion must have taken place: its date and time cannot be in the future"));
        }
        else if (discussion.DiscussedAt < TimeLimits.UkLocal(referralDate, TimeOnly.MinValue))
        {
            errors.Add(new(AllocationFields.DiscussedAt, $"The discussion cannot be before the referral ({referralDate:d MMMM yyyy})"));
        }
        if (actorId is null || discussion.ManagerId != actorId)
        {
            errors.Add(new("", "The manager recording the discussion must be the manager who took part in it"));
        }
        var today = TimeLimits.UkDay(now);
        if (discussion.Actions.Count == 0)
        {
            errors.Add(new(AllocationFields.ActionWhat(0), "Enter at least one action agreed in the discussion, with the day it is due by"));
        }
        if (discussion.Actions.Count > MaxActions)
        {
            errors.Add(new(AllocationFields.Actions, $"Enter {MaxActions} agreed actions or fewer"));
        }
        for (var i = 0; i < discussion.Actions.Count; i++)
        {
            var action = discussion.Actions[i];
            if (string.IsNullOrWhiteSpace(action.What)) errors.Add(new(AllocationFields.ActionWhat(i), "Enter what was agreed"));
            else if (action.What.Trim().Length > MaxActionLength)
                errors.Add(new(AllocationFields.ActionWhat(i), $"An agreed action must be {MaxActionLength} characters or fewer"));
            if (action.DueOn < today) errors.Add(new(AllocationFields.ActionDue(i), "The day an action is due by cannot be in the past"));
        }
        if (string.IsNullOrWhiteSpace(discussion.Risks)) errors.Add(new(AllocationFields.Risks, "Enter the risks discussed"));
        else if (discussion.Risks.Trim().Length > MaxRisksLength)
            errors.Add(new(AllocationFields.Risks, $"The risks discussed must be {MaxRisksLength} characters or fewer"));
        if (discussion.Notes is { } notes && notes.Trim().Length > MaxNotesLength)
            errors.Add(new(AllocationFields.Notes, $"Notes must be {MaxNotesLength} characters or fewer"));
        return errors;
    }

    /// <summary>The discussion as it is kept: text trimmed, empty notes dropped.</summary>
    public static AllocationDiscussion Tidy(AllocationDiscussion d) => d with
    {
        Risks = d.Risks.Trim(),
        Notes = string.IsNullOrWhiteSpace(d.Notes) ? null : d.Notes.Trim(),
        Actions = d.Actions.Select(a => a with { What = a.What.Trim() }).ToList(),
    };
}
