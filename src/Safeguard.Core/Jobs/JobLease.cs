namespace Safeguard.Core.Jobs;

/// <summary>
/// Who may run a periodic background job now: one row per job. The instance whose conditional update takes a lease
/// that has run out does the job; the others skip it until <see cref="ExpiresAt"/>.
/// </summary>
public sealed class JobLease
{
    public const int NameMaxLength = 80;
    public const int HolderMaxLength = 200;

    private JobLease() { }

    public string Name { get; private set; } = "";
    public string Holder { get; private set; } = "";
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>How many times the lease has been taken: the job's runs across every instance.</summary>
    public long Runs { get; private set; }
}
