namespace Safeguard.Core.Workforce;

/// <summary>The kinds of case a worker can hold, for competence rules and caseload weights.</summary>
public enum CaseKind { ChildInNeed, ChildProtection, LookedAfter, Court }

/// <summary>What a worker must be to hold a kind of case.</summary>
/// <param name="Kind">The kind of case.</param>
/// <param name="Registered">On the Social Work England register (number valid, renewal not passed).</param>
/// <param name="Qualified">Holds a social work qualification.</param>
/// <param name="PastFirstYear">Not in their first year in practice (not newly qualified).</param>
/// <param name="Training">Training that must be current.</param>
public sealed record CompetenceRule(CaseKind Kind, bool Registered, bool Qualified, bool PastFirstYear, IReadOnlyList<TrainingKind> Training);

/// <summary>What the competence rules need to know about a worker, on a day.</summary>
public sealed record WorkerCompetence(
    string? RegistrationNumber,
    DateOnly? RegistrationRenewsOn,
    bool IsQualified,
    DateOnly? PracticeStartedOn,
    IReadOnlyList<TrainingRecord> Training)
{
    public static WorkerCompetence Of(StaffUser user, IEnumerable<TrainingRecord> training) =>
        new(user.SocialWorkEnglandNumber, user.RegistrationRenewsOn, user.IsQualified, user.PracticeStartedOn,
            training.Where(t => t.UserId == user.Id).ToList());

    /// <summary>In their first year in practice on <paramref name="day"/> (or with no start date recorded).</summary>
    public bool IsNewlyQualifiedOn(DateOnly day) => CompetenceRules.IsNewlyQualifiedOn(PracticeStartedOn, day);
}

/// <summary>
/// The competence gate, in one table: what each kind of case needs of the worker who holds it. Child protection work
/// (a section 47 enquiry or a child protection plan) needs a registered, qualified worker with current specialist
/// training who is not in their first year (DOMAIN.md: "no social worker should be permitted to take on complex child
/// protection work until they have the relevant specialist training"). An allocation that breaks a rule is refused
/// with the reasons below, unless a service manager overrides it with a reason of their own.
/// </summary>
public static class CompetenceRules
{
    public static readonly IReadOnlyList<CompetenceRule> All =
    [
        new(CaseKind.ChildInNeed, Registered: true, Qualified: true, PastFirstYear: false, []),
        new(CaseKind.ChildProtection, Registered: true, Qualified: true, PastFirstYear: true,
            [TrainingKind.ChildProtectionSection47, TrainingKind.ChildProtectionPlans]),
        new(CaseKind.LookedAfter, Registered: true, Qualified: true, PastFirstYear: false, [TrainingKind.LookedAfterChildren]),
        new(CaseKind.Court, Registered: true, Qualified: true, PastFirstYear: true, [TrainingKind.CourtSkills]),
    ];

    /// <summary>The first year in practice, counted from the first day.</summary>
    public const int FirstYearMonths = 12;

    public static CompetenceRule For(CaseKind kind) => All.Single(r => r.Kind == kind);

    public static bool IsNewlyQualifiedOn(DateOnly? practiceStartedOn, DateOnly day) =>
        practiceStartedOn is not { } started || started.AddMonths(FirstYearMonths) > day;

    /// <summary>Why <paramref name="worker"/> may not hold a case of <paramref name="kind"/> on <paramref name="day"/>, in plain words; empty when they may.</summary>
    public static IReadOnlyList<string> Check(WorkerCompetence worker, CaseKind kind, DateOnly day)
    {
        var rule = For(kind);
        var what = kind.Words().ToLowerInvariant();
        var reasons = new List<string>();
        if (rule.Registered && !Registration.IsRegisteredOn(worker.RegistrationNumber, worker.RegistrationRenewsOn, day))
        {
            reasons.Add(Registration.Normalise(worker.RegistrationNumber) is null
                ? $"{Capital(what)} work needs a worker on the Social Work England register; no registration number is recorded"
                : $"{Capital(what)} work needs a worker on the Social Work England register; the registration lapsed on {worker.RegistrationRenewsOn:d MMMM yyyy}");
        }
        if (rule.Qualified && !worker.IsQualified) reasons.Add($"{Capital(what)} work needs a qualified social worker");
        if (rule.PastFirstYear && worker.IsNewlyQualifiedOn(day))
        {
            reasons.Add($"{Capital(what)} work cannot be held by a worker in their first year in practice");
        }
        foreach (var training in rule.Training)
        {
            var records = worker.Training.Where(t => t.Kind == training).ToList();
            if (records.Any(t => t.IsCurrentOn(day))) continue;
            var lapsed = records.Where(t => t.ExpiresOn is not null).MaxBy(t => t.ExpiresOn);
            reasons.Add(lapsed is null
                ? $"{Capital(what)} work needs current training in \"{training.Words()}\"; none is recorded"
                : $"{Capital(what)} work needs current training in \"{training.Words()}\"; it expired on {lapsed.ExpiresOn:d MMMM yyyy}");
        }
        return reasons;
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
