using System.Globalization;
using System.Net.Mail;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.People.Identifiers;

namespace Safeguard.Web.Api;

/// <summary>
/// Checks a referral request field by field and maps it to <see cref="NewContact"/>. Every problem is reported at once,
/// keyed by its JSON path (e.g. <c>children[0].dateOfBirth</c>), in words a partner's developer can act on.
/// </summary>
public static class ReferralRequestValidator
{
    public const int MaxChildren = 20;

    public static NewContact? Validate(ReferralRequest request, DateOnly today, Guid organisationId, string organisationName,
        Dictionary<string, string[]> errors)
    {
        void Add(string path, string message) =>
            errors[path] = errors.TryGetValue(path, out var existing) ? [.. existing, message] : [message];

        var children = new List<NewChild>();
        if (request.Children is null || request.Children.Count == 0)
        {
            Add("children", "Give at least one child.");
        }
        else if (request.Children.Count > MaxChildren)
        {
            Add("children", $"Give at most {MaxChildren} children in one referral.");
        }
        else
        {
            for (var i = 0; i < request.Children.Count; i++)
            {
                var path = $"children[{i}]";
                if (request.Children[i] is not { } child)
                {
                    Add(path, "Each child must be an object.");
                    continue;
                }
                var given = Text(child.GivenName, $"{path}.givenName", "given name", 100, required: true, Add);
                var family = Text(child.FamilyName, $"{path}.familyName", "family name", 100, required: true, Add);
                var dob = Date(child.DateOfBirth, $"{path}.dateOfBirth", Add);
                var expected = Date(child.ExpectedDateOfBirth, $"{path}.expectedDateOfBirth", Add);
                if (child.DateOfBirth is null && child.ExpectedDateOfBirth is null)
                {
                    Add($"{path}.dateOfBirth", "Give the child's date of birth, or expectedDateOfBirth for an unborn baby.");
                }
                else if (child.DateOfBirth is not null && child.ExpectedDateOfBirth is not null)
                {
                    Add($"{path}.expectedDateOfBirth", "Give dateOfBirth or expectedDateOfBirth, not both.");
                }
                if (dob is { } d)
                {
                    if (d > today) Add($"{path}.dateOfBirth", "Date of birth must not be in the future. For an unborn baby use expectedDateOfBirth.");
                    else if (d <= today.AddYears(-18)) Add($"{path}.dateOfBirth", "The child must be under 18. Refer adults to adult social care.");
                }
                if (expected is { } e && (e < today.AddMonths(-1) || e > today.AddMonths(10)))
                {
                    Add($"{path}.expectedDateOfBirth", "Expected date of birth must be between one month ago and ten months from today.");
                }
                var sex = Sex.Unknown;
                if (child.Sex is not null)
                {
                    sex = child.Sex.Trim().ToLowerInvariant() switch
                    {
                        "female" => Sex.Female,
                        "male" => Sex.Male,
                        "unknown" => Sex.Unknown,
                        "indeterminate" => Sex.Indeterminate,
                        _ => Invalid($"{path}.sex", $"'{Clip(child.Sex)}' is not a sex we record. Use female, male, unknown or indeterminate."),
                    };
                }
                string? nhs = null;
                if (!string.IsNullOrWhiteSpace(child.NhsNumber))
                {
                    if (NhsNumber.TryParse(child.NhsNumber, out var parsed)) nhs = parsed.Value;
                    else Add($"{path}.nhsNumber", $"'{Clip(child.NhsNumber)}' is not a valid NHS number: it must be 10 digits whose last digit is the modulus 11 check digit. Leave it out if you do not know it.");
                }
                string? line1 = null, town = null, postcode = null;
                if (child.Address is { } address)
                {
                    line1 = Text(address.Line1, $"{path}.address.line1", "first line of the address", 200, required: false, Add);
                    town = Text(address.Town, $"{path}.address.town", "town", 100, required: false, Add);
                    if (!string.IsNullOrWhiteSpace(address.Postcode))
                    {
                        if (Postcode.TryParse(address.Postcode, out var pc)) postcode = pc.Value;
                        else Add($"{path}.address.postcode", $"'{Clip(address.Postcode)}' is not a UK postcode, for example NB1 1AA.");
                    }
                }
                children.Add(new NewChild(LinkChoice.NotChosen, given ?? "", family ?? "", dob, expected, sex, nhs, line1, town, postcode, null));

                Sex Invalid(string p, string message)
                {
                    Add(p, message);
                    return Sex.Unknown;
                }
            }
        }

        NewReferrer? referrer = null;
        if (request.Referrer is not { } r)
        {
            Add("referrer", "Give the referrer: at least their name.");
        }
        else
        {
            var name = Text(r.Name, "referrer.name", "referrer's name", 200, required: true, Add);
            var organisation = Text(r.Organisation, "referrer.organisation", "referrer's organisation", 200, required: false, Add);
            var role = Text(r.Role, "referrer.role", "referrer's role", 200, required: false, Add);
            var email = Text(r.Email, "referrer.email", "referrer's email address", 320, required: false, Add);
            if (email is not null && (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || !email.Contains('.', StringComparison.Ordinal)))
            {
                Add("referrer.email", $"'{Clip(email)}' is not an email address, for example name@police.example.");
            }
            var phone = Text(r.Phone, "referrer.phone", "referrer's phone number", 40, required: false, Add);
            referrer = new NewReferrer(name ?? "", organisation ?? organisationName, role, email, phone);
        }

        var concern = Text(request.Concern, "concern", "concern", 20000, required: true, Add);

        var categories = new List<string>();
        if (request.Categories is { } codes)
        {
            for (var i = 0; i < codes.Count; i++)
            {
                var code = codes[i]?.Trim().ToLowerInvariant();
                if (code is not null && ConcernCategories.IsKnown(code))
                {
                    if (!categories.Contains(code)) categories.Add(code);
                }
                else
                {
                    Add($"categories[{i}]", $"'{Clip(codes[i])}' is not a concern category. Use one of: {string.Join(", ", ConcernCategories.All.Select(c => c.Code))}.");
                }
            }
        }

        if (request.Injury is null) Add("injury", "Say whether an injury was seen: true or false.");
        if (request.ImmediateRisk is null) Add("immediateRisk", "Say whether a child is at immediate risk: true or false.");

        if (errors.Count > 0) return null;
        return new NewContact(children, referrer!, concern!, categories, request.Injury!.Value, request.ImmediateRisk!.Value,
            request.ParentsAware, ContactChannel.PartnerApi, organisationId);
    }

    private static string? Text(string? value, string path, string what, int max, bool required, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) add(path, $"Give the {what}.");
            return null;
        }
        var trimmed = value.Trim();
        if (trimmed.Length > max)
        {
            add(path, $"The {what} must be at most {max.ToString("N0", CultureInfo.InvariantCulture)} characters (it is {trimmed.Length.ToString("N0", CultureInfo.InvariantCulture)}).");
            return null;
        }
        return trimmed;
    }

    private static DateOnly? Date(string? value, string path, Action<string, string> add)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        add(path, $"'{Clip(value)}' is not a date. Use YYYY-MM-DD, for example 2019-04-23.");
        return null;
    }

    /// <summary>Echoes at most 40 characters of what was sent.</summary>
    private static string Clip(string? value) => value is null ? "null" : value.Length <= 40 ? value : value[..37] + "...";
}
