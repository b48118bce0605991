using Safeguard.Core.Security;

namespace Safeguard.Core.Oversight.Flow;

/// <summary>
/// How the flow watch judges a day and whom it tells (configuration section "FlowWatch"); the rule is
/// <see cref="FlowDropRule"/> and the defaults are explained in docs/flow-alerts.md.
/// </summary>
public sealed class FlowWatchSettings
{
    public const string Section = "FlowWatch";

    public bool Enabled { get; set; } = true;

    /// <summary>UK time of day after which a working day is judged (its counts are then complete enough).</summary>
    public TimeOnly CheckAt { get; set; } = new(18, 0);

    /// <summary>How many earlier same weekdays (ordinary working days only) make the usual level.</summary>
    public int UsualWeeks { get; set; } = 6;

    /// <summary>Fewer ordinary same weekdays than this in the last <see cref="UsualWeeks"/> + 6 weeks: the day is not judged.</summary>
    public int MinimumSamples { get; set; } = 3;

    /// <summary>A day's count below this fraction of its expected level is a drop (0.3: below 30%).</summary>
    public double DropBelow { get; set; } = 0.3;

    /// <summary>
    /// The expected level on a quiet day (next to a bank holiday, or between Christmas and New Year), as a fraction
    /// of the usual level.
    /// </summary>
    public double QuietDayFactor { get; set; } = 0.5;

    /// <summary>
    /// ...and only when ordinary chance would give so few less often than this (0.001: once in a thousand working days,
    /// about once in four years per stage), taking a day's count as Poisson with the expected level as its mean.
    /// </summary>
    public double MaxChance { get; set; } = 0.001;

    /// <summary>
    /// First and last day (MM-dd) of the school summer holidays, whose working days are quiet: schools, a fifth of the
    /// contacts, refer almost nothing. Either empty: no summer period.
    /// </summary>
    public string? SummerFrom { get; set; } = "07-22";

    /// <inheritdoc cref="SummerFrom"/>
    public string? SummerTo { get; set; } = "09-03";

    /// <summary>The expected level in the summer holidays, as a fraction of the usual level (before them).</summary>
    public double SummerFactor { get; set; } = 0.75;

    /// <summary>
    /// How many earlier ordinary same weekdays the stage's own spread is read from (<see cref="FlowDropRule.Spread"/>):
    /// a stage that varies more than chance alone needs a deeper fall to alert. 0 takes every stage as Poisson.
    /// </summary>
    public int SpreadWeeks { get; set; } = 26;

    /// <summary>A stage whose expected level is below this is not judged for a drop: a few a day swing too much.</summary>
    public double MinimumUsual { get; set; } = 5;

    /// <summary>After a restart, the most working days back the watch catches up on.</summary>
    public int CatchUpWorkingDays { get; set; } = 10;

    /// <summary>Roles whose members are emailed each flow alert.</summary>
    public List<string> RecipientRoles { get; set; } = [Roles.HeadOfService];

    /// <summary>Further addresses emailed each flow alert (a shared inbox, the director's office).</summary>
    public List<string> RecipientEmails { get; set; } = [];

    /// <summary>The site's address, so the email links to the alert's page (e.g. https://safeguard.example.gov.uk).</summary>
    public string? SiteAddress { get; set; }
}
