using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Safeguard.Core.Data;
using Safeguard.Core.Notifications;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Oversight.Flow;

/// <summary>One stage (or partner) judged on one day, and the alert it calls for, if any.</summary>
public sealed record FlowJudgement(FlowStage Stage, Guid? OrganisationId, string? OrganisationName, FlowDay Day, int ContactsThatDay)
{
    public AlertKind? Alert => Day.Status switch
    {
        FlowStatus.Stopped when Stage == FlowStage.PartnerReferrals => AlertKind.PartnerReferralsStopped,
        FlowStatus.Stopped => AlertKind.FlowStopped,
        FlowStatus.Dropped => AlertKind.FlowDropped,
        _ => null,
    };

    /// <summary>The alert in words, with the numbers.</summary>
    public string Message()
    {
        var day = Day.Day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
        var weekday = Day.Day.DayOfWeek;
        var usual = $"a usual {FlowWatch.Number(Day.Usual)} for a {weekday}"
            + (Day.Quiet ? $" ({FlowWatch.Number(Day.Expected)} expected, as it is a quiet day)" : "");
        return Alert switch
        {
            AlertKind.PartnerReferralsStopped =>
                $"No referrals arrived through the API from {OrganisationName ?? "a partner"} on {day}, against {usual}.",
            AlertKind.FlowStopped when Stage == FlowStage.ContactsReceived => $"No contacts received on {day}, against {usual}.",
            AlertKind.FlowStopped =>
                $"No {Stage.LowerWords()} on {day}, against {usual}, while {Text.Plural.Count(ContactsThatDay, "contact")} arrived.",
            _ =>
                $"{Stage.Words()} fell to {Day.Count} on {day}, against {usual}: {Percent(Day.Count, Day.Usual)} of usual.",
        };
    }

    private static string Percent(int count, double? usual) =>
        usual is > 0 ? $"{Math.Round(100.0 * count / usual.Value):0}%" : "–";
}

/// <summary>
/// Watches the flow of work: at the end of each working day (<see cref="FlowWatchSettings.CheckAt"/>), and on catch-up
/// for working days missed, judges every stage with <see cref="FlowDropRule"/>, records each judgement once
/// (<see cref="FlowCheck"/>), raises an <see cref="Alert"/> for a stage that dropped or stopped and a partner whose API
/// referrals stopped, and emails the recipients in the settings. Idempotent: a day once checked is never checked again.
/// </summary>
public sealed class FlowWatch(SafeguardDbContext db, IWorkingDayCalendar calendar, IOptions<FlowWatchSettings> options,
    INotifier? notifier = null, ILogger<FlowWatch>? logger = null)
{
    private readonly FlowWatchSettings _settings = options.Value;
    private readonly ILogger _log = logger ?? NullLogger<FlowWatch>.Instance;

    /// <summary>The alert kinds the watch raises: open until acknowledged.</summary>
    public static readonly IReadOnlyList<AlertKind> AlertKinds =
        [AlertKind.FlowDropped, AlertKind.FlowStopped, AlertKind.PartnerReferralsStopped];

    public FlowDropRule Rule => new(calendar, _settings);

    /// <summary>Checks the working days due and not yet checked; returns the alerts raised.</summary>
    public async Task<IReadOnlyList<Alert>> RunAsync(CancellationToken ct = default)
    {
        if (!_settings.Enabled) return [];
        var days = await DaysDueAsync(ct);
        if (days.Count == 0) return [];
        var judged = await JudgeAsync(days[0], days[^1], ct);
        var raised = new List<Alert>();
        foreach (var day in days)
        {
            var alerts = await SaveDayAsync(day, judged.Where(j => j.Day.Day == day).ToList(), ct);
            raised.AddRange(alerts);
        }
        if (raised.Count > 0) await EmailAsync(raised, ct);
        return raised;
    }

    /// <summary>Judges every working day from <paramref name="from"/> to <paramref name="to"/> without recording anything.</summary>
    public async Task<IReadOnlyList<FlowJudgement>> ReplayAsync(DateOnly from, DateOnly to, CancellationToken ct = default) =>
        await JudgeAsync(from, to, ct);

    /// <summary>
    /// The working days before <paramref name="from"/> that the rule reads, plus the days themselves, judged per stage and
    /// partner: working days only (a non-working day is never judged).
    /// </summary>
    public async Task<IReadOnlyList<FlowJudgement>> JudgeAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var rule = Rule;
        var start = from.AddDays(-rule.LookBackDays);
        var counts = new Dictionary<FlowStage, DailyCounts>();
        foreach (var stage in FlowStages.Watched) counts[stage] = await new FlowCounts(db).ForAsync(stage, start, to, ct);
        var partners = await new FlowCounts(db).PartnersAsync(start, to, ct);
        var names = await db.Organisations.AsNoTracking().Where(o => partners.Keys.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var contacts = counts[FlowStage.ContactsReceived];

        var result = new List<FlowJudgement>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day)) continue;
            foreach (var stage in FlowStages.Watched)
            {
                result.Add(new FlowJudgement(stage, null, null, rule.Judge(day, counts[stage].On), contacts.On(day)));
            }
            foreach (var (organisation, series) in partners)
            {
                var judged = rule.JudgeStop(day, series.On);
                if (judged.Status == FlowStatus.NotJudged) continue;
                result.Add(new FlowJudgement(FlowStage.PartnerReferrals, organisation, names.GetValueOrDefault(organisation), judged, contacts.On(day)));
            }
        }
        return result;
    }

    /// <summary>A stage's (or partner's) working days over the <paramref name="weeks"/> weeks to <paramref name="to"/>, each judged.</summary>
    public async Task<IReadOnlyList<FlowDay>> SeriesAsync(FlowStage stage, Guid? organisationId, DateOnly to, int weeks = 8,
        CancellationToken ct = default)
    {
        var rule = Rule;
        var from = to.AddDays(-7 * weeks + 1);
        var start = from.AddDays(-rule.LookBackDays);
        var counts = stage == FlowStage.PartnerReferrals
            ? (await new FlowCounts(db).PartnersAsync(start, to, ct)).GetValueOrDefault(organisationId ?? Guid.Empty) ?? DailyCounts.Of([])
            : await new FlowCounts(db).ForAsync(stage, start, to, ct);
        var days = new List<FlowDay>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day)) days.Add(rule.Judge(day, counts.On));
        }
        return days;
    }

    /// <summary>The UK day it is now, and the last working day whose check time has passed.</summary>
    public (DateOnly Today, DateOnly LastDue) Clock()
    {
        var local = TimeZoneInfo.ConvertTime(db.Time.GetUtcNow(), WorkingDayCalendar.UkTime);
        var today = DateOnly.FromDateTime(local.DateTime);
        var lastDue = calendar.IsWorkingDay(today) && TimeOnly.FromDateTime(local.DateTime) >= _settings.CheckAt
            ? today
            : calendar.AddWorkingDays(today, -1);
        return (today, lastDue);
    }

    /// <summary>Working days after the last one checked up to the last one due, at most <see cref="FlowWatchSettings.CatchUpWorkingDays"/>; on the first run, the last one due.</summary>
    private async Task<IReadOnlyList<DateOnly>> DaysDueAsync(CancellationToken ct)
    {
        var lastDue = Clock().LastDue;
        var lastChecked = await db.FlowChecks.MaxAsync(c => (DateOnly?)c.Day, ct);
        if (lastChecked >= lastDue) return [];
        var earliest = calendar.AddWorkingDays(lastDue, -(Math.Max(1, _settings.CatchUpWorkingDays) - 1));
        var first = lastChecked is { } last ? (last.AddDays(1) > earliest ? last.AddDays(1) : earliest) : lastDue;
        var days = new List<DateOnly>();
        for (var day = first; day <= lastDue; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day)) days.Add(day);
        }
        return days;
    }

    /// <summary>Records a day's judgements and its alerts in one save; another instance that got there first wins.</summary>
    private async Task<IReadOnlyList<Alert>> SaveDayAsync(DateOnly day, IReadOnlyList<FlowJudgement> judgements, CancellationToken ct)
    {
        var now = db.Time.GetUtcNow();
        var team = await db.Teams.FirstOfKindAsync(TeamKind.FrontDoor, ct)
            ?? await db.Teams.OrderBy(t => t.Name).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
        var alerts = new List<Alert>();
        foreach (var judgement in judgements)
        {
            var check = new FlowCheck(judgement.Stage, judgement.OrganisationId, judgement.Day, now);
            db.FlowChecks.Add(check);
            if (judgement.Alert is not { } kind || team is not { } teamId) continue;
            var alert = new Alert(kind, check.Id, teamId, judgement.Message(), now);
            db.Alerts.Add(alert);
            db.Record(new FlowAlertRaised(alert.Id, kind, judgement.Stage, judgement.OrganisationId, day, judgement.Day.Count,
                judgement.Day.Usual, alert.Message), null, nameof(Alert), alert.Id);
            alerts.Add(alert);
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return alerts;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            _log.LogInformation("The flow for {Day} was checked by another instance", day);
            return [];
        }
    }

    /// <summary>Emails each alert to the recipients in the settings. Best effort: the alert is already saved.</summary>
    private async Task EmailAsync(IReadOnlyList<Alert> alerts, CancellationToken ct)
    {
        if (notifier is null) return;
        foreach (var alert in alerts)
        {
            foreach (var to in await RecipientsAsync(ct))
            {
                try
                {
                    await notifier.SendAsync(new EmailNotification(to, $"Safeguard alert: {OverdueSweep.Title(alert.Kind)}",
                        $"{alert.Message}\n\nThe day's count against the usual level over the last 8 weeks: {Link(alert.Id)}", alert.Id.ToString()), ct);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    _log.LogWarning(ex, "Flow alert {AlertId} could not be emailed", alert.Id);
                }
            }
        }
    }

    /// <summary>The email addresses in the settings and those of enabled users in the roles in the settings.</summary>
    public async Task<IReadOnlyList<string>> RecipientsAsync(CancellationToken ct = default)
    {
        var roles = _settings.RecipientRoles;
        var members = roles.Count == 0 ? [] : await (
                from u in db.Users.AsNoTracking()
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where r.Name != null && roles.Contains(r.Name) && u.Email != null && !u.IsDisabled
                select u.Email!)
            .ToListAsync(ct);
        return _settings.RecipientEmails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim())
            .Concat(members).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The alert's page: its stage's chart.</summary>
    public string Link(Guid alertId) => $"{_settings.SiteAddress?.TrimEnd('/')}/oversight/flow/alerts/{alertId}";

    public static string Number(double? value) => value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) : "–";
}
