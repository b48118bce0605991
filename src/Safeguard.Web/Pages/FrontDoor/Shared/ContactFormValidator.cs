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

    public static NewContact? Validate(ContactForm form, ModelStateDictionary state, ContactChannel channel, Guid? organisationId, DateOnly today,
        DateTimeOffset? now = null)
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
            Required(state, key + "GivenName", c.GivenName, $"Enter {label} first name", 100);
            Required(state, key + "FamilyName", c.FamilyName, $"Enter {label} last name", 100);
            DateOnly? dob = null, edd = null;
            if (!c.DateOfBirth.IsEmpty)
            {
                if (!c.DateOfBirth.TryGetDate(out var d)) state.AddModelError(key + "DateOfBirth.Day", "Date of birth must be a real date");
                else if (d > today) state.AddModelError(key + "DateOfBirth.Day", "Date of birth must be today or in the past");
                else if (d < today.AddYears(-25)) state.AddModelError(key + "DateOfBirth.Day", "Date of birth must be within the last 25 years");
                else dob = d;
            }
            if (!c.ExpectedDateOfBirth.IsEmpty)
            {
                if (!c.ExpectedDateOfBirth.TryGetDate(out var d)) state.AddModelError(key + "ExpectedDateOfBirth.Day", "Expected date of birth must be a real date");
                else if (d < today.AddMonths(-1) || d > today.AddMonths(10)) state.AddModelError(key + "ExpectedDateOfBirth.Day", "Expected date of birth must be within the next 10 months");
                else edd = d;
            }
            if (c.DateOfBirth.IsEmpty && c.ExpectedDateOfBirth.IsEmpty && c.PersonId is null)
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
            children.Add(new NewChild(c.PersonId, c.GivenName?.Trim() ?? "", c.FamilyName?.Trim() ?? "", dob, edd, sex ?? Sex.Unknown,
                c.NhsNumber, c.AddressLine1, c.Town, c.Postcode, c.School));
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
