namespace Safeguard.Core.FrontDoor;

/// <summary>
/// How a contact reached the council (the referrer's medium), as against <see cref="ContactChannel"/>, which door of
/// Safeguard recorded it. Stored by name.
/// </summary>
public enum ContactMethod { Phone, Email, InPerson, Letter, OnlineForm, PartnerApi }

public static class ContactMethods
{
    /// <summary>The methods a front-door worker chooses from (the API sets its own).</summary>
    public static readonly IReadOnlyList<ContactMethod> RecordedByHand =
        [ContactMethod.Phone, ContactMethod.Email, ContactMethod.InPerson, ContactMethod.Letter, ContactMethod.OnlineForm];

    /// <summary>The method of a contact that did not name one: what its door implies, if anything.</summary>
    public static ContactMethod? ImpliedBy(ContactChannel channel) => channel switch
    {
        ContactChannel.PartnerPage => ContactMethod.OnlineForm,
        ContactChannel.PartnerApi => ContactMethod.PartnerApi,
        _ => null,
    };

    /// <summary>Lower-case words for a sentence: "by phone", "by online form".</summary>
    public static string Words(ContactMethod method) => method switch
    {
        ContactMethod.Phone => "phone",
        ContactMethod.Email => "email",
        ContactMethod.InPerson => "in person",
        ContactMethod.Letter => "letter",
        ContactMethod.OnlineForm => "online form",
        ContactMethod.PartnerApi => "partner system (API)",
        _ => method.ToString(),
    };

    /// <summary>"by phone", "in person".</summary>
    public static string How(ContactMethod method) => method == ContactMethod.InPerson ? "in person" : "by " + Words(method);

    /// <summary>Sentence-case label for a radio or a table: "Phone", "In person".</summary>
    public static string Label(ContactMethod method) => char.ToUpperInvariant(Words(method)[0]) + Words(method)[1..];
}
