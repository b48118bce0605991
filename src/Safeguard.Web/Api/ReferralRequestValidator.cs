using System.Globalization;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.People.Identifiers;

namespace Safeguard.Web.Api;

/// <summary>
/// Reads a referral request field by field (its JSON values: dates as YYYY-MM-DD, sex and category codes, true/false
/// answers), then checks the contact with <see cref="ContactContentRule"/>, the rule every door shares, and maps it to
/// <see cref="NewContact"/>. Every problem is reported at once, keyed by its JSON path (e.g. <c>children[0].dateOfBirth</c>).
/// </summary>
public static class ReferralRequestValidator
{
    public const int MaxChildren = ContactContentRule.MaxChildren;

    /// <param name="today">See <see cref="ContactContentRule.Today"/>.</param>
    public static NewContact? Validate(ReferralRequest request, DateOnly today, Guid organisationId, string organisationName,
        Dictionary<string, string[]> errors)
    {
        void Add(string path, string message) =>
            errors[path] = errors.TryGetValue(path, out var existing) ? [.. existing, message] : [message];

        var children = new List<NewChild>();
        var sent = request.Children ?? [];
        // Children past the most are not read: the rule refuses the referral for them.
        for (var i = 0; i < Math.Min(sent.Count, MaxChildren + 1); i++)
        {
            var path = $"children[{i}]";
            if (sent[i] is not { } child)
            {
                Add(path, "Each child must be an object.");
                children.Add(new NewChild(LinkChoice.NotChosen, "", "", null, null, Sex.Unknown, null, null, null, null, null));
                continue;
            }
            var dob = Date(child.DateOfBirth, $"{path}.dateOfBirth", Add);
            var expected = Date(child.ExpectedDateOfBirth, $"{path}.expectedDateOfBirth", Add);
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
            var nhs = NhsNumber.TryParse(child.NhsNumber, out var parsed) ? parsed.Value : Blank(child.NhsNumber);
            var postcode = Postcode.TryParse(child.Address?.Postcode, out var pc) ? pc.Value : Blank(child.Address?.Postcode);
            children.Add(new NewChild(LinkChoice.NotChosen, child.GivenName?.Trim() ?? "", child.FamilyName?.Trim() ?? "", dob, expected, sex, nhs,
                Blank(child.Address?.Line1), Blank(child.Address?.Town), postcode, null));

            Sex Invalid(string p, string message)
            {
                Add(p, message);
                return Sex.Unknown;
            }
        }

        var r = request.Referrer;
        var referrer = new NewReferrer(r?.Name?.Trim() ?? "", Blank(r?.Organisation) ?? organisationName, Blank(r?.Role), Blank(r?.Email),
            Blank(r?.Phone));

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

        var contact = new NewContact(children, referrer, request.Concern?.Trim() ?? "", categories, request.Injury ?? false,
            request.ImmediateRisk ?? false, request.ParentsAware, ContactChannel.PartnerApi, organisationId);
        foreach (var problem in ContactContentRule.Check(contact, today))
        {
            // One message a field: a date that could not be read, or a child that is not an object, is not also "missing".
            if (!errors.Keys.Any(k => problem.Key == k || problem.Key.StartsWith(k + ".", StringComparison.Ordinal))) Add(problem.Key, problem.Message);
        }
        return errors.Count > 0 ? null : contact;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? Date(string? value, string path, Action<string, string> add)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        add(path, $"'{Clip(value)}' is not a date. Use YYYY-MM-DD, for example 2019-04-23.");
        return null;
    }

    /// <summary>Echoes at most 40 characters of what was sent.</summary>
    private static string Clip(string? value) => value is null ? "null" : Core.Text.Clip.WithMarker(value, 40);
}
