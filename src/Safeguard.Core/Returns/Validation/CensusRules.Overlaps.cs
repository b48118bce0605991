using static Safeguard.Core.Returns.Validation.RuleSeverity;

namespace Safeguard.Core.Returns.Validation;

/// <summary>DfE's rules on plans, assessments and enquiries that start while another is still going on.</summary>
public static partial class CensusRules
{
    private static IEnumerable<CensusRule> Overlaps() =>
    [
        new("4014", Error, "CIN Plan data contains overlapping dates",
            (y, c) => StartsWhileAnotherGoesOn(CinPlans(c).ToList(), p => p.StartDate, p => p.EndDate ?? y.ReferenceDate)),
        new("8940", Error, "Child Protection Plan data contains overlapping dates",
            (y, c) => StartsWhileAnotherGoesOn(ProtectionPlans(c).ToList(), p => p.StartDate, p => p.EndDate ?? y.ReferenceDate)),
        new("8863Q", Query, "An Assessment is shown as starting when there is another Assessment ongoing.",
            (y, c) => c.Episodes.Any(e => StartsWhileAnotherGoesOn(e.Assessments, a => a.StartDate, a => a.AuthorisationDate ?? y.ReferenceDate))),
        new("8890", Error, "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing",
            // An enquiry that needed no conference and has none goes on no longer than its own start.
            (y, c) => c.Episodes.Any(e => StartsWhileAnotherGoesOn(e.Section47s, s => s.StartDate,
                s => s.InitialConference ?? (s.ConferenceNotRequired ? null : y.ReferenceDate)))),
        new("4016", Error, "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
            (y, c) => CinPlans(c).Any(cin => ProtectionPlans(c).Any(cp => OpenOn(cin.StartDate, cp.StartDate, cp.EndDate, y.ReferenceDate)))),
        new("4017", Error, "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
            (y, c) => ProtectionPlans(c).Any(cp => CinPlans(c).Any(cin => OpenOn(cp.StartDate, cin.StartDate, cin.EndDate, y.ReferenceDate)))),
        new("4003", Error, "A CPP review date is shown as being held at the same time as an open CIN Plan.",
            (y, c) => ProtectionPlans(c).Any(cp => cp.Reviews.Any(review => review != cp.EndDate
                && CinPlans(c).Any(cin => OpenOn(review, cin.StartDate, cin.EndDate, y.ReferenceDate))))),
    ];

    /// <summary>
    /// Whether one item starts on or between another's start and the last day it goes on (null: it does not go on),
    /// both days included, as DfE's "cannot fall within" rules read.
    /// </summary>
    private static bool StartsWhileAnotherGoesOn<T>(IReadOnlyList<T> items, Func<T, DateOnly> start, Func<T, DateOnly?> lastDay) =>
        items.Count > 1 && items.Select((item, i) => (item, i)).Any(one =>
            items.Where((_, j) => j != one.i).Any(other => start(one.item) >= start(other) && start(one.item) <= lastDay(other)));

    /// <summary>Whether a plan from <paramref name="from"/> is open on <paramref name="day"/>: not on its end day; to the reference date when open.</summary>
    private static bool OpenOn(DateOnly day, DateOnly from, DateOnly? to, DateOnly referenceDate) =>
        day >= from && (to is { } end ? day < end : day <= referenceDate);
}
