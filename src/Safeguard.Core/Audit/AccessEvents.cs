namespace Safeguard.Core.Audit;

/// <summary>Someone read a child's record or a contact about them (every view of a child's data is audited).</summary>
public sealed record RecordViewed(Guid PersonId, string PersonName, Guid? ContactId = null, string? ContactReference = null) : IEvent, IRecordsAReading
{
    public static string Name => "record.viewed";

    public string Describe() => ContactReference is null
        ? $"Viewed the record of {PersonName}"
        : $"Viewed contact {ContactReference} about {PersonName}";
}

/// <summary>Someone signed in, with a password (<paramref name="Provider"/> null) or the council's identity provider.</summary>
public sealed record SignedIn(Guid UserId, string DisplayName, string? Provider = null) : IEvent
{
    public static string Name => "account.signed-in";

    public string Describe() => Provider is null ? $"{DisplayName} signed in" : $"{DisplayName} signed in with {Provider}";
}

/// <summary>Why a sign-in was refused.</summary>
public enum SignInRefusal
{
    WrongEmailOrPassword, LockedOut, AccountDisabled, OrganisationRetired, NoAccount, Throttled,

    /// <summary>The identity provider did not say the email address is the person's (email_verified absent or false).</summary>
    EmailNotVerified,
}

/// <summary>
/// A sign-in was refused. <paramref name="Account"/>: what was typed or sent (an email address, or the identity
/// provider's name for the person); <paramref name="Provider"/>: the identity provider, null for a password sign-in;
/// <paramref name="Organisation"/>: the retired organisation, when that was why.
/// </summary>
public sealed record SignInFailed(string Account, SignInRefusal Refusal, string? Provider = null, string? Organisation = null) : IEvent
{
    public static string Name => "account.sign-in-failed";

    /// <summary>The longest account name kept: anything typed is recorded, bounded, so a failed sign-in cannot fill the audit.</summary>
    public const int AccountMaxLength = 320;

    /// <summary>What was typed or sent, bounded however long it was.</summary>
    public string Account { get; init; } = Bounded(Account);

    /// <summary>What was typed, cut to <see cref="AccountMaxLength"/> characters.</summary>
    public static string Bounded(string account) =>
        Text.Clip.WithMarker(account, AccountMaxLength, "…");

    public string Describe() => Provider is null
        ? $"Failed sign-in for {Account}: {Why}"
        : $"External sign-in refused for {Account} via {Provider}: {Why}";

    private string Why => Refusal switch
    {
        SignInRefusal.LockedOut => "locked out",
        SignInRefusal.AccountDisabled => "account disabled",
        SignInRefusal.OrganisationRetired => $"{Organisation} is retired",
        SignInRefusal.NoAccount => "no account",
        SignInRefusal.Throttled => "too many attempts, told to wait",
        SignInRefusal.EmailNotVerified => "email address not verified",
        _ => "wrong email address or password",
    };
}
