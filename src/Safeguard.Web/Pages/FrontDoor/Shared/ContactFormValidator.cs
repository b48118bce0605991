using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.People.Identifiers;

namespace Safeguard.Web.Pages.FrontDoor.Shared;

/// <summary>Checks the contact form on the server with GOV.UK wording and turns it into a NewContact.</summary>
public static class ContactFormValidator
{
    public const int MaxChildren = 10;
    public const int MaxConcernLength = 20000;

    public const string ChooseARecord = "Select the existing record or 'None of these'";

    /// <summary>
    /// Checks the form and makes the contact. <paramref name="chosenRecords"/>: the records the worker chose, as they are now
    /// (<see cref="ChosenIds"/>), whose details then replace what was typed (kept as sent); null for a form whose choices are
    /// ignored (a partner's: a partner never links a child to a record).
    /// </summary>
    public static NewContact? Validate(ContactForm form, ModelStateDictionary state, ContactChannel channel, Guid? organisationId, DateOnly today,
        IReadOnlyDictionary<Guid, LinkedRecord>? chosenRecords = null, DateTimeOffset? now = null)
    {
        const string p = "Form.";
        var children = new List<NewChild>();
        if (form.Children.Count == 0) form.Children.Add(new ChildForm());
        if (form.Children.Count > MaxChildren) state.AddModelError(p + "Children", $"Record at most {MaxChildren} children on one contact");
        for (var i = 0; i < Math.Min(form.Children.Count, MaxChildren); i++)
        {
            var c = form.Children[i];
            var key = $"{p}Children[{i}].";
            var label = form.Children.Count > 1 ? $"child {i + 1}'s" : "the child's";
            var link = chosenRecords is null ? LinkChoice.NotChosen : LinkChoice.Parse(c.PersonId);
            LinkedRecord? record = null;
            if (link is { Kind: LinkChoiceKind.Existing, PersonId: { } chosenId } && !chosenRecords!.TryGetValue(chosenId, out record))
            {
                state.AddModelError(key + "PersonId", "The chosen record was not found. " + ChooseARecord);
            }
            else if (chosenRecords is not null && link.Kind == LinkChoiceKind.NotChosen && !string.IsNullOrWhiteSpace(c.Offered))
            {
                state.AddModelError(key + "PersonId", ChooseARecord);
            }
            if (record is null)
            {
                Required(state, key + "GivenName", c.GivenName, $"Enter {label} first name", 100);
                Required(state, key + "FamilyName", c.FamilyName, $"Enter {label} last name", 100);
            }
            else
            {
                Optional(state, key + "GivenName", c.GivenName, "First name", 100);
                Optional(state, key + "FamilyName", c.FamilyName, "Last name", 100);
            }
            DateOnly? dob = null, edd = null;
            if (!c.DateOfBirth.IsEmpty)
            {
                if (!c.DateOfBirth.TryGetDate(out var d)) state.AddModelError(key + "DateOfBirth.Day", "Date of birth must be a real date");
                else if (DateRules.DateOfBirthProblem(d, today) is { } problem) state.AddModelError(key + "DateOfBirth.Day", problem);
                else if (d < today.AddYears(-25)) state.AddModelError(key + "DateOfBirth.Day", "Date of birth must be within the last 25 years");
                else dob = d;
            }
            if (!c.ExpectedDateOfBirth.IsEmpty)
            {
                if (!c.ExpectedDateOfBirth.TryGetDate(out var d)) state.AddModelError(key + "ExpectedDateOfBirth.Day", "Expected date of birth must be a real date");
                else if (d < today.AddMonths(-1) || d > today.AddMonths(10)) state.AddModelError(key + "ExpectedDateOfBirth.Day", "Expected date of birth must be within the next 10 months");
                else edd = d;
            }
            if (c.DateOfBirth.IsEmpty && c.ExpectedDateOfBirth.IsEmpty && record is null)
                state.AddModelError(key + "DateOfBirth.Day", "Enter the date of birth, or the expected date of birth for an unborn child");
            var sex = c.Sex switch { "Female" => Sex.Female, "Male" => Sex.Male, "Indeterminate" => Sex.Indeterminate, "Unknown" or null or "" => Sex.Unknown, _ => (Sex?)null };
            if (sex is null) state.AddModelError(key + "Sex", "Select the child's sex, or 'Not known'");
            if (!string.IsNullOrWhiteSpace(c.NhsNumber) && !NhsNumber.TryParse(c.NhsNumber, out _))
                state.AddModelError(key + "NhsNumber", "Enter a valid NHS number, 10 digits like 943 476 5919, or leave it blank");
            if (!string.IsNullOrWhiteSpace(c.Postcode) && !Postcode.TryParse(c.Postcode, out _))
                state.AddModelError(key + "Postcode", "Enter a real postcode, like NB1 4QT");
            Optional(state, key + "AddressLine1", c.AddressLine1, "Address line 1", 200);
            Optional(state, key + "Town", c.Town, "Town", 100);
            Optional(state, key + "School", c.School, "School", 200);
            var typed = new NewChild(link, c.GivenName?.Trim() ?? "", c.FamilyName?.Trim() ?? "", dob, edd, sex ?? Sex.Unknown,
                c.NhsNumber, c.AddressLine1, c.Town, c.Postcode, c.School);
            children.Add(record is null ? typed : FromRecord(link, record, TypedBeforeFilling(c.Typed, typed) ?? typed.AsSent));
        }

        Required(state, p + "ReferrerName", form.ReferrerName, "Enter the referrer's name", 200);
        Optional(state, p + "ReferrerOrganisation", form.ReferrerOrganisation, "Agency or organisation", 200);
        Optional(state, p + "ReferrerRole", form.ReferrerRole, "Role", 200);
        if (!string.IsNullOrWhiteSpace(form.ReferrerEmail) && !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(form.ReferrerEmail.Trim()))
            state.AddModelError(p + "ReferrerEmail", "Enter an email address in the correct format, like name@example.com");
        Optional(state, p + "ReferrerPhone", form.ReferrerPhone, "Phone number", 40);
        Required(state, p + "Concern", form.Concern, "Describe what happened", MaxConcernLength);
        if (form.Categories.Count == 0) state.AddModelError(p + "Categories", "Select at least one concern category");
        else if (form.Categories.Any(c => !ConcernCategories.IsKnown(c))) state.AddModelError(p + "Categories", "Select concern categories from the list");
        var injury = YesNo(state, p + "InjurySeen", form.InjurySeen, "Select yes if an injury was seen");
        var risk = YesNo(state, p + "ImmediateRisk", form.ImmediateRisk, "Select yes if a child is at immediate risk");
        bool? parentsAware = form.ParentsAware switch { "yes" => true, "no" => false, "not-known" => null, _ => null };
        if (form.ParentsAware is not ("yes" or "no" or "not-known")) state.AddModelError(p + "ParentsAware", "Select whether the parents or carers know");

        // The front door says how and when the contact came in; the partner page is an online form received now.
        var (method, receivedAt) = channel == ContactChannel.FrontDoor && now is { } at ? ReceivedFields.Validate(form, state, at) : (null, null);

        if (!state.IsValid) return null;
        return new NewContact(children,
            new NewReferrer(form.ReferrerName!.Trim(), form.ReferrerOrganisation, form.ReferrerRole, form.ReferrerEmail?.Trim(), form.ReferrerPhone),
            form.Concern!.Trim(), form.Categories, injury!.Value, risk!.Value, parentsAware, channel, organisationId, method, receivedAt);
    }

    /// <summary>The ids of the existing records chosen on <paramref name="form"/>, to look up before <see cref="Validate"/>.</summary>
    public static IReadOnlyList<Guid> ChosenIds(ContactForm form) =>
        form.Children.Take(MaxChildren).Select(c => LinkChoice.Parse(c.PersonId).PersonId).OfType<Guid>().Distinct().ToList();

    /// <summary>A chosen child: the record's details, so nothing is typed twice; what was typed is kept as sent.</summary>
    private static NewChild FromRecord(LinkChoice link, LinkedRecord r, ChildAsSent sent) =>
        new(link, r.GivenName, r.FamilyName, r.DateOfBirth, r.ExpectedDateOfBirth, r.Sex, r.NhsNumber, r.AddressLine1, r.Town, r.Postcode, r.School)
        {
            Sent = sent,
        };

    /// <summary>What was typed before a chosen record filled the fields in (the form's Typed field), or null if nothing was filled in.</summary>
    private static ChildAsSent? TypedBeforeFilling(string? json, NewChild posted)
    {
        if (string.IsNullOrWhiteSpace(json) || json.Length > 4000) return null;
        try
        {
            var t = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string?>>(json);
            if (t is null) return null;
            string? Get(string name) => t.TryGetValue(name, out var v) ? v : null;
            var dob = new Safeguard.Web.TagHelpers.GovUkDate { Day = Get("DateOfBirth.Day"), Month = Get("DateOfBirth.Month"), Year = Get("DateOfBirth.Year") };
            return ChildAsSent.From(posted with
            {
                GivenName = Get("GivenName") ?? "",
                FamilyName = Get("FamilyName") ?? "",
                DateOfBirth = dob.TryGetDate(out var d) ? d : null,
                NhsNumber = Get("NhsNumber"),
                AddressLine1 = Get("AddressLine1"),
                Town = Get("Town"),
                Postcode = Get("Postcode"),
            });
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static void Required(ModelStateDictionary state, string key, string? value, string message, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) state.AddModelError(key, message);
        else if (value.Length > max) state.AddModelError(key, $"{message.Replace("Enter ", "").Replace("Describe ", "")} must be {max} characters or fewer");
    }

    private static void Optional(ModelStateDictionary state, string key, string? value, string label, int max)
    {
        if (value is { } v && v.Length > max) state.AddModelError(key, $"{label} must be {max} characters or fewer");
    }

    private static bool? YesNo(ModelStateDictionary state, string key, string? value, string message)
    {
        switch (value)
        {
            case "yes": return true;
            case "no": return false;
            default:
                state.AddModelError(key, message);
                return null;
        }
    }
}
