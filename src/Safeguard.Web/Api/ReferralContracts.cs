using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Safeguard.Web.Api;

// The wire shapes of /api/v1/referrals. Request fields are nullable so that a missing field is reported by name
// (see ReferralRequestValidator) rather than failing deserialisation; [Required] marks them in the OpenAPI document.

[Description("A referral (contact) about one or more children.")]
public sealed class ReferralRequest
{
    [Required, Description("The children the concern is about: at least one, at most 20.")]
    public List<ReferralChild?>? Children { get; set; }

    [Required, Description("The person making the referral.")]
    public ReferralReferrer? Referrer { get; set; }

    [Required, Description("What happened and why you are worried, in your words (at most 20,000 characters).")]
    public string? Concern { get; set; }

    [Description("Concern category codes: physical-abuse, sexual-abuse, emotional-abuse, neglect, domestic-abuse, exploitation, missing, mental-health, substance-misuse, other.")]
    public List<string?>? Categories { get; set; }

    [Required, Description("Was an injury seen?")]
    public bool? Injury { get; set; }

    [Required, Description("Is a child at immediate risk of harm? If so, also phone the front door now.")]
    public bool? ImmediateRisk { get; set; }

    [Description("Do the parents or carers know about this referral? Omit if not known.")]
    public bool? ParentsAware { get; set; }
}

public sealed class ReferralChild
{
    [Required, Description("Given name (at most 100 characters). For an unborn baby use 'Unborn'.")]
    public string? GivenName { get; set; }

    [Required, Description("Family name (at most 100 characters).")]
    public string? FamilyName { get; set; }

    [Description("Date of birth, YYYY-MM-DD: not in the future, and the child under 18. Give this or expectedDateOfBirth, not both.")]
    public string? DateOfBirth { get; set; }

    [Description("Expected date of birth of an unborn baby, YYYY-MM-DD: between one month ago and ten months ahead.")]
    public string? ExpectedDateOfBirth { get; set; }

    [Description("female, male, unknown or indeterminate (default unknown).")]
    public string? Sex { get; set; }

    [Description("NHS number: 10 digits (spaces allowed) with a valid modulus 11 check digit.")]
    public string? NhsNumber { get; set; }

    [Description("Where the child lives.")]
    public ReferralAddress? Address { get; set; }
}

public sealed class ReferralAddress
{
    [Description("First line of the address (at most 200 characters).")]
    public string? Line1 { get; set; }

    [Description("Town (at most 100 characters).")]
    public string? Town { get; set; }

    [Description("UK postcode, e.g. NB1 1AA.")]
    public string? Postcode { get; set; }
}

public sealed class ReferralReferrer
{
    [Required, Description("Name of the person referring (at most 200 characters).")]
    public string? Name { get; set; }

    [Description("Their organisation (at most 200 characters); defaults to the organisation that owns the API key.")]
    public string? Organisation { get; set; }

    [Description("Their role, e.g. Detective constable (at most 200 characters).")]
    public string? Role { get; set; }

    [Description("Email address the outcome is sent to (at most 320 characters).")]
    public string? Email { get; set; }

    [Description("Phone number (at most 40 characters).")]
    public string? Phone { get; set; }
}

[Description("A referral as the council holds it.")]
public sealed record ReferralResponse(
    [property: Description("Identifier for GET /api/v1/referrals/{id}.")] Guid Id,
    [property: Description("The council's reference, to quote on the phone.")] string Reference,
    [property: Description("awaiting-decision or decided.")] string Status,
    [property: Description("The children's names exactly as you sent them (never the council's own records).")] IReadOnlyList<ReferralChildName> Children,
    [property: Description("child-protection, urgent or standard.")] string Priority,
    [property: Description("When the council received it (UTC).")] DateTime ReceivedAt,
    [property: Description("When the screening decision is due: one working day after receipt (UTC).")] DateTime DecisionDueAt,
    [property: Description("When you should hear the outcome: 48 hours after receipt (UTC).")] DateTime FeedbackDueAt,
    [property: Description("Present once the referral is decided.")] ReferralDecision? Decision);

public sealed record ReferralChildName(
    [property: Description("Given name as sent.")] string GivenName,
    [property: Description("Family name as sent.")] string FamilyName);

public sealed record ReferralDecision(
    [property: Description("no-further-action, information-and-advice, early-help, referral-to-social-care or strategy-discussion.")] string Outcome,
    [property: Description("The reasons, as written for the referrer.")] string Reasons,
    [property: Description("When it was decided (UTC).")] DateTime DecidedAt);

public sealed record ReferralList(
    [property: Description("Referrals received at or after 'since', oldest first.")] IReadOnlyList<ReferralResponse> Referrals);
