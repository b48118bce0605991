using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Safeguard.Core.Diagnostics;

/// <summary>
/// Safeguard's own traces and metrics (System.Diagnostics, so Core needs no telemetry package): the web host
/// exports them through OpenTelemetry by the name <see cref="Name"/>. Counts only, never a person's details.
/// </summary>
public static class SafeguardMetrics
{
    public const string Name = "Safeguard";

    public static readonly ActivitySource Traces = new(Name);
    private static readonly Meter Meter = new(Name);

    /// <summary>Referrals from partners recorded at the front door (a replay of an idempotent request is not counted).</summary>
    public static readonly Counter<long> ReferralsAccepted =
        Meter.CreateCounter<long>("safeguard.intake.referrals_accepted", "{referral}", "Partner referrals recorded at the front door");

    /// <summary>Runs of a background job, tagged with the job's name; an instance that found the job leased elsewhere does not count.</summary>
    public static readonly Counter<long> JobRuns =
        Meter.CreateCounter<long>("safeguard.jobs.runs", "{run}", "Background job runs, on this instance");

    public static void JobRan(string job) => JobRuns.Add(1, new KeyValuePair<string, object?>("job", job));
}
