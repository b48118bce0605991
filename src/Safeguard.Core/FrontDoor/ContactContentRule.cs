using System.Globalization;
using System.Net.Mail;
using Safeguard.Core.People;
using Safeguard.Core.People.Identifiers;
using Safeguard.Core.Text;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.FrontDoor;

/// <summary>A part of a contact that a <see cref="ContactProblem"/> is about.</summary>
public enum ContactField
{
    Children, GivenName, FamilyName, DateOfBirth, ExpectedDateOfBirth, NhsNumber, AddressLine1, Town, Postcode, School,
    ReferrerName, ReferrerOrganisation, ReferrerRole, ReferrerEmail, ReferrerPhone, Concern,
}

/// <summary>
/// One thing wrong with a contact: the field (and the child, counted from 0, for a child's field) and a GOV.UK-style
/// message. Every door shows the same message: a page beside its own field, the partner API under <see cref="Key"/>.
/// </summary>
public sealed record ContactProblem(ContactField Field, int? Child, string Message)
{
    /// <summary>The field as the partner API names it (the JSON path of its request), e.g. <c>children[0].dateOfBirth</c>.</summary>
    public string Key => Child is { } i ? $"children[{i}].{ChildPath(Field)}" : ContactPath(Field);

    private static string ChildPath(ContactField field) => field switch
    {
        ContactField.GivenName => "givenName",
        ContactField.FamilyName => "familyName",
        ContactField.DateOfBirth => "dateOfBirth",
        ContactField.ExpectedDateOfBirth => "expectedDateOfBirth",
        ContactField.NhsNumber => "nhsNumber",
        ContactField.AddressLine1 => "address.line1",
        ContactField.Town => "address.town",
        ContactField.Postcode => "address.postcode",
        ContactField.School => "school",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a child's field."),
    };

    private static string ContactPath(ContactField field) => field switch
    {
        ContactField.Children => "children",
        ContactField.ReferrerName => "referrer.name",
        ContactField.ReferrerOrganisation => "referrer.organisation",
        ContactField.ReferrerRole => "referrer.role",
        ContactField.ReferrerEmail => "referrer.email",
        ContactField.ReferrerPhone => "referrer.phone",
        ContactField.Concern => "concern",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "A child's field needs the child."),
    };
}

/// <summary>
/// What a contact must contain, from whichever door it comes (the front door's page, a partner's page, the partner
/// API): the children (how many, their names, their age, a date of birth or an expected date of birth), the referrer
/// and the concern, with the lengths the database keeps. Each door reads its own format first (a form's day, month and
/// year boxes; the API's YYYY-MM-DD) and then asks this rule, so the same contact is refused by every door in the same
/// words. What a door legitimately asks beyond this stays with the door: how and when the front door received a contact,
/// the form's radios that must be answered, and which existing record a front-door worker linked.
/// </summary>
public static class ContactContentRule
{
    /// <summary>
    /// A sibling group of ten or more is real, and so is a contact about several households (a party, an exploitation
    /// network, one incident at a nursery). Twenty is enough for those and still one page of the form; more is a second
    /// contact. The same number on every door.
    /// </summary>
    public const int MaxChildren = 20;

    /// <summary>
    /// A contact is about a child: under 18 on the day it is checked (Children Act 1989 s105; Working Together 2023).
    /// Care leavers up to 25 have leaving-care duties, but a concern about one is not a contact about a child: it goes to
    /// the leaving care or adult services, not to the front door's one-working-day screening.
    /// </summary>
    public const int AgeLimitYears = 18;

    /// <summary>An unborn child's expected date of birth: at most a month overdue, and at most ten months ahead.</summary>
    public const int ExpectedAtMostMonthsAgo = 1;
    public const int ExpectedAtMostMonthsAhead = 10;

    // The column sizes in ContactConfiguration and ContactChildConfiguration.
    public const int MaxNameLength = 100;
    public const int MaxAddressLine1Length = 200;
    public const int MaxTownLength = 100;
    public const int MaxSchoolLength = 200;
    public const int MaxReferrerLength = 200;
    public const int MaxEmailLength = 320;
    public const int MaxPhoneLength = 40;
    public const int MaxConcernLength = 20000;

    /// <summary>Today as the rule counts it: the date in the UK, where the council is, not in UTC.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, WorkingDayCalendar.UkTime).DateTime);

    /// <summary>
    /// Everything wrong with <paramref name="contact"/> (empty when nothing is). A child whose link is an existing record
    /// (<see cref="LinkChoiceKind.Existing"/>, the front door only) needs no name or date typed: the record has them.
    /// Past <see cref="MaxChildren"/>, only the first children are checked.
    /// </summary>
    public static IReadOnlyList<ContactProblem> Check(NewContact contact, DateOnly today)
    {
        var problems = new List<ContactProblem>();
        var children = contact.Children;
        if (children.Count == 0) problems.Add(new(ContactField.Children, null, "Enter at least one child"));
        if (children.Count > MaxChildren)
            problems.Add(new(ContactField.Children, null, $"Enter at most {MaxChildren} children on one contact. Send another contact for the others"));
        for (var i = 0; i < Math.Min(children.Count, MaxChildren); i++) CheckChild(children[i], i, children.Count > 1, today, problems);

        var r = contact.Referrer;
        Required(problems, ContactField.ReferrerName, null, r.Name, "Enter the referrer's name", "Referrer's name", MaxReferrerLength);
        Optional(problems, ContactField.ReferrerOrganisation, null, r.Organisation, "Agency or organisation", MaxReferrerLength);
        Optional(problems, ContactField.ReferrerRole, null, r.Role, "Role", MaxReferrerLength);
        if (!Optional(problems, ContactField.ReferrerEmail, null, r.Email, "Email address", MaxEmailLength)
            && !string.IsNullOrWhiteSpace(r.Email) && !IsEmailAddress(r.Email.Trim()))
        {
            problems.Add(new(ContactField.ReferrerEmail, null, "Enter an email address in the correct format, like name@example.com"));
        }
        Optional(problems, ContactField.ReferrerPhone, null, r.Phone, "Phone number", MaxPhoneLength);
        Required(problems, ContactField.Concern, null, contact.Concern, "Describe what happened", "What happened", MaxConcernLength);
        return problems;
    }

    /// <summary>The problem with a date of birth, or null: not in the future and the child under 18 <paramref name="today"/>.</summary>
    public static string? DateOfBirthProblem(DateOnly dateOfBirth, DateOnly today) =>
        dateOfBirth > today ? "Date of birth must be today or in the past"
        : dateOfBirth <= today.AddYears(-AgeLimitYears)
            ? $"Date of birth must be after {Words(today.AddYears(-AgeLimitYears))}: a contact is about a child under {AgeLimitYears}"
        : null;

    /// <summary>The problem with an unborn child's expected date of birth, or null.</summary>
    public static string? ExpectedDateOfBirthProblem(DateOnly expected, DateOnly today)
    {
        var earliest = today.AddMonths(-ExpectedAtMostMonthsAgo);
        var latest = today.AddMonths(ExpectedAtMostMonthsAhead);
        return expected < earliest || expected > latest
            ? $"Expected date of birth must be between {Words(earliest)} and {Words(latest)}"
            : null;
    }

    private static void CheckChild(NewChild child, int index, bool several, DateOnly today, List<ContactProblem> problems)
    {
        var linked = child.Link.Kind == LinkChoiceKind.Existing;
        var whose = several ? $"child {index + 1}'s" : "the child's";
        if (linked)
        {
            Optional(problems, ContactField.GivenName, index, child.GivenName, "First name", MaxNameLength);
            Optional(problems, ContactField.FamilyName, index, child.FamilyName, "Last name", MaxNameLength);
        }
        else
        {
            Required(problems, ContactField.GivenName, index, child.GivenName, $"Enter {whose} first name", "First name", MaxNameLength);
            Required(problems, ContactField.FamilyName, index, child.FamilyName, $"Enter {whose} last name", "Last name", MaxNameLength);
        }

        // A child born already has no expected date of birth: one or the other, never both.
        if (child.DateOfBirth is { } born)
        {
            if (DateOfBirthProblem(born, today) is { } problem) problems.Add(new(ContactField.DateOfBirth, index, problem));
            if (child.ExpectedDateOfBirth is not null)
                problems.Add(new(ContactField.ExpectedDateOfBirth, index,
                    "Enter a date of birth or an expected date of birth, not both: a child who is born has no expected date of birth"));
        }
        else if (child.ExpectedDateOfBirth is { } expected)
        {
            if (ExpectedDateOfBirthProblem(expected, today) is { } problem) problems.Add(new(ContactField.ExpectedDateOfBirth, index, problem));
        }
        else if (!linked)
        {
            problems.Add(new(ContactField.DateOfBirth, index, "Enter the date of birth, or the expected date of birth for an unborn child"));
        }

        if (!string.IsNullOrWhiteSpace(child.NhsNumber) && !NhsNumber.TryParse(child.NhsNumber, out _))
            problems.Add(new(ContactField.NhsNumber, index,
                "Enter a valid NHS number: 10 digits like 943 476 5919, the last of them the check digit. Leave it blank if it is not known"));
        Optional(problems, ContactField.AddressLine1, index, child.AddressLine1, "Address line 1", MaxAddressLine1Length);
        Optional(problems, ContactField.Town, index, child.Town, "Town", MaxTownLength);
        if (!string.IsNullOrWhiteSpace(child.Postcode) && !Postcode.TryParse(child.Postcode, out _))
            problems.Add(new(ContactField.Postcode, index, "Enter a real postcode, like NB1 4QT"));
        Optional(problems, ContactField.School, index, child.School, "School or nursery", MaxSchoolLength);
    }

    private static void Required(List<ContactProblem> problems, ContactField field, int? child, string? value, string missing, string label, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) problems.Add(new(field, child, missing));
        else Optional(problems, field, child, value, label, max);
    }

    /// <summary>Adds a problem when the value (trimmed) is longer than <paramref name="max"/> or cannot be saved; true if it did.</summary>
    private static bool Optional(List<ContactProblem> problems, ContactField field, int? child, string? value, string label, int max)
    {
        if (StorableText.HasNul(value))
        {
            problems.Add(new(field, child, $"{label} {StorableText.NulProblem}"));
            return true;
        }
        if (value is null || value.Trim().Length <= max) return false;
        problems.Add(new(field, child, $"{label} must be {max.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer"));
        return true;
    }

    /// <summary>One address, as written (no display name, no list), with a dot in it: what an outcome email can be sent to.</summary>
    private static bool IsEmailAddress(string email) =>
        MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && email.Contains('.', StringComparison.Ordinal);

    private static string Words(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
