using Safeguard.Core.Timescales;

namespace Safeguard.Core.Enquiries;

/// <summary>
/// What a strategy discussion record must hold, every problem at once: when it was held (not in the future, not before
/// the referral), who took part (children's social care and at least one other agency; each person with a name and a role),
/// a reason for each of police, health and education that did not take part, the information shared, the decision with
/// its reasons, and each action with what, a due day that has not passed and a member of staff to do it.
/// </summary>
public static class StrategyRules
{
    public static IReadOnlyList<(string Field, string Message)> Check(StrategyDiscussionInput input, DateOnly referralDate, DateTimeOffset now,
        Func<Guid, bool> ownerExists)
    {
        var errors = new List<(string, string)>();
        if (input.HeldAt is not { } held) errors.Add((StrategyFields.HeldAt, "Enter when the strategy discussion was held"));
        else if (held > now) errors.Add((StrategyFields.HeldAt, "The strategy discussion must have been held already: enter a time in the past"));
        else if (TimeLimits.UkDay(held) < referralDate)
        {
            errors.Add((StrategyFields.HeldAt, $"The strategy discussion must be on or after the referral, {referralDate:d MMMM yyyy}"));
        }

        ParticipantRows.Check(input.Participants, StrategyDiscussions.MaxParticipants, StrategyFields.Participants, errors);
        var taking = Taking(input).ToList();
        if (taking.All(p => p.Agency != Agency.ChildrensSocialCare))
        {
            errors.Add((StrategyFields.Participants, "Add who took part from children's social care"));
        }
        else if (taking.All(p => p.Agency == Agency.ChildrensSocialCare))
        {
            errors.Add((StrategyFields.Participants, "A strategy discussion involves other agencies: add who took part from the police, health, education or others"));
        }
        foreach (var agency in StrategyPartners.Required)
        {
            var reason = Reason(input, agency);
            if (taking.Any(p => p.Agency == agency)) continue;
            if (string.IsNullOrWhiteSpace(reason))
            {
                errors.Add((StrategyFields.AbsentReason(agency), $"{agency.Words()} did not take part: say why"));
            }
            else if (reason.Trim().Length > StrategyDiscussions.ShortTextMaxLength * 5)
            {
                errors.Add((StrategyFields.AbsentReason(agency), $"The reason must be {StrategyDiscussions.ShortTextMaxLength * 5} characters or fewer"));
            }
        }

        Long(StrategyFields.InformationShared, input.InformationShared, "Enter the information shared", errors);
        if (input.Section47 is null) errors.Add((StrategyFields.Section47, "Select whether a section 47 enquiry is needed"));
        Long(StrategyFields.DecisionReasons, input.DecisionReasons, "Enter the reasons for the decision", errors);

        var actions = input.Actions.Take(StrategyDiscussions.MaxActions).ToList();
        var today = TimeLimits.UkDay(now);
        for (var i = 0; i < actions.Count; i++)
        {
            var a = actions[i];
            if (IsBlank(a)) continue;
            Short($"Actions[{i}].What", a.What, $"Enter what action {i + 1} is", errors);
            if (a.DueOn is not { } due) errors.Add(($"Actions[{i}].DueOn", $"Enter the day action {i + 1} is due by"));
            else if (due < today) errors.Add(($"Actions[{i}].DueOn", $"The day action {i + 1} is due by must be today or later"));
            if (a.OwnerId is not { } owner || !ownerExists(owner)) errors.Add(($"Actions[{i}].OwnerId", $"Choose who will do action {i + 1}"));
        }
        return errors;
    }

    /// <summary>The people who took part: the rows with anything typed in them.</summary>
    public static IEnumerable<ParticipantInput> Taking(StrategyDiscussionInput input) =>
        input.Participants.Take(StrategyDiscussions.MaxParticipants).Where(p => !IsBlank(p));

    /// <summary>The reason kept for a statutory partner's absence: only when they did not take part.</summary>
    public static string? AbsentReason(StrategyDiscussionInput input, Agency agency) =>
        Taking(input).Any(p => p.Agency == agency) ? null : Reason(input, agency)?.Trim();

    public static bool IsBlank(ParticipantInput p) => ParticipantRows.IsBlank(p);

    public static bool IsBlank(StrategyActionInput a) => string.IsNullOrWhiteSpace(a.What) && a.DueOn is null;

    private static string? Reason(StrategyDiscussionInput input, Agency agency) => agency switch
    {
        Agency.Police => input.PoliceAbsentReason,
        Agency.Health => input.HealthAbsentReason,
        Agency.Education => input.EducationAbsentReason,
        _ => null,
    };

    private static void Short(string field, string? text, string missing, List<(string, string)> errors) =>
        ParticipantRows.Required(field, text, StrategyDiscussions.ShortTextMaxLength, missing, errors);

    private static void Long(string field, string? text, string missing, List<(string, string)> errors) =>
        ParticipantRows.Required(field, text, StrategyDiscussions.TextMaxLength, missing, errors);
}
